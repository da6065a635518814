/// Bounds the parser enforces, so hostile input cannot exhaust memory or time.
public struct JSONLimits: Sendable, Equatable {
    /// Deepest nesting of arrays and objects; the outermost container is depth 1.
    public var maxDepth: Int
    /// Largest document in bytes.
    public var maxBytes: Int
    /// Longest string (object keys included) in UTF-8 bytes after unescaping.
    public var maxStringBytes: Int
    /// Most elements in one array or members in one object.
    public var maxElements: Int

    public init(
        maxDepth: Int = 64, maxBytes: Int = 10 * 1024 * 1024, maxStringBytes: Int = 1024 * 1024,
        maxElements: Int = 100_000
    ) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
        self.maxStringBytes = maxStringBytes
        self.maxElements = maxElements
    }
}
