import Mesh

/// Where a session belongs: one of the five dialects, or the admin surface.
enum SessionScope {
    static let admin = "admin"

    static func isValid(_ scope: String) -> Bool { scope == admin || Dialect(rawValue: scope) != nil }
}
