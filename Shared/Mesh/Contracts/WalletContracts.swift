import JSON

/// `wallet.get` on user: an account's balances (fen) and points; zero for an account that never
/// used the wallet.
public enum WalletGet: MeshContract {
    public typealias Request = AccountRequest
    public static let service = ServiceName.user
    public static let name = "wallet.get"

    /// `{"account_id","balance","frozen","points"}`.
    public struct Reply: MeshMessage {
        public let accountID: Int64
        public let balance: Int64
        public let frozen: Int64
        public let points: Int64

        public init(accountID: Int64, balance: Int64, frozen: Int64, points: Int64) {
            self.accountID = accountID
            self.balance = balance
            self.frozen = frozen
            self.points = points
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            accountID = try fields.positiveInteger("account_id")
            balance = try fields.integer("balance")
            frozen = try fields.integer("frozen")
            points = try fields.integer("points")
        }

        public var json: JSONObject {
            [
                "account_id": .id(accountID), "balance": .integer(balance), "frozen": .integer(frozen),
                "points": .integer(points),
            ]
        }
    }
}

/// The request of every wallet movement: `{"account_id","amount","reference"?,"reason"?}`, the amount
/// in fen (1 fen to 10 billion yuan), `reference` naming what it is for (an order number).
public struct WalletMovementRequest: MeshMessage {
    /// The largest amount one movement may carry: 10 billion yuan in fen.
    public static let maximumAmount: Int64 = 1_000_000_000_000

    public let accountID: Int64
    public let amount: Int64
    public let reference: String?
    public let reason: String?

    public init(accountID: Int64, amount: Int64, reference: String? = nil, reason: String? = nil) {
        self.accountID = accountID
        self.amount = amount
        self.reference = reference
        self.reason = reason
    }

    public init(json: JSONObject) throws(MeshProtocolError) {
        let fields = MeshFields(json)
        accountID = try fields.positiveInteger("account_id")
        amount = try fields.positiveInteger("amount", maximum: Self.maximumAmount)
        reference = try fields.optionalText("reference", maxLength: 64)
        reason = try fields.optionalText("reason", maxLength: 200)
    }

    public var json: JSONObject {
        JSONObject(omittingNils: [
            "account_id": .id(accountID), "amount": .integer(amount), "reference": reference.map(JSONValue.string),
            "reason": reason.map(JSONValue.string),
        ])
    }
}

/// The reply of an applied wallet movement: the ledger entry and the wallet after it, and whether
/// this answers a key used before (`replayed`). A refused movement answers its kind with
/// `{"refusal","replayed"}` as data.
public struct WalletMovementReply: MeshMessage {
    public let accountID: Int64
    public let entryID: Int64
    /// The ledger entry's kind (`credit`, `debit` …).
    public let kind: String
    public let balance: Int64
    public let frozen: Int64
    public let replayed: Bool

    public init(accountID: Int64, entryID: Int64, kind: String, balance: Int64, frozen: Int64, replayed: Bool) {
        self.accountID = accountID
        self.entryID = entryID
        self.kind = kind
        self.balance = balance
        self.frozen = frozen
        self.replayed = replayed
    }

    public init(json: JSONObject) throws(MeshProtocolError) {
        let fields = MeshFields(json)
        accountID = try fields.positiveInteger("account_id")
        entryID = try fields.positiveInteger("entry_id")
        kind = try fields.string("kind")
        balance = try fields.integer("balance")
        frozen = try fields.integer("frozen")
        replayed = try fields.bool("replayed")
    }

    public var json: JSONObject {
        [
            "account_id": .id(accountID), "entry_id": .id(entryID), "kind": .string(kind),
            "balance": .integer(balance), "frozen": .integer(frozen), "replayed": .bool(replayed),
        ]
    }
}

/// A wallet movement contract: all share the request and reply, the name says the movement.
public protocol WalletMovementContract: MeshContract
where Request == WalletMovementRequest, Reply == WalletMovementReply {}

extension WalletMovementContract {
    public static var service: ServiceName { .user }
    public static var isMutating: Bool { true }
}

/// `wallet.credit`: money comes in (balance + amount).
public enum WalletCredit: WalletMovementContract { public static let name = "wallet.credit" }
/// `wallet.debit`: money leaves (balance − amount), refused below zero.
public enum WalletDebit: WalletMovementContract { public static let name = "wallet.debit" }
/// `wallet.freeze`: money is held (balance − amount, frozen + amount).
public enum WalletFreeze: WalletMovementContract { public static let name = "wallet.freeze" }
/// `wallet.unfreeze`: a hold is released (frozen − amount, balance + amount).
public enum WalletUnfreeze: WalletMovementContract { public static let name = "wallet.unfreeze" }
/// `wallet.settle`: a held amount leaves (frozen − amount).
public enum WalletSettle: WalletMovementContract { public static let name = "wallet.settle" }

/// The request of a points movement: `{"account_id","points","reference"?,"reason"?}`.
public struct PointsMovementRequest: MeshMessage {
    public static let maximumPoints: Int64 = 1_000_000_000_000

    public let accountID: Int64
    public let points: Int64
    public let reference: String?
    public let reason: String?

    public init(accountID: Int64, points: Int64, reference: String? = nil, reason: String? = nil) {
        self.accountID = accountID
        self.points = points
        self.reference = reference
        self.reason = reason
    }

    public init(json: JSONObject) throws(MeshProtocolError) {
        let fields = MeshFields(json)
        accountID = try fields.positiveInteger("account_id")
        points = try fields.positiveInteger("points", maximum: Self.maximumPoints)
        reference = try fields.optionalText("reference", maxLength: 64)
        reason = try fields.optionalText("reason", maxLength: 200)
    }

    public var json: JSONObject {
        JSONObject(omittingNils: [
            "account_id": .id(accountID), "points": .integer(points), "reference": reference.map(JSONValue.string),
            "reason": reason.map(JSONValue.string),
        ])
    }
}

/// The reply of an applied points movement: `{"account_id","entry_id","change","points","replayed"}`.
public struct PointsMovementReply: MeshMessage {
    public let accountID: Int64
    public let entryID: Int64
    /// Signed: negative for `points.spend`.
    public let change: Int64
    public let points: Int64
    public let replayed: Bool

    public init(accountID: Int64, entryID: Int64, change: Int64, points: Int64, replayed: Bool) {
        self.accountID = accountID
        self.entryID = entryID
        self.change = change
        self.points = points
        self.replayed = replayed
    }

    public init(json: JSONObject) throws(MeshProtocolError) {
        let fields = MeshFields(json)
        accountID = try fields.positiveInteger("account_id")
        entryID = try fields.positiveInteger("entry_id")
        change = try fields.integer("change")
        points = try fields.integer("points")
        replayed = try fields.bool("replayed")
    }

    public var json: JSONObject {
        [
            "account_id": .id(accountID), "entry_id": .id(entryID), "change": .integer(change),
            "points": .integer(points), "replayed": .bool(replayed),
        ]
    }
}

/// A points movement contract.
public protocol PointsMovementContract: MeshContract
where Request == PointsMovementRequest, Reply == PointsMovementReply {}

extension PointsMovementContract {
    public static var service: ServiceName { .user }
    public static var isMutating: Bool { true }
}

/// `points.add`: points are given.
public enum PointsAdd: PointsMovementContract { public static let name = "points.add" }
/// `points.spend`: points are spent, refused below zero.
public enum PointsSpend: PointsMovementContract { public static let name = "points.spend" }
