import Catalog
import Crypto
import JSON
import Mesh
import Postgres
import ServiceKit

/// The user service's part of the admin surface (`/admin/api/user/{operation}`): find users, see a
/// wallet with its ledger, adjust a balance with a reason (ledgered like any movement), set the
/// merchant flag and fee rate, and check that the ledger balances.
struct UserAdminOperations: Sendable {
    let domain: UserDomain

    static let maximumResults = 50

    func register(on handlers: inout AdminHandlers) {
        let operations = self
        handlers.on("users.find") { call in try await operations.find(call.parameters) }
        handlers.on("wallet.get") { call in try await operations.wallet(call.parameters) }
        handlers.on("wallet.adjust") { call in try await operations.adjust(call.parameters, admin: call.adminID) }
        handlers.on("merchant.set") { call in try await operations.setMerchant(call.parameters) }
        handlers.on("wallet.audit") { _ in try await operations.audit() }
    }

    /// By `account_id`, or by `query`: a part of the nickname or real name, or a whole ID number.
    func find(_ parameters: Parameters) async throws -> CanonicalReply {
        if let account = try parameters.positiveInteger("account_id", maximum: Int64.max) {
            let profile = try await domain.profiles.find(account)
            return .ok(["users": .array(profile.map { [.object(InternalReplies.profile($0).json)] } ?? [])])
        }
        let query = try parameters.required("query", maxLength: 50)
        let pattern =
            "%"
            + query.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
        let rows = try await domain.database.query(
            """
            SELECT \(unsafeSQL: ProfileRecord.columns)
              FROM users.profiles p JOIN users.wallets w ON w.account_id = p.account_id
             WHERE p.nickname ILIKE \(pattern) OR p.real_name ILIKE \(pattern) OR p.id_number = \(query.uppercased())
             ORDER BY p.account_id LIMIT \(Self.maximumResults)
            """)
        let profiles = try rows.map(ProfileRecord.init(row:))
        return .ok(["users": .array(profiles.map { .object(InternalReplies.profile($0).json) })])
    }

    /// The balances and the newest ledger entries (`limit`, default 50; `before_id` pages back).
    func wallet(_ parameters: Parameters) async throws -> CanonicalReply {
        let account = try parameters.accountID()
        let limit = Int(try parameters.positiveInteger("limit", maximum: 500) ?? 50)
        let before = try parameters.positiveInteger("before_id", maximum: Int64.max)
        let balances = try await domain.wallets.balances(of: account)
        let entries = try await domain.wallets.ledger(of: account, limit: limit, beforeID: before)
        return .ok(
            .object([
                "wallet": .object(InternalReplies.balances(account, balances).json),
                "ledger": .array(entries.map(InternalReplies.entry)),
            ]))
    }

    /// `amount` in fen, negative to take money away; `reason` is required. An `idempotency_key` makes a
    /// repeated submission harmless; without one each call is a new adjustment.
    func adjust(_ parameters: Parameters, admin: String) async throws -> CanonicalReply {
        let account = try parameters.accountID()
        let amountText = try parameters.required("amount", maxLength: 20)
        guard let amount = Int64(amountText), amount != 0, amount.magnitude <= WalletMovement.maximumAmount else {
            throw InputProblem("amount", .malformed("须为非零的整数（分），负数为扣减"))
        }
        let reason = try parameters.required("reason", maxLength: 200)
        let key =
            try parameters.text("idempotency_key", maxLength: IdempotencyKeyRule.maximumLength)
            ?? "admin-adjust-" + SecureRandom.token(bytes: 16)
        let movement = WalletMovement(
            kind: .adjust, account: account, amount: amount, reference: nil, reason: reason, actor: "admin:\(admin)")
        return InternalReplies.answer(try await domain.wallets.apply(movement, key: key), account: account).canonical
    }

    /// `is_merchant` (boolean) and `benefit_rate` (a fraction from 0 to 1 with up to 4 decimals).
    func setMerchant(_ parameters: Parameters) async throws -> CanonicalReply {
        let account = try parameters.accountID()
        guard let isMerchant = parameters.values["is_merchant"]?.boolValue else {
            throw InputProblem("is_merchant", .malformed("须为 true 或 false"))
        }
        let rate = try parameters.text("benefit_rate", maxLength: 8) ?? "0"
        guard Self.isRate(rate) else {
            throw InputProblem("benefit_rate", .malformed("须为 0 到 1 之间、最多 4 位小数的费率"))
        }
        let profile = try await domain.profiles.setMerchant(account, isMerchant: isMerchant, benefitRate: rate)
        return .ok(.object(InternalReplies.profile(profile).json))
    }

    /// The ledger's conservation check: all balances plus frozen against the ledger's sum, and the
    /// accounts whose wallet differs from their own ledger or points ledger.
    func audit() async throws -> CanonicalReply {
        let rows = try await domain.database.query(
            """
            SELECT (SELECT coalesce(sum(balance + frozen), 0) FROM users.wallets)::bigint AS wallets_total,
                   (SELECT coalesce(sum(balance_change + frozen_change), 0) FROM users.wallet_ledger)::bigint
                       AS ledger_total,
                   (SELECT count(*) FROM users.wallets w
                     WHERE w.balance <> (SELECT coalesce(sum(balance_change), 0) FROM users.wallet_ledger l
                                          WHERE l.account_id = w.account_id)
                        OR w.frozen <> (SELECT coalesce(sum(frozen_change), 0) FROM users.wallet_ledger l
                                         WHERE l.account_id = w.account_id)
                        OR w.points <> (SELECT coalesce(sum(change), 0) FROM users.points_ledger p
                                         WHERE p.account_id = w.account_id)) AS accounts_off
            """)
        guard let row = rows.first else { return .failure(.internal, "the audit query returned nothing") }
        let wallets = try row.decode("wallets_total", as: Int64.self)
        let ledger = try row.decode("ledger_total", as: Int64.self)
        let off = try row.decode("accounts_off", as: Int64.self)
        return .ok(
            .object([
                "wallets_total": .number(JSONNumber(wallets)),
                "ledger_total": .number(JSONNumber(ledger)),
                "accounts_off": .number(JSONNumber(off)),
                "balanced": .bool(wallets == ledger && off == 0),
            ]))
    }

    /// `0`, `1`, `0.006`, `1.0000`: from 0 to 1 with at most 4 decimals.
    static func isRate(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), parts[0].allSatisfy(\.isASCII),
            parts[0].allSatisfy(\.isNumber)
        else { return false }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= 4, fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
            parts.count == 1 || !fraction.isEmpty
        else { return false }
        return whole == 0 || (whole == 1 && fraction.allSatisfy { $0 == "0" })
    }
}
