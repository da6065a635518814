/// The shipped region data cannot be read: a missing resource or a malformed line, named so the
/// file can be fixed.
public struct RegionDataError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let problem: String

    public var description: String { "region data \(file) line \(line): \(problem)" }
}
