/// De-chunks a `chunked` body (RFC 9112 section 7.1) incrementally: strict chunk-size lines (hex
/// digits only, optional `;name[=value]` extensions), exactly CRLF after each chunk's data, and
/// trailer fields validated like header fields, counted against the header limits, then discarded.
struct ChunkedBodyDecoder: Sendable {
    enum Step: Equatable {
        case needMoreData
        case done
        case failed(HTTPParseError)
    }

    /// Longest chunk-size line (size and extensions) accepted.
    static let maxSizeLineBytes = 4096
    /// Most hex digits in a chunk size (keeps the value far from `Int` overflow).
    static let maxSizeDigits = 15

    private enum State {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailers
        case done
    }

    private var state = State.size
    private var scanner = LineScanner()
    private var headerBytes: Int
    private var headerCount: Int
    private let maxHeaderBytes: Int
    private let maxHeaderCount: Int

    /// The header limits go on counting from what the head already used.
    init(headerBytesUsed: Int, headerCountUsed: Int, maxHeaderBytes: Int, maxHeaderCount: Int) {
        headerBytes = headerBytesUsed
        headerCount = headerCountUsed
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
    }

    /// Consumes what it can from `buffer`, appending chunk data to `body`.
    mutating func decode(_ buffer: inout ByteBuffer, into body: inout [UInt8], bodyLimit: Int) -> Step {
        while true {
            switch state {
            case .size:
                switch scanner.scan(buffer, maxLength: Self.maxSizeLineBytes) {
                case .incomplete: return .needMoreData
                case .tooLong: return .failed(.malformed("chunk-size line longer than \(Self.maxSizeLineBytes) bytes"))
                case .bareLF: return .failed(.malformed("chunk-size line ends with a bare LF"))
                case .bareCR: return .failed(.malformed("bare CR in a chunk-size line"))
                case .line(let length):
                    let parsed = buffer.withReadableBytes {
                        Self.parseSizeLine(UnsafeBufferPointer(rebasing: $0[0..<length]))
                    }
                    buffer.consume(length + 2)
                    switch parsed {
                    case .failure(let error): return .failed(error)
                    case .success(0): state = .trailers
                    case .success(let size):
                        if size > bodyLimit - body.count { return .failed(.bodyTooLarge) }
                        state = .data(remaining: size)
                    }
                }
            case .data(let remaining):
                let count = min(remaining, buffer.readableCount)
                if count == 0 { return .needMoreData }
                body.append(contentsOf: buffer.readable.prefix(count))
                buffer.consume(count)
                state = count == remaining ? .dataEnd : .data(remaining: remaining - count)
            case .dataEnd:
                let readable = buffer.readable
                guard let first = readable.first else { return .needMoreData }
                if first != HTTPGrammar.cr { return .failed(.malformed("chunk data is not followed by CRLF")) }
                guard readable.count >= 2 else { return .needMoreData }
                if readable[readable.startIndex + 1] != HTTPGrammar.lf {
                    return .failed(.malformed("chunk data is not followed by CRLF"))
                }
                buffer.consume(2)
                state = .size
            case .trailers:
                if let step = decodeTrailerLine(&buffer) { return step }
            case .done:
                return .done
            }
        }
    }

    /// Handles one trailer line; nil when the caller should go on.
    private mutating func decodeTrailerLine(_ buffer: inout ByteBuffer) -> Step? {
        switch scanner.scan(buffer, maxLength: max(0, maxHeaderBytes - headerBytes - 2)) {
        case .incomplete: return .needMoreData
        case .tooLong: return .failed(.headersTooLarge)
        case .bareLF: return .failed(.malformed("trailer line ends with a bare LF"))
        case .bareCR: return .failed(.malformed("bare CR in a trailer line"))
        case .line(0):
            buffer.consume(2)
            state = .done
            return nil
        case .line(let length):
            headerBytes += length + 2
            headerCount += 1
            if headerBytes > maxHeaderBytes { return .failed(.headersTooLarge) }
            if headerCount > maxHeaderCount { return .failed(.tooManyHeaders) }
            let parsed = buffer.withReadableBytes {
                FieldLineParser.parse(UnsafeBufferPointer(rebasing: $0[0..<length]))
            }
            buffer.consume(length + 2)
            if case .failure(let error) = parsed { return .failed(error) }
            return nil
        }
    }

    /// `chunk-size [ chunk-ext ]`: 1 to 15 hex digits, then any number of
    /// `BWS ";" BWS name [ BWS "=" BWS ( token / quoted-string ) ]`.
    static func parseSizeLine(_ line: UnsafeBufferPointer<UInt8>) -> Result<Int, HTTPParseError> {
        var index = 0
        var size = 0
        while index < line.count, let digit = HTTPGrammar.hexValue(line[index]) {
            if index == maxSizeDigits { return .failure(.malformed("chunk size has more than 15 hex digits")) }
            size = size * 16 + digit
            index += 1
        }
        if index == 0 { return .failure(.malformed("chunk size is not a hexadecimal number")) }
        while index < line.count {
            index = skipWhitespace(line, from: index)
            guard index < line.count, line[index] == HTTPGrammar.semicolon else {
                return .failure(.malformed("a chunk size may only be followed by ';name[=value]' extensions"))
            }
            index = skipWhitespace(line, from: index + 1)
            let nameEnd = skipToken(line, from: index)
            if nameEnd == index { return .failure(.malformed("chunk extension without a name")) }
            index = nameEnd
            let afterName = skipWhitespace(line, from: index)
            if afterName < line.count && line[afterName] == HTTPGrammar.equals {
                guard let valueEnd = skipExtensionValue(line, from: skipWhitespace(line, from: afterName + 1)) else {
                    return .failure(.malformed("chunk extension value is neither a token nor a quoted string"))
                }
                index = valueEnd
            }
        }
        return .success(size)
    }

    private static func skipWhitespace(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < line.count && HTTPGrammar.isWhitespace(line[index]) { index += 1 }
        return index
    }

    private static func skipToken(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < line.count && HTTPGrammar.isTokenByte(line[index]) { index += 1 }
        return index
    }

    /// The end of a token or quoted-string starting at `start`; nil when there is neither.
    private static func skipExtensionValue(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < line.count else { return nil }
        if line[start] != HTTPGrammar.quote {
            let end = skipToken(line, from: start)
            return end == start ? nil : end
        }
        var index = start + 1
        while index < line.count {
            let byte = line[index]
            if byte == HTTPGrammar.quote { return index + 1 }
            if byte == HTTPGrammar.backslash {
                guard index + 1 < line.count, HTTPGrammar.isFieldValueByte(line[index + 1]) else { return nil }
                index += 2
            } else {
                guard HTTPGrammar.isQuotedTextByte(byte) else { return nil }
                index += 1
            }
        }
        return nil
    }
}
