/// Decodes `%XX` escapes (and `+` as a space when `plusAsSpace`) in URL components and form bodies.
/// Returns nil when a `%` is not followed by two hex digits or the result is not valid UTF-8.
public func percentDecoded<S: StringProtocol>(_ text: S, plusAsSpace: Bool) -> String? {
    let utf8 = text.utf8
    if !utf8.contains(UInt8(ascii: "%")) && !(plusAsSpace && utf8.contains(UInt8(ascii: "+"))) {
        return String(text)
    }
    guard let bytes = percentDecodedBytes(utf8, plusAsSpace: plusAsSpace) else { return nil }
    return String(validating: bytes, as: UTF8.self)
}

/// The bytes that `%XX` escapes (and `+` when `plusAsSpace`) stand for; nil on a bad `%` escape.
public func percentDecodedBytes<C: Collection>(_ encoded: C, plusAsSpace: Bool) -> [UInt8]? where C.Element == UInt8 {
    var decoded: [UInt8] = []
    decoded.reserveCapacity(encoded.count)
    var index = encoded.startIndex
    while index != encoded.endIndex {
        let byte = encoded[index]
        encoded.formIndex(after: &index)
        if byte == UInt8(ascii: "+") && plusAsSpace {
            decoded.append(UInt8(ascii: " "))
        } else if byte == UInt8(ascii: "%") {
            guard index != encoded.endIndex, let high = HTTPGrammar.hexValue(encoded[index]) else { return nil }
            encoded.formIndex(after: &index)
            guard index != encoded.endIndex, let low = HTTPGrammar.hexValue(encoded[index]) else { return nil }
            encoded.formIndex(after: &index)
            decoded.append(UInt8(high * 16 + low))
        } else {
            decoded.append(byte)
        }
    }
    return decoded
}
