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
    if let decoded = encoded.withContiguousStorageIfAvailable({ percentDecodedBytes($0, plusAsSpace: plusAsSpace) }) {
        return decoded
    }
    return Array(encoded).withUnsafeBufferPointer { percentDecodedBytes($0, plusAsSpace: plusAsSpace) }
}

/// The byte loop behind `percentDecodedBytes`: one pass over contiguous memory, so a large form
/// field costs the same per byte in every build.
func percentDecodedBytes(_ encoded: UnsafeBufferPointer<UInt8>, plusAsSpace: Bool) -> [UInt8]? {
    var decoded = [UInt8](repeating: 0, count: encoded.count)
    var written = 0
    let complete = decoded.withUnsafeMutableBufferPointer { output -> Bool in
        var index = 0
        while index < encoded.count {
            let byte = encoded[index]
            index += 1
            if byte == UInt8(ascii: "+") && plusAsSpace {
                output[written] = UInt8(ascii: " ")
            } else if byte == UInt8(ascii: "%") {
                guard index + 1 < encoded.count, let high = HTTPGrammar.hexValue(encoded[index]),
                    let low = HTTPGrammar.hexValue(encoded[index + 1])
                else { return false }
                index += 2
                output[written] = UInt8(high * 16 + low)
            } else {
                output[written] = byte
            }
            written += 1
        }
        return true
    }
    guard complete else { return nil }
    decoded.removeLast(decoded.count - written)
    return decoded
}
