/// Splits `a=1&b=x+y&flag` (a query string or an `application/x-www-form-urlencoded` body) into
/// decoded name/value pairs, in order. `+` is a space, a pair without `=` has an empty value, empty
/// pieces (`a=1&&b=2`) are ignored, and a pair whose name or value has a malformed `%` escape or is
/// not UTF-8 once decoded is skipped rather than passed on half-decoded.
public func urlEncodedPairs<C: Collection>(_ encoded: C) -> [(name: String, value: String)] where C.Element == UInt8 {
    if let pairs = encoded.withContiguousStorageIfAvailable(urlEncodedPairs(bytes:)) { return pairs }
    return Array(encoded).withUnsafeBufferPointer(urlEncodedPairs(bytes:))
}

/// The pairs of contiguous bytes, found in one pass by index (no per-byte generic calls, so a form
/// body of megabytes is split as fast in a debug build as the bytes can be read).
private func urlEncodedPairs(bytes: UnsafeBufferPointer<UInt8>) -> [(name: String, value: String)] {
    var pairs: [(name: String, value: String)] = []
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
            if let nameBytes = percentDecodedBytes(rawName, plusAsSpace: true),
                let valueBytes = percentDecodedBytes(rawValue, plusAsSpace: true),
                let name = String(validating: nameBytes, as: UTF8.self),
                let value = String(validating: valueBytes, as: UTF8.self)
            {
                pairs.append((name: name, value: value))
            }
        }
        start = end + 1
    }
    return pairs
}
