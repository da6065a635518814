import Postgres
import ServiceKit

/// The admin's list and edits of the operations centres. An `app_id` belongs to one centre only.
extension OperationCentres {
    /// Every centre, oldest first.
    func all() async throws -> [OperationCentre] {
        try await database.query(
            "SELECT \(unsafeSQL: OperationCentre.columns) FROM merchants.operation_centres ORDER BY id LIMIT 1000"
        ).map(OperationCentre.init(row:))
    }

    func create(name: String, appID: String) async throws -> OperationCentre {
        try await naming(appID) {
            try await database.query(
                """
                INSERT INTO merchants.operation_centres (name, app_id) VALUES (\(name), \(appID))
                RETURNING \(unsafeSQL: OperationCentre.columns)
                """
            ).map(OperationCentre.init(row:))[0]
        }
    }

    /// Applies the given fields to centre `id`; nil when there is no such centre.
    func update(id: Int64, name: String?, appID: String?) async throws -> OperationCentre? {
        try await naming(appID) {
            try await database.query(
                """
                UPDATE merchants.operation_centres
                   SET name = COALESCE(\(name), name), app_id = COALESCE(\(appID), app_id), updated_at = now()
                 WHERE id = \(id)
                RETURNING \(unsafeSQL: OperationCentre.columns)
                """
            ).first.map(OperationCentre.init(row:))
        }
    }

    /// Whether centre `id` exists.
    func exists(id: Int64) async throws -> Bool {
        try await !database.query("SELECT 1 FROM merchants.operation_centres WHERE id = \(id)").isEmpty
    }

    /// Runs `write`, answering a taken `appID` as "already exists" naming it.
    private func naming<T>(_ appID: String?, _ write: () async throws -> T) async throws -> T {
        do {
            return try await write()
        } catch let error as PostgresError where error.isUniqueViolation {
            throw PlainRefusal(.alreadyExists, "app_id \(appID ?? "") already belongs to another operations centre")
        }
    }
}
