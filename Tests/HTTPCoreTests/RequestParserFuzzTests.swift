import HTTPCore
import Testing

@Suite("Request parser: fuzzing with mutated requests")
struct RequestParserFuzzTests {
    static let limits: HTTPParserLimits = {
        var limits = HTTPParserLimits()
        limits.maxRequestLineBytes = 96
        limits.maxHeaderBytes = 120
        limits.maxHeaderCount = 4
        limits.maxBodyBytes = 40
        return limits
    }()

    static let allowedStatuses: Set<Int> = [400, 413, 414, 431, 501, 505]
    /// The longest unfinished line the parser may hold: a chunk-size line with extensions.
    static let maxBufferedBytes = 4096 + 1

    /// Feeds the bytes in the given pieces and checks the parser's progress guarantees; nil when they
    /// were broken (a failure was recorded).
    static func feed(_ bytes: [UInt8], pieces: [Int], bodyLimit: Int?) -> [ParsedEvent]? {
        var parser = HTTPRequestParser(limits: limits)
        var buffer = ByteBuffer()
        var events: [ParsedEvent] = []
        var offset = 0
        var pieceIndex = 0
        while offset < bytes.count {
            let size = min(pieceIndex < pieces.count ? pieces[pieceIndex] : bytes.count, bytes.count - offset)
            pieceIndex += 1
            buffer.append(contentsOf: bytes[offset..<(offset + size)])
            offset += size
            while true {
                let before = buffer.readableCount
                let event = parser.next(&buffer)
                guard let parsed = ParsedEvent(event) else {
                    if buffer.readableCount > maxBufferedBytes {
                        Issue.record("needMoreData with \(buffer.readableCount) bytes buffered")
                        return nil
                    }
                    break
                }
                events.append(parsed)
                if events.count > 2 * bytes.count + 2 {
                    Issue.record("the parser reports events without making progress")
                    return nil
                }
                switch event {
                case .failed(let error):
                    if !allowedStatuses.contains(error.status.code) {
                        Issue.record("unexpected status \(error.status.code) for \(error)")
                    }
                    return events
                case .head:
                    if let bodyLimit { parser.setBodyLimit(bodyLimit) }
                case .request(let request):
                    if request.body.count > (bodyLimit ?? limits.maxBodyBytes) {
                        Issue.record("a body of \(request.body.count) bytes passed the limit")
                    }
                case .needMoreData:
                    break
                }
                if buffer.readableCount > before {
                    Issue.record("the parser grew the buffer")
                    return nil
                }
            }
        }
        return events
    }

    /// Heads and requests must alternate, each request answering the head before it.
    static func isWellOrdered(_ events: [ParsedEvent]) -> Bool {
        var expectingHead = true
        for (index, event) in events.enumerated() {
            switch event {
            case .head: if !expectingHead { return false }
            case .request: if expectingHead { return false }
            case .failed: return index == events.count - 1
            }
            if case .failed = event {} else { expectingHead.toggle() }
        }
        return true
    }

    @Test func seedsAreValidRequests() {
        for seed in MessageMutator.requestSeeds {
            let run = parseRequests(wire(seed), limits: Self.limits)
            #expect(run.failure == nil, "\(seed.debugDescription) gave \(run.events)")
            #expect(run.requests.count == 1)
            #expect(run.leftover == 0)
        }
    }

    @Test(arguments: [UInt64(0x5EED_0001), 0x5EED_0002, 0x5EED_0003, 0x5EED_0004])
    func mutatedRequestsNeverBreakTheParser(seed: UInt64) async {
        var mutator = MessageMutator(seeds: MessageMutator.requestSeeds, random: SplitMix64(seed: seed))
        var random = SplitMix64(seed: seed ^ 0xFEED)
        var outcomes: [String: Int] = [:]
        // Yields now and then: every suite shares the process, and servers of other suites need the threads.
        for round in 0..<25_000 {
            if round % 500 == 0 { await Task.yield() }
            let bytes = mutator.next()
            let bodyLimit: Int? = random.below(4) == 0 ? random.below(80) : nil
            let pieces = (0..<bytes.count).map { _ in 1 + random.below(random.below(2) == 0 ? 4 : 48) }
            guard let whole = Self.feed(bytes, pieces: [], bodyLimit: bodyLimit),
                let split = Self.feed(bytes, pieces: pieces, bodyLimit: bodyLimit)
            else {
                Issue.record("input: \(Self.describe(bytes))")
                return
            }
            if whole != split || !Self.isWellOrdered(whole) {
                Issue.record("input: \(Self.describe(bytes))\nwhole: \(whole)\nsplit: \(split)")
                return
            }
            switch whole.last {
            case .failed(let error)?: outcomes["\(error.status.code)", default: 0] += 1
            case .request?: outcomes["request", default: 0] += 1
            default: outcomes["incomplete", default: 0] += 1
            }
        }
        #expect(outcomes["request", default: 0] > 100, "too few inputs stay valid: \(outcomes)")
        #expect(outcomes["400", default: 0] > 1000, "too few inputs are rejected: \(outcomes)")
    }

    static func describe(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self).debugDescription }
}
