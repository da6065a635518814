import Dialects
import Foundation
import JSON
import Testing

/// The wallet and points operations other services call, the mobile points exchange and the admin
/// surface's wallet operations, with the idempotency rules and every refusal.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct WalletOperationsTests {
    @Test func movementsAreIdempotentAndNeverGoNegative() async throws {
        try await UserTestClient.withMesh(["auth", "user", "gateway"]) { client in
            let account = try await client.createAccount(mobile: "13900000002")
            let id = JSONValue.string(String(account))
            func move(_ name: String, _ amount: Int64, key: String?) async throws -> JSONValue {
                try await client.internalCall(
                    name, ["account_id": id, "amount": .number(JSONNumber(amount))], key: key)
            }
            let credited = try await move("wallet.credit", 10_000, key: "k-credit")
            #expect(credited["kind"] == "ok")
            #expect(credited["data"]?["balance"] == 10_000)
            #expect(credited["data"]?["replayed"] == false)
            let again = try await move("wallet.credit", 10_000, key: "k-credit")
            #expect(again["data"]?["replayed"] == true)
            #expect(again["data"]?["entry_id"] == credited["data"]?["entry_id"])
            #expect(again["data"]?["balance"] == 10_000)
            let reused = try await move("wallet.credit", 20_000, key: "k-credit")
            #expect(reused["kind"] == "invalid_state" && reused["data"]?["refusal"] == "key_reused")
            let otherOperation = try await move("wallet.debit", 10_000, key: "k-credit")
            #expect(otherOperation["kind"] == "invalid_state")
            #expect(try await move("wallet.debit", 100, key: nil)["kind"] == "missing_parameter")
            if let log = TestEnvironment.databaseLog {
                let text = try String(contentsOf: log, encoding: .utf8)
                let replayErrors = text.split(separator: "\n").filter {
                    $0.contains("duplicate key") && $0.contains("idempotency")
                }
                #expect(replayErrors.isEmpty, "replayed keys logged errors in PostgreSQL: \(replayErrors.prefix(3))")
            }

            #expect(try await move("wallet.debit", 3_000, key: "k-debit")["data"]?["balance"] == 7_000)
            let frozen = try await move("wallet.freeze", 2_000, key: "k-freeze")
            #expect(frozen["data"]?["balance"] == 5_000 && frozen["data"]?["frozen"] == 2_000)
            let released = try await move("wallet.unfreeze", 500, key: "k-unfreeze")
            #expect(released["data"]?["balance"] == 5_500 && released["data"]?["frozen"] == 1_500)
            let settled = try await move("wallet.settle", 1_000, key: "k-settle")
            #expect(settled["data"]?["balance"] == 5_500 && settled["data"]?["frozen"] == 500)
            let overSettle = try await move("wallet.settle", 1_000, key: "k-settle-2")
            #expect(overSettle["kind"] == "invalid_state")
            #expect(overSettle["data"]?["refusal"] == "insufficient_frozen")
            let overDebit = try await move("wallet.debit", 99_999, key: "k-debit-2")
            #expect(overDebit["kind"] == "insufficient_balance")
            let overDebitAgain = try await move("wallet.debit", 99_999, key: "k-debit-2")
            #expect(overDebitAgain["kind"] == "insufficient_balance")
            #expect(overDebitAgain["data"]?["replayed"] == true)
            #expect(try await move("wallet.freeze", 6_000, key: "k-freeze-2")["kind"] == "insufficient_balance")

            let wallet = try await client.internalCall("wallet.get", ["account_id": id])
            #expect(wallet["data"]?["balance"] == 5_500 && wallet["data"]?["frozen"] == 500)

            let badAmounts: [JSONValue] = [
                "abc", -5, 0, .number(JSONNumber(text: "1.5")!), "1e3", [1], true,
                .number(JSONNumber(Int64(1_000_000_000_001))),
            ]
            for bad in badAmounts {
                let reply = try await client.internalCall(
                    "wallet.debit", ["account_id": id, "amount": bad], key: "k-bad-\(bad.serialized())")
                #expect(reply["kind"] == "invalid_params", "amount \(bad)")
            }
            #expect(
                try await client.internalCall("wallet.debit", ["account_id": "x", "amount": 1], key: "k-bad-account")[
                    "kind"]
                    == "invalid_params")
            #expect(
                try await client.internalCall("wallet.debit", ["account_id": id, "amount": 1], key: "bad key")["kind"]
                    == "invalid_params")

            let points = try await client.internalCall("points.add", ["account_id": id, "points": 300], key: "p-add")
            #expect(points["data"]?["points"] == 300)
            let tooMany = try await client.internalCall(
                "points.spend", ["account_id": id, "points": 500], key: "p-spend")
            #expect(tooMany["kind"] == "invalid_state" && tooMany["data"]?["refusal"] == "insufficient_points")
            let spent = try await client.internalCall(
                "points.spend", ["account_id": id, "points": 100], key: "p-spend-2")
            #expect(spent["data"]?["points"] == 200)
            let spentAgain = try await client.internalCall(
                "points.spend", ["account_id": id, "points": 100], key: "p-spend-2")
            #expect(spentAgain["data"]?["points"] == 200 && spentAgain["data"]?["replayed"] == true)
            #expect(try await client.admin("wallet.audit", [:])["data"]?["balanced"] == true)
        }
    }

    @Test func pointsBecomeBalanceInTheMobileMall() async throws {
        try await UserTestClient.withMesh(["auth", "user", "gateway"]) { client in
            let (account, token) = try await client.signedIn(.mobile, mobile: "13900000003")
            let id = JSONValue.string(String(account))
            _ = try await client.internalCall("points.add", ["account_id": id, "points": 1_000], key: "p-1")
            let exchanged = try await client.call(.mobile, "member/exchangescore", token: token, ["score": "250"])
            #expect(exchanged == ["data": ["balance": .number(JSONNumber(text: "2.5")!)], "code": 200, "msg": "操作成功"])
            let wallet = try await client.internalCall("wallet.get", ["account_id": id])
            #expect(wallet["data"]?["balance"] == 250 && wallet["data"]?["points"] == 750)
            let tooMany = try await client.call(.mobile, "member/exchangescore", token: token, ["score": "751"])
            #expect(tooMany["code"] == 300 && tooMany["msg"] == "积分不足" && tooMany["data"] == .null)
            for bad in ["0", "-1", "abc", "2.5", ""] {
                let reply = try await client.call(
                    .mobile, "member/exchangescore", token: token, ["score": .string(bad)])
                #expect(reply["code"] == 300, "score \(bad)")
            }
            let anonymous = try await client.call(.mobile, "member/exchangescore", token: nil, ["score": "1"])
            #expect(anonymous["code"] == 300)
            #expect(try await client.admin("wallet.audit", [:])["data"]?["balanced"] == true)
        }
    }

    @Test func adminSeesAdjustsAndSetsMerchants() async throws {
        try await UserTestClient.withMesh(["auth", "user", "gateway"]) { client in
            let (account, token) = try await client.signedIn(.train, mobile: "13900000004")
            let id = JSONValue.string(String(account))
            let adjusted = try await client.admin(
                "wallet.adjust", ["account_id": id, "amount": 1_234, "reason": "补偿", "idempotency_key": "adj-1"])
            #expect(adjusted["ok"] == true, "\(adjusted)")
            #expect(adjusted["data"]?["balance"] == 1_234)
            let repeated = try await client.admin(
                "wallet.adjust", ["account_id": id, "amount": 1_234, "reason": "补偿", "idempotency_key": "adj-1"])
            #expect(repeated["data"]?["replayed"] == true && repeated["data"]?["balance"] == 1_234)
            let noReason = try await client.admin("wallet.adjust", ["account_id": id, "amount": 5])
            #expect(noReason["ok"] == false)
            let tooMuch = try await client.admin("wallet.adjust", ["account_id": id, "amount": -5_000, "reason": "扣减"])
            #expect(tooMuch["ok"] == false && tooMuch["error"] == "insufficient_balance")
            let taken = try await client.admin("wallet.adjust", ["account_id": id, "amount": -234, "reason": "扣减"])
            #expect(taken["data"]?["balance"] == 1_000)

            let wallet = try await client.admin("wallet.get", ["account_id": id])
            let ledger = try #require(wallet["data"]?["ledger"]?.arrayValue)
            #expect(ledger.count == 2)
            #expect(ledger.first?["balance_change"] == -234 && ledger.first?["reason"] == "扣减")
            #expect(ledger.first?["actor"]?.stringValue?.hasPrefix("admin:") == true)
            #expect(wallet["data"]?["wallet"]?["balance"] == 1_000)

            let merchant = try await client.admin(
                "merchant.set", ["account_id": id, "is_merchant": true, "benefit_rate": "0.006"])
            #expect(merchant["data"]?["is_merchant"] == true && merchant["data"]?["benefit_rate"] == "0.0060")
            #expect(
                try await client.admin("merchant.set", ["account_id": id, "is_merchant": true, "benefit_rate": "1.5"])[
                    "ok"] == false)
            #expect(try await client.admin("merchant.set", ["account_id": id, "is_merchant": "yes"])["ok"] == false)

            let info = try await client.call(.train, "getUserInfo", token: token, account: account)
            #expect(info["code"] == "0000")
            #expect(info["data"]?["amount"] == .number(JSONNumber(text: "10.00")!))
            #expect(info["data"]?["coolAmount"] == .number(JSONNumber(text: "0.00")!))
            #expect(info["data"]?["benefitRate"] == "0.0060")

            let mobile = try await TestSessions.open(client.mesh, dialect: "mobile", account: account)
            let saved = try await client.call(
                .mobile, "member/saveinfo", token: mobile,
                [
                    "tmMemberNickname": "商户甲", "tmRealName": "钱多多", "tmSex": "W", "tmBirthday": "1990-01-01",
                    "tmIdCard": "11010519491231002X",
                ])
            #expect(saved == true)
            let byName = try await client.admin("users.find", ["query": "商户"])
            #expect(byName["data"]?["users"]?.arrayValue?.map { $0["account_id"] } == [id])
            let byIDNumber = try await client.admin("users.find", ["query": "11010519491231002x"])
            #expect(byIDNumber["data"]?["users"]?[0]?["account_id"] == id)
            #expect(try await client.admin("users.find", ["query": "%"])["data"]?["users"] == [])
            #expect(try await client.admin("users.find", [:])["ok"] == false)
            let found = try await client.admin("users.find", ["account_id": id])
            #expect(found["data"]?["users"]?[0]?["balance"] == 1_000)
            let unknown = try await client.admin("users.find", ["account_id": "999999"])
            #expect(found["ok"] == true && unknown["data"]?["users"] == [])
            #expect(try await client.admin("wallet.audit", [:])["data"]?["balanced"] == true)
        }
    }
}
