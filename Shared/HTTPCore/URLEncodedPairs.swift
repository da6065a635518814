/// Splits `a=1&b=x+y&flag` (a query string or an `application/x-www-form-urlencoded` body) into
/// decoded name/value pairs, in order. `+` is a space, a pair without `=` has an empty value, empty
/// pieces (`a=1&&b=2`) are ignored, and a pair whose name or value has a malformed `%` escape or is
/// not UTF-8 once decoded is skipped rather than passed on half-decoded.
public func urlEncodedPairs<C: Collection>(_ encoded: C) -> [(name: String, value: String)] where C.Element == UInt8 {
    var pairs: [(name: String, value: String)] = []
    for piece in encoded.split(separator: UInt8(ascii: "&")) {
        let equals = piece.firstIndex(of: UInt8(ascii: "=")) ?? piece.endIndex
        let rawValue = equals == piece.endIndex ? piece[equals...] : piece[piece.index(after: equals)...]
        guard let nameBytes = percentDecodedBytes(piece[..<equals], plusAsSpace: true),
            let valueBytes = percentDecodedBytes(rawValue, plusAsSpace: true),
            let name = String(validating: nameBytes, as: UTF8.self),
            let value = String(validating: valueBytes, as: UTF8.self)
        else { continue }
        pairs.append((name: name, value: value))
    }
    return pairs
}
