/// Connection URLs of the test database server.
public enum DatabaseURL {
    /// `url` with its database name replaced by `name` (query options dropped).
    public static func replacingDatabase(in url: String, with name: String) -> String {
        var base = url
        if let query = base.firstIndex(of: "?") { base = String(base[..<query]) }
        guard let slash = base.range(of: "/", options: .backwards),
            slash.lowerBound > base.index(base.startIndex, offsetBy: 10)
        else { return base + "/" + name }
        return String(base[..<slash.lowerBound]) + "/" + name
    }
}
