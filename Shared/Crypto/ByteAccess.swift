/// Gives C functions a valid pointer to a collection's bytes, never `nil`, even when it is empty.
enum ByteAccess {
    static func withBytes<Bytes: Collection<UInt8>, Result>(
        _ bytes: Bytes, _ body: (UnsafePointer<UInt8>, Int) throws -> Result
    ) rethrows -> Result {
        if let result = try bytes.withContiguousStorageIfAvailable({ buffer in
            try withNonNilBase(buffer, body)
        }) {
            return result
        }
        return try Array(bytes).withUnsafeBufferPointer { buffer in try withNonNilBase(buffer, body) }
    }

    private static func withNonNilBase<Result>(
        _ buffer: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<UInt8>, Int) throws -> Result
    ) rethrows -> Result {
        if let base = buffer.baseAddress {
            return try body(base, buffer.count)
        }
        var placeholder: UInt8 = 0
        return try withUnsafePointer(to: &placeholder) { pointer in try body(pointer, 0) }
    }
}
