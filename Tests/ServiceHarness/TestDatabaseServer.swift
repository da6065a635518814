import Postgres

/// The PostgreSQL server the tests run against (`TEST_DATABASE_URL`): its URLs and the statements a test
/// runs on it as its administrator (databases and roles of its own).
public enum TestDatabaseServer {
    /// `url` with its database name replaced by `name` (query options dropped).
    public static func replacingDatabase(in url: String, with name: String) -> String {
        var base = url
        if let query = base.firstIndex(of: "?") { base = String(base[..<query]) }
        guard let slash = base.range(of: "/", options: .backwards),
            slash.lowerBound > base.index(base.startIndex, offsetBy: 10)
        else { return base + "/" + name }
        return String(base[..<slash.lowerBound]) + "/" + name
    }

    /// Runs `statement` on the server at `serverURL` on a connection of its own.
    public static func execute(_ statement: String, on serverURL: String) async throws {
        let admin = PostgresPool(configuration: try PostgresConfiguration(url: serverURL))
        do {
            _ = try await admin.execute(PostgresQuery(unsafeSQL: statement))
            await admin.close()
        } catch {
            await admin.close()
            throw error
        }
    }
}
