/// Splits `a=1&b=x+y&flag` (a query string or an `application/x-www-form-urlencoded` body) into
/// decoded name/value pairs, in order. `+` is a space, a pair without `=` has an empty value, empty
/// pieces (`a=1&&b=2`) are ignored, and a pair whose name or value has a malformed `%` escape or is
/// not UTF-8 once decoded is skipped rather than passed on half-decoded (`strictURLEncodedPairs`
/// names such a pair instead).
public func urlEncodedPairs<C: Collection>(_ encoded: C) -> [(name: String, value: String)] where C.Element == UInt8 {
    var pairs: [(name: String, value: String)] = []
    forEachURLEncodedPair(encoded) { pair in
        if case .success(let decoded) = pair { pairs.append(decoded) }
        return true
    }
    return pairs
}

/// The same pairs as `urlEncodedPairs`, but a pair that cannot be decoded is an error naming it
/// instead of being left out, so a client is told which field it sent broken.
public func strictURLEncodedPairs<C: Collection>(
    _ encoded: C
) throws(URLEncodingError) -> [(name: String, value: String)] where C.Element == UInt8 {
    var pairs: [(name: String, value: String)] = []
    var failure: URLEncodingError?
    forEachURLEncodedPair(encoded) { pair in
        switch pair {
        case .success(let decoded):
            pairs.append(decoded)
            return true
        case .failure(let error):
            failure = error
            return false
        }
    }
    if let failure { throw failure }
    return pairs
}

/// A form or query field that cannot be decoded.
public struct URLEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the field.
    public enum Problem: Sendable, Equatable {
        /// A `%` not followed by two hex digits.
        case malformedEscape
        /// The decoded bytes are not UTF-8.
        case invalidUTF8
    }

    /// The field's decoded name, or its name as sent when the name itself cannot be decoded.
    public let field: String
    public let problem: Problem

    public var description: String {
        switch problem {
        case .malformedEscape: "the field \(field) has a malformed percent escape"
        case .invalidUTF8: "the field \(field) is not valid UTF-8"
        }
    }
}

private func forEachURLEncodedPair<C: Collection>(
    _ encoded: C, _ body: (Result<(name: String, value: String), URLEncodingError>) -> Bool
) where C.Element == UInt8 {
    if encoded.withContiguousStorageIfAvailable({ forEachURLEncodedPair(bytes: $0, body) }) != nil { return }
    Array(encoded).withUnsafeBufferPointer { forEachURLEncodedPair(bytes: $0, body) }
}

/// The pairs of contiguous bytes, found in one pass by index (no per-byte generic calls, so a form
/// body of megabytes is split as fast in a debug build as the bytes can be read). `body` answers
/// whether to go on.
private func forEachURLEncodedPair(
    bytes: UnsafeBufferPointer<UInt8>, _ body: (Result<(name: String, value: String), URLEncodingError>) -> Bool
) {
    var start = 0
    while start < bytes.count {
        var end = start
        var equals = -1
        while end < bytes.count && bytes[end] != UInt8(ascii: "&") {
            if equals < 0 && bytes[end] == UInt8(ascii: "=") { equals = end }
            end += 1
        }
        if end > start {
            let nameEnd = equals < 0 ? end : equals
            let valueStart = equals < 0 ? end : equals + 1
            let rawName = UnsafeBufferPointer(rebasing: bytes[start..<nameEnd])
            let rawValue = UnsafeBufferPointer(rebasing: bytes[valueStart..<end])
            guard body(decodedPair(name: rawName, value: rawValue)) else { return }
        }
        start = end + 1
    }
}

private func decodedPair(
    name rawName: UnsafeBufferPointer<UInt8>, value rawValue: UnsafeBufferPointer<UInt8>
) -> Result<(name: String, value: String), URLEncodingError> {
    let nameAsSent = String(decoding: rawName, as: UTF8.self)
    guard let nameBytes = percentDecodedBytes(rawName, plusAsSpace: true) else {
        return .failure(URLEncodingError(field: nameAsSent, problem: .malformedEscape))
    }
    guard let name = String(validating: nameBytes, as: UTF8.self) else {
        return .failure(URLEncodingError(field: nameAsSent, problem: .invalidUTF8))
    }
    guard let valueBytes = percentDecodedBytes(rawValue, plusAsSpace: true) else {
        return .failure(URLEncodingError(field: name, problem: .malformedEscape))
    }
    guard let value = String(validating: valueBytes, as: UTF8.self) else {
        return .failure(URLEncodingError(field: name, problem: .invalidUTF8))
    }
    return .success((name: name, value: value))
}
