/// Finds a byte pattern in bytes with the Boyer-Moore-Horspool method, which skips ahead by up to the
/// pattern's length on each mismatch (used to find multipart delimiters in binary bodies).
struct BytePatternSearcher: Sendable {
    let pattern: [UInt8]
    private let shifts: [Int]

    init(_ pattern: [UInt8]) {
        precondition(!pattern.isEmpty, "the search pattern must not be empty")
        self.pattern = pattern
        var shifts = [Int](repeating: pattern.count, count: 256)
        for (offset, byte) in pattern.dropLast().enumerated() {
            shifts[Int(byte)] = pattern.count - 1 - offset
        }
        self.shifts = shifts
    }

    /// The index of the first occurrence at or after `start`.
    func firstIndex(in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let length = pattern.count
        let last = length - 1
        return pattern.withUnsafeBufferPointer { pattern in
            shifts.withUnsafeBufferPointer { shifts in
                var position = start
                while position + length <= haystack.count {
                    let tail = haystack[position + last]
                    if tail == pattern[last] {
                        var offset = last - 1
                        while offset >= 0 && haystack[position + offset] == pattern[offset] { offset -= 1 }
                        if offset < 0 { return position }
                    }
                    position += shifts[Int(tail)]
                }
                return nil
            }
        }
    }
}
