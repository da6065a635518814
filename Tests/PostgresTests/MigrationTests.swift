import Foundation
import Postgres
import Testing

@Suite("Migrations", .enabled(if: TestDatabase.isConfigured, TestDatabase.skipReason))
struct MigrationTests {
    private static let createItems = """
        CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL);
        CREATE TABLE applied_log (file text NOT NULL);
        INSERT INTO applied_log VALUES ('0001');
        """
    private static let addColumn = """
        ALTER TABLE items ADD COLUMN price numeric NOT NULL DEFAULT 0;
        INSERT INTO applied_log VALUES ('0002');
        """
    private static let seed = """
        INSERT INTO items (id, name, price) VALUES (1, 'first', 9.99);
        INSERT INTO applied_log VALUES ('0010');
        """

    @Test func appliesFilesInNumericOrderOnce() async throws {
        try await withMigrations([
            "0010_seed.sql": Self.seed, "0002_add_price.sql": Self.addColumn, "0001_create_items.sql": Self.createItems,
            "README.md": "not a migration",
        ]) { pool, schema, directory in
            let runner = MigrationRunner()
            let applied = try await runner.apply(pool: pool, schema: schema, directory: directory)
            #expect(applied == ["0001", "0002", "0010"])
            #expect(try await runner.apply(pool: pool, schema: schema, directory: directory) == [])
            let items = try await pool.query("SELECT name, price FROM \(unsafeSQL: schema).items")
            #expect(try items[0].decode("price", as: PostgresNumeric.self).text == "9.99")
            let recorded = try await pool.query(
                "SELECT version, name, checksum FROM \(unsafeSQL: schema).schema_migrations ORDER BY version")
            #expect(try recorded.map { try $0.decode("version", as: String.self) } == ["0001", "0002", "0010"])
            #expect(try recorded[0].decode("name", as: String.self) == "create_items")
            #expect(try recorded[0].decode("checksum", as: String.self).hasPrefix("fnv1a64:"))
            #expect(try await logCount(pool, schema) == 3)
        }
    }

    @Test func newFilesAreAppliedLater() async throws {
        try await withMigrations(["0001_create_items.sql": Self.createItems]) { pool, schema, directory in
            let runner = MigrationRunner()
            #expect(try await runner.apply(pool: pool, schema: schema, directory: directory) == ["0001"])
            try Self.addColumn.write(
                to: directory.appendingPathComponent("0002_add_price.sql"), atomically: true, encoding: .utf8)
            #expect(try await runner.apply(pool: pool, schema: schema, directory: directory) == ["0002"])
        }
    }

    @Test func concurrentRunnersApplyEachFileExactlyOnce() async throws {
        try await withMigrations([
            "0001_create_items.sql": Self.createItems, "0002_add_price.sql": Self.addColumn, "0010_seed.sql": Self.seed,
        ]) { pool, schema, directory in
            let other = PostgresPool(configuration: try TestDatabase.configuration(poolSize: 1))
            async let first = MigrationRunner().apply(pool: pool, schema: schema, directory: directory)
            async let second = MigrationRunner().apply(pool: other, schema: schema, directory: directory)
            let results = try await [first, second]
            await other.close()
            #expect(results.flatMap { $0 }.sorted() == ["0001", "0002", "0010"])
            #expect(results.contains([]))
            #expect(try await logCount(pool, schema) == 3)
        }
    }

