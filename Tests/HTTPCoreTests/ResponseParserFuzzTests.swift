import HTTPCore
import Testing

@Suite("Response parser: fuzzing with mutated responses")
struct ResponseParserFuzzTests {
    /// A comparable summary of one response-parser event.
    enum Outcome: Equatable {
        case response(code: Int, headers: Int, body: [UInt8], closeAfter: Bool)
        case failed(HTTPParseError)
    }

    static let allowedStatuses: Set<Int> = [400, 413, 431, 501, 505]

    /// Feeds the bytes in the given pieces, then ends the stream.
    static func feed(_ bytes: [UInt8], pieces: [Int], toHEAD: Bool) -> [Outcome]? {
        var parser = HTTPResponseParser(maxHeaderBytes: 160, maxBodyBytes: 48)
        parser.expectResponse(toHEAD: toHEAD)
        var buffer = ByteBuffer()
        var outcomes: [Outcome] = []
        func record(_ event: ResponseParseEvent) -> Bool {
            switch event {
            case .needMoreData:
                return false
            case .response(let response, let closeAfter):
                outcomes.append(
                    .response(
                        code: response.status.code, headers: response.headers.count, body: response.body,
                        closeAfter: closeAfter))
                parser.expectResponse(toHEAD: toHEAD)
                return true
            case .failed(let error):
                outcomes.append(.failed(error))
                return false
            }
        }
        var offset = 0
        var pieceIndex = 0
        while offset < bytes.count {
            let size = min(pieceIndex < pieces.count ? pieces[pieceIndex] : bytes.count, bytes.count - offset)
            pieceIndex += 1
            buffer.append(contentsOf: bytes[offset..<(offset + size)])
            offset += size
            while record(parser.next(&buffer)) {
                if outcomes.count > bytes.count {
                    Issue.record("the parser reports responses without making progress")
                    return nil
                }
            }
            if case .failed = outcomes.last { return outcomes }
        }
        while record(parser.endOfStream(&buffer)) {
            if outcomes.count > bytes.count + 1 {
                Issue.record("the parser reports responses without making progress at the end of the stream")
                return nil
            }
        }
        return outcomes
    }

    @Test func mutatedResponsesNeverBreakTheParser() async {
        var mutator = MessageMutator(seeds: MessageMutator.responseSeeds, random: SplitMix64(seed: 0xC11E_0001))
        var random = SplitMix64(seed: 0xC11E_0002)
        var completed = 0
        // Yields now and then: every suite shares the process, and servers of other suites need the threads.
        for round in 0..<20_000 {
            if round % 500 == 0 { await Task.yield() }
            let bytes = mutator.next()
            let toHEAD = random.below(8) == 0
            let pieces = (0..<bytes.count).map { _ in 1 + random.below(24) }
            guard let whole = Self.feed(bytes, pieces: [], toHEAD: toHEAD),
                let split = Self.feed(bytes, pieces: pieces, toHEAD: toHEAD)
            else {
                Issue.record("input: \(Self.describe(bytes))")
                return
            }
            if whole != split {
                Issue.record("input: \(Self.describe(bytes))\nwhole: \(whole)\nsplit: \(split)")
                return
            }
            for outcome in whole {
                switch outcome {
                case .failed(let error):
                    if !Self.allowedStatuses.contains(error.status.code) {
                        Issue.record("unexpected status \(error.status.code) for \(error)")
                    }
                case .response(_, _, let body, _):
                    if body.count > 48 { Issue.record("a body of \(body.count) bytes passed the limit") }
                    completed += 1
                }
            }
        }
        #expect(completed > 1000)
    }

    static func describe(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self).debugDescription }
}
