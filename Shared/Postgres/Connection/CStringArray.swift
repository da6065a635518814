/// Lays Swift strings out as NUL-terminated C strings in one buffer that stays valid for the whole of `body`.
/// `nil` entries stay null pointers (SQL NULL for parameters); the array passed to `body` is not terminated.
func withCStringArray<Result>(
    _ strings: [String?],
    _ body: ([UnsafePointer<CChar>?]) throws -> Result
) rethrows -> Result {
    var byteCount = 0
    for string in strings { byteCount += (string?.utf8.count ?? 0) + 1 }
    return try withUnsafeTemporaryAllocation(of: CChar.self, capacity: max(1, byteCount)) { buffer in
        var pointers: [UnsafePointer<CChar>?] = []
        pointers.reserveCapacity(strings.count)
        var offset = 0
        for string in strings {
            guard let string else {
                pointers.append(nil)
                continue
            }
            let start = buffer.baseAddress! + offset
            for byte in string.utf8 {
                buffer[offset] = CChar(bitPattern: byte)
                offset += 1
            }
            buffer[offset] = 0
            offset += 1
            pointers.append(UnsafePointer(start))
        }
        return try body(pointers)
    }
}
