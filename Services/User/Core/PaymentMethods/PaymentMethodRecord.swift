import Postgres

/// A saved payment method (selected as `columns`).
struct PaymentMethodRecord: Sendable, Equatable {
    static let columns = "id, account_id, kind, account_number, account_name, bank_name, bank_address, qrcode"

    let id: Int64
    let accountID: Int64
    let details: PaymentDetails

    init(row: PostgresRow) throws {
        id = try row.decode("id", as: Int64.self)
        accountID = try row.decode("account_id", as: Int64.self)
        let number = try row.decode("kind", as: Int.self)
        let account = try row.decode("account_number", as: String.self)
        switch PaymentKind(rawValue: number) {
        case .bankCard?:
            details = .bankCard(
                number: account, holder: try row.decode("account_name", as: String.self),
                bank: try row.decode("bank_name", as: String.self),
                branchAddress: try row.decode("bank_address", as: String.self))
        case let kind?:
            details = .wallet(kind, account: account, qrcode: try row.decode("qrcode", as: String.self))
        case nil:
            throw UnknownStoredValue(column: "kind", value: String(number))
        }
    }
}
