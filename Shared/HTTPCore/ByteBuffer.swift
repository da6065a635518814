/// A growable byte buffer that a connection appends to and a parser consumes from the front.
public struct ByteBuffer: Sendable {
    public private(set) var storage: [UInt8]
    /// Index of the first unread byte in `storage`.
    public private(set) var readerIndex: Int = 0

    public init(capacity: Int = 4096) {
        storage = []
        storage.reserveCapacity(capacity)
    }

    public init(_ bytes: [UInt8]) { storage = bytes }

    public var readableCount: Int { storage.count - readerIndex }
    public var isEmpty: Bool { readableCount == 0 }

    /// The unread bytes as an array slice (no copy).
    public var readable: ArraySlice<UInt8> { storage[readerIndex...] }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compactIfWorthIt()
        storage.append(contentsOf: bytes)
    }

    public mutating func append<S: Sequence>(contentsOf bytes: S) where S.Element == UInt8 {
        compactIfWorthIt()
        storage.append(contentsOf: bytes)
    }

    /// Marks `count` bytes at the front as read.
    public mutating func consume(_ count: Int) {
        precondition(count >= 0 && count <= readableCount, "consume past the end of the buffer")
        readerIndex += count
        if readerIndex == storage.count {
            storage.removeAll(keepingCapacity: true)
            readerIndex = 0
        }
    }

    /// Reads the unread bytes in place.
    public func withReadableBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try storage.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[readerIndex...]))
        }
    }

    public mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        readerIndex = 0
    }

    private mutating func compactIfWorthIt() {
        if readerIndex > 0 && readerIndex >= storage.count / 2 {
            storage.removeFirst(readerIndex)
            readerIndex = 0
        }
    }
}
