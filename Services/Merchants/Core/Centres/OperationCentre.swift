import Postgres

/// An operations centre: it runs one O2O mini-program (`appID`) and the merchants signed up under it.
struct OperationCentre: Sendable, Equatable {
    static let columns = "id, name, app_id"

    let id: Int64
    let name: String
    let appID: String

    init(id: Int64, name: String, appID: String) {
        self.id = id
        self.name = name
        self.appID = appID
    }

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        name = try row.decode("name")
        appID = try row.decode("app_id")
    }

    /// Whether the mini-program `appID` (the caller's, from the gateway) is this centre's own.
    func isOwn(appID caller: String?) -> Bool { caller == appID }
}
