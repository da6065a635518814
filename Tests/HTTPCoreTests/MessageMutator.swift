/// Builds malformed and mutated messages from valid ones for the parser fuzz tests, reproducibly.
struct MessageMutator {
    static let requestSeeds: [String] = [
        "GET /items?id=7&q=a+b HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n",
        "POST /submit HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\nContent-Type: text/plain\r\n\r\nhello world",
        "PUT /up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;ext=1\r\nhello\r\n6 ; a=\"b\"\r\n world\r\n0\r\nT: v\r\n\r\n",
        "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        "POST /c HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc",
        "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET http://h:80/abs?x=1 HTTP/1.1\r\nHost: h\r\n\r\n",
        "\r\nDELETE /d/1 HTTP/1.1\r\nHost: h\r\nCookie: a=1; b=2\r\nContent-Length: 0\r\n\r\n",
        "POST /f HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "1a\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n",
    ]

    static let responseSeeds: [String] = [
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello",
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\nWiki\r\n5\r\npedia\r\n0\r\nT: 1\r\n\r\n",
        "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n",
        "HTTP/1.0 404 Not Found\r\nContent-Length: 3\r\n\r\nnot",
    ]

    static let interestingBytes: [UInt8] = Array("\r\n \t\0:,;=\"0129afxAF+-_/?#%".utf8) + [0x7F, 0x80, 0xFF, 0x0B]

    static let interestingLines: [String] = [
        "Content-Length: 5", "Content-Length: 0", "Content-Length: 70", "Content-Length: 0x5", "Content-Length: +5",
        "Content-Length: 5, 6", "Transfer-Encoding: chunked", "Transfer-Encoding: chunked, identity",
        "Transfer-Encoding: xchunked", "Host: h", "Host: a b", "Expect: 100-continue", " folded", "X : y", "X:\0y",
        "X-Pad: " + String(repeating: "p", count: 100), "0", "5", "ffffffff", "0_2e", "1;a=b", "", "GET / HTTP/1.1",
        "HTTP/1.1", "a", "3\r\nabc",
    ]

    let seeds: [String]
    var random: SplitMix64

    /// A message (sometimes several in a row) with one to four mutations applied.
    mutating func next() -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<(1 + random.below(3)) { bytes += Array(seeds[random.below(seeds.count)].utf8) }
        for _ in 0..<(1 + random.below(4)) { mutate(&bytes) }
        return bytes
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let position = bytes.isEmpty ? 0 : random.below(bytes.count)
        switch random.below(9) {
        case 0 where !bytes.isEmpty:
            bytes[position] ^= UInt8(1 << random.below(8))
        case 1:
            bytes.insert(Self.interestingBytes[random.below(Self.interestingBytes.count)], at: position)
        case 2 where !bytes.isEmpty:
            bytes.remove(at: position)
        case 3 where !bytes.isEmpty:
            bytes[position] = UInt8(truncatingIfNeeded: random.next())
        case 4:
            let lines = lineStarts(bytes)
            let start = lines[random.below(lines.count)]
            let end = lineEnd(bytes, from: start)
            bytes.insert(contentsOf: bytes[start..<end], at: start)
        case 5:
            let lines = lineStarts(bytes)
            let line = Self.interestingLines[random.below(Self.interestingLines.count)]
            bytes.insert(contentsOf: Array((line + "\r\n").utf8), at: lines[random.below(lines.count)])
        case 6:
            let lines = lineStarts(bytes)
            let start = lines[random.below(lines.count)]
            let end = lineEnd(bytes, from: start)
            let size = String(random.next() >> UInt64(random.below(64)), radix: 16)
            bytes.replaceSubrange(start..<min(end, bytes.count), with: Array(size.utf8.prefix(1 + random.below(17))))
        case 7 where !bytes.isEmpty:
            bytes.removeLast(random.below(min(bytes.count, 16)) + 1)
        default:
            let count = random.below(64)
            bytes.insert(contentsOf: (0..<count).map { _ in UInt8(ascii: "a") }, at: position)
        }
    }

    /// Offsets where lines start (0 and after every CRLF).
    private func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var index = 1
        while index < bytes.count {
            if bytes[index - 1] == UInt8(ascii: "\r") && bytes[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
            index += 1
        }
        return starts
    }

    /// The offset just past the CRLF ending the line that starts at `start` (or the end).
    private func lineEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "\r") && bytes[index + 1] == UInt8(ascii: "\n") { return index + 2 }
            index += 1
        }
        return bytes.count
    }
}