    @Test func aChangedAppliedFileIsReportedAndNotRerun() async throws {
        try await withMigrations(["0001_create_items.sql": Self.createItems]) { pool, schema, directory in
            let runner = MigrationRunner()
            _ = try await runner.apply(pool: pool, schema: schema, directory: directory)
            try (Self.createItems + "\nINSERT INTO applied_log VALUES ('again');").write(
                to: directory.appendingPathComponent("0001_create_items.sql"), atomically: true, encoding: .utf8)
            await #expect(throws: MigrationError.checksumMismatch(version: "0001", file: "0001_create_items.sql")) {
                try await runner.apply(pool: pool, schema: schema, directory: directory)
            }
            #expect(try await logCount(pool, schema) == 1)
        }
    }

    @Test func aFailingFileIsRolledBackAndReleasesTheLock() async throws {
        try await withMigrations([
            "0001_create_items.sql": Self.createItems,
            "0002_broken.sql": "CREATE TABLE half_done (id int);\nSELEC 1;",
        ]) { pool, schema, directory in
            let error = await #expect(throws: MigrationError.self) {
                try await MigrationRunner().apply(pool: pool, schema: schema, directory: directory)
            }
            guard case let .migrationFailed(version, file, underlying)? = error else {
                Issue.record("expected .migrationFailed, got \(String(describing: error))")
                return
            }
            #expect(version == "0002")
            #expect(file == "0002_broken.sql")
            #expect(underlying.sqlState == "42601")
            let tables = try await pool.query(
                "SELECT count(*) FROM pg_tables WHERE schemaname = \(schema) AND tablename = 'half_done'")
            #expect(try tables[0].decode(0, as: Int.self) == 0)
            #expect(try await logCount(pool, schema) == 1)
            let key = MigrationRunner.advisoryLockKey(forSchema: schema)
            let locked = try await pool.withConnection { connection in
                let rows = try await connection.query("SELECT pg_try_advisory_lock(\(key))")
                _ = try await connection.query("SELECT pg_advisory_unlock(\(key))")
                return try rows[0].decode(0, as: Bool.self)
            }
            #expect(locked)
        }
    }

    @Test(arguments: ["01-create.sql", "create.sql", "0001_.sql", "abc_items.sql", "0001_it ems.sql"])
    func malformedFileNamesAreRejected(fileName: String) async throws {
        try await withMigrations([fileName: "SELECT 1;"]) { pool, schema, directory in
            await #expect(throws: MigrationError.malformedFileName(fileName)) {
                try await MigrationRunner().apply(pool: pool, schema: schema, directory: directory)
            }
        }
    }

    @Test func duplicateVersionsAreRejected() async throws {
        try await withMigrations(["0001_a.sql": "SELECT 1;", "1_b.sql": "SELECT 2;"]) { pool, schema, directory in
            await #expect(throws: MigrationError.duplicateVersion(version: "0001", files: ["0001_a.sql", "1_b.sql"])) {
                try await MigrationRunner().apply(pool: pool, schema: schema, directory: directory)
            }
        }
    }

    @Test(arguments: [
        "Orders", "1orders", "", "orders; DROP SCHEMA public", "or-ders", String(repeating: "a", count: 64),
    ])
    func invalidSchemaNamesAreRejected(schema: String) async throws {
        try await withMigrations(["0001_a.sql": "SELECT 1;"]) { pool, _, directory in
            await #expect(throws: MigrationError.invalidSchemaName(schema)) {
                try await MigrationRunner().apply(pool: pool, schema: schema, directory: directory)
            }
        }
    }

    @Test func aMissingDirectoryIsReported() async throws {
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, schema in
            let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)")
            let error = await #expect(throws: MigrationError.self) {
                try await MigrationRunner().apply(pool: pool, schema: schema, directory: missing)
            }
            guard case .unreadableDirectory? = error else {
                Issue.record("expected .unreadableDirectory, got \(String(describing: error))")
                return
            }
        }
    }

    /// Writes `files` into a new temporary directory and runs `body` with a pool and a schema name not yet
    /// created (the runner creates it); everything is removed afterwards.
    private func withMigrations(
        _ files: [String: String],
        _ body: (PostgresPool, String, URL) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, contents) in files {
            try contents.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try await TestDatabase.withScratchSchema(poolSize: 1) { pool, scratch in
            let schema = scratch + "_m"
            do {
                try await body(pool, schema, directory)
            } catch {
                await TestDatabase.dropSchema(schema)
                throw error
            }
            await TestDatabase.dropSchema(schema)
        }
    }

    private func logCount(_ pool: PostgresPool, _ schema: String) async throws -> Int {
        try await pool.query("SELECT count(*) FROM \(unsafeSQL: schema).applied_log")[0].decode(0, as: Int.self)
    }
}
