import Foundation
import Postgres

/// A saved passenger (selected as `columns`).
struct PassengerRecord: Sendable, Equatable {
    static let columns = "id, account_id, name, id_type, id_number, passenger_type, created_at"

    let id: Int64
    let accountID: Int64
    let name: String
    let idNumber: String
    let type: PassengerType
    let createdAt: Date

    /// The train document's identity type, the only one accepted: 身份证 (resident ID card).
    static let identityTypeName = "身份证"

    init(row: PostgresRow) throws {
        id = try row.decode("id", as: Int64.self)
        accountID = try row.decode("account_id", as: Int64.self)
        name = try row.decode("name", as: String.self)
        idNumber = try row.decode("id_number", as: String.self)
        let type = try row.decode("passenger_type", as: String.self)
        guard let passengerType = PassengerType(rawValue: type) else {
            throw UnknownStoredValue(column: "passenger_type", value: type)
        }
        self.type = passengerType
        createdAt = try row.decode("created_at", as: Date.self)
    }
}
