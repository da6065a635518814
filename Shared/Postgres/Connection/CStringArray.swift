import Glibc

/// Copies Swift strings into C strings that stay valid for the whole of `body`, then frees them.
/// `nil` entries stay null pointers (SQL NULL for parameters); the array passed to `body` is not terminated.
func withCStringArray<Result>(
    _ strings: [String?],
    _ body: ([UnsafePointer<CChar>?]) throws -> Result
) rethrows -> Result {
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { string in
        string.map { text in
            guard let copy = strdup(text) else { fatalError("out of memory copying a PostgreSQL parameter") }
            return copy
        }
    }
    defer {
        for copy in copies { free(copy) }
    }
    return try body(copies.map { $0.map { UnsafePointer($0) } })
}
