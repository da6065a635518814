import Dialects
import Foundation
import JSON
import Postgres
import Testing

/// The wallet's invariants under concurrency: 1,000 debits at once against a balance that covers
/// 100 of them, then the same 1,000 again with the same idempotency keys.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct WalletConcurrencyTests {
    static let debits = 1_000
    static let covered = 100
    static let amount: Int64 = 100

    @Test func exactlyTheCoveredDebitsSucceedAndRepeatsChangeNothing() async throws {
        try await UserTestClient.withMesh(["auth", "user", "gateway"]) { client in
            let account = try await client.createAccount(mobile: "13900000001")
            let credit = try await client.internalCall(
                "wallet.credit",
                [
                    "account_id": .string(String(account)),
                    "amount": .number(JSONNumber(Int64(Self.covered) * Self.amount)),
                ],
                key: "concurrency-credit")
            #expect(credit["kind"] == "ok")

            let first = try await Self.fireDebits(client, account: account)
            #expect(first.applied == Self.covered)
            #expect(first.refused == Self.debits - Self.covered)
            #expect(first.replayed == 0)
            #expect(first.other.isEmpty, "\(first.other.prefix(3))")

            let wallet = try await client.internalCall("wallet.get", ["account_id": .string(String(account))])
            #expect(wallet["data"]?["balance"] == 0)
            #expect(wallet["data"]?["frozen"] == 0)
            let ledgerAfterFirst = try await Self.ledger(client, account: account)
            #expect(ledgerAfterFirst.rows == 1 + Self.covered)
            #expect(ledgerAfterFirst.sum == 0)
            #expect(try await client.admin("wallet.audit", [:])["data"]?["balanced"] == true)

            let again = try await Self.fireDebits(client, account: account)
            #expect(again.applied == Self.covered)
            #expect(again.refused == Self.debits - Self.covered)
            #expect(again.replayed == Self.debits)
            #expect(again.other.isEmpty, "\(again.other.prefix(3))")
            #expect(try await Self.ledger(client, account: account) == ledgerAfterFirst)
            let walletAfter = try await client.internalCall("wallet.get", ["account_id": .string(String(account))])
            #expect(walletAfter["data"]?["balance"] == 0)
            #expect(try await client.admin("wallet.audit", [:])["data"]?["balanced"] == true)
        }
    }

    /// Outcomes of 1,000 concurrent debits with the keys `debit-0` … `debit-999`.
    static func fireDebits(
        _ client: UserTestClient, account: Int64
    ) async throws
        -> (applied: Int, refused: Int, replayed: Int, other: [String])
    {
        try await withThrowingTaskGroup(of: JSONValue.self) { group in
            for index in 0..<debits {
                group.addTask {
                    try await client.internalCall(
                        "wallet.debit",
                        [
                            "account_id": .string(String(account)), "amount": .number(JSONNumber(amount)),
                            "reference": .string("order-\(index)"),
                        ],
                        key: "debit-\(index)")
                }
            }
            var applied = 0
            var refused = 0
            var replayed = 0
            var other: [String] = []
            for try await reply in group {
                switch reply["kind"]?.stringValue {
                case "ok"?: applied += 1
                case "insufficient_balance"?: refused += 1
                default: other.append(reply.serialized())
                }
                if reply["data"]?["replayed"] == true { replayed += 1 }
            }
            return (applied, refused, replayed, other)
        }
    }

    /// The number of ledger rows of `account` and the sum of their changes.
    static func ledger(_ client: UserTestClient, account: Int64) async throws -> Ledger {
        try await client.mesh.withDatabase { pool in
            let rows = try await pool.query(
                """
                SELECT count(*) AS n, coalesce(sum(balance_change + frozen_change), 0)::bigint AS total
                  FROM users.wallet_ledger WHERE account_id = \(account)
                """)
            return Ledger(rows: try rows[0].decode("n", as: Int.self), sum: try rows[0].decode("total", as: Int64.self))
        }
    }

    struct Ledger: Equatable {
        let rows: Int
        let sum: Int64
    }
}
