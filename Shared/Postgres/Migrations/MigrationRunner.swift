import Foundation

/// Applies a service's SQL migrations (`NNNN_name.sql` files) inside the service's own schema.
///
/// Files run in the order of their numeric prefix, each in its own transaction with
/// `SET LOCAL search_path TO <schema>`, so unqualified names land in the schema. Applied versions are
/// recorded in `<schema>.schema_migrations` with a checksum of the file; an applied file that changed
/// stops the run with `.checksumMismatch` instead of running again. The whole run holds a session advisory
/// lock derived from the schema name on one connection, so replicas starting together apply each file
/// exactly once. Files must not contain transaction control (`BEGIN`/`COMMIT`) or statements that cannot
/// run inside a transaction (such as `CREATE INDEX CONCURRENTLY`).
public struct MigrationRunner: Sendable {
    public init() {}

    /// Applies the files of `directory` not yet recorded in `schema`; returns the versions applied by this
    /// call, in order (empty when everything was already applied).
    public func apply(pool: PostgresPool, schema: String, directory: URL) async throws -> [String] {
        guard Self.isValidSchemaName(schema) else { throw MigrationError.invalidSchemaName(schema) }
        let migrations = try await DedicatedThread.run(name: "migrations-reader") {
            try MigrationFile.loadAll(from: directory)
        }
        let lockKey = Self.advisoryLockKey(forSchema: schema)
        return try await pool.withConnection { connection in
            _ = try await connection.query("SELECT pg_advisory_lock(\(lockKey))")
            let applied: [String]
            do {
                applied = try await apply(migrations, schema: schema, on: connection)
            } catch {
                await unlock(lockKey, on: connection)
                throw error
            }
            await unlock(lockKey, on: connection)
            return applied
        }
    }

    /// The advisory lock key guarding migrations of `schema`: a stable 64-bit hash of its name.
    public static func advisoryLockKey(forSchema schema: String) -> Int64 {
        Int64(bitPattern: StableHash.fnv1a64("schema_migrations:\(schema)".utf8))
    }

    /// Whether `name` matches `[a-z_][a-z0-9_]*` and fits PostgreSQL's 63-byte identifier limit.
    public static func isValidSchemaName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 63 else { return false }
        let isLowerOrUnderscore = { (byte: UInt8) in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "_")
        }
        return isLowerOrUnderscore(first)
            && name.utf8.allSatisfy { isLowerOrUnderscore($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    private func apply(
        _ migrations: [MigrationFile], schema: String, on connection: PostgresConnection
    )
        async throws -> [String]
    {
        _ = try await connection.runSimple("CREATE SCHEMA IF NOT EXISTS \(schema)")
        _ = try await connection.runSimple(
            """
            CREATE TABLE IF NOT EXISTS \(schema).schema_migrations (
                version text PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                checksum text NOT NULL
            )
            """)
        let rows = try await connection.query("SELECT version, checksum FROM \(unsafeSQL: schema).schema_migrations")
        var appliedChecksums: [UInt64: String] = [:]
        for row in rows {
            guard let order = UInt64(try row.decode("version", as: String.self)) else { continue }
            appliedChecksums[order] = try row.decode("checksum", as: String.self)
        }
        for migration in migrations {
            if let checksum = appliedChecksums[migration.order], checksum != migration.checksum {
                throw MigrationError.checksumMismatch(version: migration.version, file: migration.fileName)
            }
        }
        var appliedNow: [String] = []
        for migration in migrations where appliedChecksums[migration.order] == nil {
            try await run(migration, schema: schema, on: connection)
            appliedNow.append(migration.version)
        }
        return appliedNow
    }

    private func run(_ migration: MigrationFile, schema: String, on connection: PostgresConnection) async throws {
        do {
            _ = try await connection.runSimple("BEGIN")
            _ = try await connection.runSimple("SET LOCAL search_path TO \(schema)")
            _ = try await connection.runSimple(migration.sql)
            _ = try await connection.query(
                """
                INSERT INTO \(unsafeSQL: schema).schema_migrations (version, name, checksum)
                VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                """)
            let commit = try await connection.runSimple("COMMIT")
            if commit.commandTag == "ROLLBACK" { throw PostgresError(.transactionAborted) }
        } catch {
            if connection.isUsable && connection.isInTransaction {
                _ = try? await connection.runSimple("ROLLBACK")
            }
            let underlying = error as? PostgresError ?? PostgresError(.unexpectedResult("\(error)"))
            throw MigrationError.migrationFailed(
                version: migration.version, file: migration.fileName, underlying: underlying)
        }
    }

    private func unlock(_ key: Int64, on connection: PostgresConnection) async {
        guard connection.isUsable else { return }
        _ = try? await connection.query("SELECT pg_advisory_unlock(\(key))")
    }
}
