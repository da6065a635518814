/// Splits a `multipart/form-data` body (RFC 7578, RFC 2046 section 5.1) into its parts, strictly:
/// delimiters must be followed by CRLF (after optional spaces), part headers follow the header field
/// rules and end with an empty line, the closing delimiter must be present, and at most `maxParts`
/// parts are read. The preamble and epilogue are ignored. Delimiters are searched in the bytes, so
/// binary contents are fine.
public func multipartFormDataParts(
    _ body: [UInt8], boundary: String, maxParts: Int = 100
) throws(MultipartError) -> [MultipartPart] {
    guard isValidMultipartBoundary(boundary) else { throw .invalidBoundary }
    let delimiter = Array("--\(boundary)".utf8)
    let searcher = BytePatternSearcher(Array("\r\n".utf8) + delimiter)
    let result: Result<[MultipartPart], MultipartError> = body.withUnsafeBufferPointer { bytes in
        var position: Int
        if bytes.starts(with: delimiter) {
            position = delimiter.count
        } else if let found = searcher.firstIndex(in: bytes, from: 0) {
            position = found + searcher.pattern.count
        } else {
            return .failure(.noOpeningDelimiter)
        }
        var parts: [MultipartPart] = []
        while true {
            if bytes.count - position >= 2 && bytes[position] == UInt8(ascii: "-")
                && bytes[position + 1] == UInt8(ascii: "-")
            {
                return .success(parts)
            }
            while position < bytes.count && HTTPGrammar.isWhitespace(bytes[position]) { position += 1 }
            guard bytes.count - position >= 2 else { return .failure(.noClosingDelimiter) }
            guard bytes[position] == HTTPGrammar.cr && bytes[position + 1] == HTTPGrammar.lf else {
                return .failure(.malformedPart(index: parts.count, reason: "the delimiter is not followed by CRLF"))
            }
            position += 2
            guard let end = searcher.firstIndex(in: bytes, from: position) else { return .failure(.noClosingDelimiter) }
            if parts.count == maxParts { return .failure(.tooManyParts(limit: maxParts)) }
            switch MultipartPartParser.parse(UnsafeBufferPointer(rebasing: bytes[position..<end]), index: parts.count) {
            case .success(let part): parts.append(part)
            case .failure(let error): return .failure(error)
            }
            position = end + searcher.pattern.count
        }
    }
    return try result.get()
}

/// RFC 2046 `boundary`: 1 to 70 of `DIGIT ALPHA '()+_,-./:=?` and space, not ending with a space.
func isValidMultipartBoundary(_ boundary: String) -> Bool {
    let bytes = Array(boundary.utf8)
    guard (1...70).contains(bytes.count), bytes.last != HTTPGrammar.space else { return false }
    return bytes.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "'()+_,-./:=? ".utf8.contains(byte)
        }
    }
}

extension HTTPRequest {
    /// The parts of a `multipart/form-data` body (see `multipartFormDataParts`); the boundary comes
    /// from the `Content-Type` parameter, quoted or not.
    public func multipartParts(maxParts: Int = 100) throws(MultipartError) -> [MultipartPart] {
        guard contentType == "multipart/form-data" else { throw .notMultipartFormData(contentType: contentType) }
        guard let boundary = contentTypeParameter("boundary") else { throw .missingBoundary }
        return try multipartFormDataParts(body, boundary: boundary, maxParts: maxParts)
    }
}
