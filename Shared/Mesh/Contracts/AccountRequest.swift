import JSON

/// A request that names one account: `{"account_id"}` (digits, as a string or a number).
public struct AccountRequest: MeshMessage {
    public let accountID: Int64

    public init(accountID: Int64) {
        self.accountID = accountID
    }

    public init(json: JSONObject) throws(MeshProtocolError) {
        accountID = try MeshFields(json).positiveInteger("account_id")
    }

    public var json: JSONObject { ["account_id": .id(accountID)] }
}
