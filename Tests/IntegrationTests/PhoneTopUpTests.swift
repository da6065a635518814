import Foundation
import JSON
import Postgres
import Testing

/// The mobile mall's phone-credit top-up (document 004, section 13) through the gateway, against the
/// real services and the provider's simulator on the orders service (delay compressed to a second):
/// face values, number checks, the product, a top-up paid from the wallet that is charged or, for a
/// number the simulator fails, refunded exactly once; a short balance and a wrong pay password move
/// nothing; many concurrent top-ups never overdraw the wallet.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct PhoneTopUpTests {
    /// The number the simulator fails (a Shanxi Unicom number, like the document's example).
    static let failingNumber = "15698566599"
    /// The simulator's delay compressed to a second, the sweep every 300 ms, and room for 50 pay-password
    /// checks of one member at once (auth counts a check in flight as a try until it matches).
    static let environment = MobileAuthTests.generousLimits.merging([
        "ORDERS_PHONE_TOPUP_SIMULATOR_DELAY_MS": "1000", "ORDERS_PHONE_TOPUP_SWEEP_MS": "300",
        "ORDERS_PHONE_TOPUP_SIMULATOR_FAIL_NUMBERS": failingNumber, "AUTH_PASSWORD_MAX_FAILURES_PER_ADDRESS": "50",
        "AUTH_PASSWORD_MAX_FAILURES": "50",
    ]) { _, new in new }
    static let developmentKey = "developmentjuhekey00000000000000"

    static func yuan(_ text: String) -> JSONValue { .number(JSONNumber(text: text)!) }

    @Test func faceValuesChecksAndTheProduct() async throws {
        try await PhoneTopUpClient.with { client in
            let member = try await client.member(mobile: "13900001101", balance: 0)
            #expect(
                try await client.call("member/facevalue", [:], member)
                    == ["data": [10, 20, 30, 50, 100, 300], "code": "200", "msg": "操作成功"])
            #expect(
                try await client.call("member/phonecheck", ["phone": "15698566598", "facevalue": "20"], member)
                    == ["data": nil, "code": "1000", "msg": "允许充值"])
            for (phone, face, code) in [
                ("1569856659", "20", "208505"), ("25698566598", "20", "208505"), ("17012345678", "20", "208505"),
                ("", "20", "208505"), ("15698566598", "25", "208506"), ("15698566598", "", "208506"),
                ("15698566598", "abc", "208506"),
            ] {
                let answer = try await client.call(
                    "member/phonecheck", ["phone": .string(phone), "facevalue": .string(face)], member)
                #expect(answer["code"] == .string(code), "\(phone) \(face): \(answer)")
            }
            let package = try await client.call(
                "member/phonepackage", ["phone": "15698566598", "facevalue": "20"], member)
            #expect(
                package == [
                    "data": [
                        "phone": "15698566598", "errorCode": 0, "reason": "查询成功", "carId": "12020",
                        "cardName": "山西联通话费20元", "faceValue": 20, "purchasePrice": Self.yuan("19.96"),
                        "sellPrice": Self.yuan("19.96"), "belongArea": "山西太原联通",
                    ],
                    "code": "1000", "msg": "允许充值",
                ])
            let badPackage = try await client.call(
                "member/phonepackage", ["phone": "15698566598", "facevalue": "15"], member)
            #expect(badPackage["code"] == "208506")
            let anonymous = try await client.call(
                "member/phonecheck", ["phone": "15698566598", "facevalue": "20"], nil)
            #expect(anonymous["code"] == "300")
        }
    }

    @Test func aTopUpIsChargingThenCharged() async throws {
        try await PhoneTopUpClient.with { client in
            let member = try await client.member(mobile: "13900001102", balance: 10_000)
            let charged = try await client.call(
                "member/phonecharge", ["phone": "13660362850", "facevalue": "20", "paypwd": "pay_pass1"], member)
            #expect(charged["code"] == "1005" && charged["msg"] == "充值进行中", "\(charged)")
            let data = try #require(charged["data"]?.objectValue)
            #expect(
                Array(data.keys) == [
                    "phone", "errorCode", "reason", "carId", "cardName", "faceValue", "purchasePrice", "sellPrice",
                    "belongArea",
                    "status", "orderNo", "tradeNo", "thirdNo",
                ])
            #expect(data["cardName"] == "广东移动话费20元" && data["belongArea"] == "广东广州移动")
            #expect(data["reason"] == "订单提交成功，等待充值" && data["errorCode"] == 0 && data["status"] == 0)
            let orderNo = try #require(data["orderNo"]?.stringValue)
            #expect(orderNo.count == 19 && orderNo.hasPrefix("37") && orderNo.allSatisfy(\.isNumber))
            #expect(data["tradeNo"]?.stringValue?.count == 21)
            let thirdNo = try #require(data["thirdNo"]?.stringValue)
            #expect(thirdNo.hasPrefix("J") && thirdNo.count == 19)
            #expect(try await client.balance(member) == 8_004)

            let early = try await client.call("member/queryphone", ["orderno": .string(orderNo)], member)
            #expect(early["code"] == "1005" && early["data"]?["chargeStatus"] == 0, "\(early)")
            let done = try await client.poll("member/queryphone", ["orderno": .string(orderNo)], member) {
                $0["code"] == "1006"
            }
            #expect(
                done == [
                    "data": [
                        "errorCode": 0, "reason": "查询成功", "purchasePrice": Self.yuan("19.96"),
                        "sellPrice": Self.yuan("19.96"), "thirdNo": .string(thirdNo), "chargeStatus": 1,
                    ],
                    "code": "1006", "msg": "充值成功",
                ])
            #expect(try await client.balance(member) == 8_004)
            #expect(try await client.ledger(orderNo, kind: "debit") == 1)
            #expect(try await client.ledger(orderNo, kind: "credit") == 0)

            let stranger = try await client.member(mobile: "13900001103", balance: 0)
            #expect(
                try await client.call("member/queryphone", ["orderno": .string(orderNo)], stranger)
                    == ["data": nil, "code": "1007", "msg": "查询无结果"])
            #expect(
                try await client.call("member/queryphone", ["orderno": "3700000000000000000"], member)["code"] == "1007"
            )
            #expect(try await client.call("member/queryphone", [:], member)["code"] == "1007")
            MobileAuthTests.expectNoSecrets(client.mesh, [Self.developmentKey, "pay_pass1"])
        }
    }

    @Test func aFailedTopUpIsRefundedExactlyOnce() async throws {
        try await PhoneTopUpClient.with { client in
            let member = try await client.member(mobile: "13900001104", balance: 5_000)
            let charged = try await client.call(
                "member/phonecharge", ["phone": .string(Self.failingNumber), "facevalue": "30", "paypwd": "pay_pass1"],
                member)
            #expect(charged["code"] == "1005", "\(charged)")
            let orderNo = try #require(charged["data"]?["orderNo"]?.stringValue)
            #expect(try await client.balance(member) == 5_000 - 2_994)
            let failed = try await client.poll("member/queryphone", ["orderno": .string(orderNo)], member) {
                $0["msg"] == "充值失败，款项已退回账户余额"
            }
            #expect(failed["code"] == "300" && failed["data"]?["chargeStatus"] == 9, "\(failed)")
            #expect(try await client.balance(member) == 5_000)
            try await Task.sleep(for: .seconds(2))
            #expect(try await client.balance(member) == 5_000, "a later sweep must not refund again")
            #expect(try await client.ledger(orderNo, kind: "credit") == 1)
            #expect(try await client.ledger(orderNo, kind: "debit") == 1)
            let state = try await client.mesh.withDatabase { database in
                try await database.query("SELECT state FROM orders.phone_topups WHERE order_no = \(orderNo)")[0]
                    .decode("state", as: String.self)
            }
            #expect(state == "refunded")
            #expect(try await client.audited())
        }
    }

    @Test func aShortBalanceOrAWrongPayPasswordMovesNothing() async throws {
        try await PhoneTopUpClient.with { client in
            let member = try await client.member(mobile: "13900001105", balance: 1_000)
            let poor = try await client.call(
                "member/phonecharge", ["phone": "13660362850", "facevalue": "20", "paypwd": "pay_pass1"], member)
            #expect(
                poor == [
                    "data": [
                        "phone": "13660362850", "errorCode": 1004, "reason": "账户余额不足", "carId": "11020",
                        "cardName": "广东移动话费20元", "faceValue": 20, "purchasePrice": Self.yuan("19.96"),
                        "sellPrice": Self.yuan("19.96"), "belongArea": "广东广州移动",
                    ],
                    "code": "1004", "msg": "账户余额不足",
                ])
            let wrong = try await client.call(
                "member/phonecharge", ["phone": "13660362850", "facevalue": "10", "paypwd": "wrong_pay1"], member)
            #expect(wrong == ["data": nil, "code": "221", "msg": "支付密码错误"])
            let empty = try await client.call(
                "member/phonecharge", ["phone": "13660362850", "facevalue": "10"], member)
            #expect(empty["code"] == "222", "\(empty)")
            let badNumber = try await client.call(
                "member/phonecharge", ["phone": "1366036285", "facevalue": "10", "paypwd": "pay_pass1"], member)
            #expect(badNumber["code"] == "208505")
            #expect(try await client.balance(member) == 1_000)
            let debits = try await client.mesh.withDatabase { database in
                try await database.query(
                    "SELECT count(*) AS n FROM users.wallet_ledger WHERE kind = 'debit'")[0].decode("n", as: Int64.self)
            }
            #expect(debits == 0)
            let withoutPayPassword = try await client.member(mobile: "13900001106", balance: 5_000, payPassword: nil)
            let unset = try await client.call(
                "member/phonecharge", ["phone": "13660362850", "facevalue": "10", "paypwd": "pay_pass1"],
                withoutPayPassword)
            #expect(unset["code"] == "222", "\(unset)")
        }
    }

    @Test func concurrentTopUpsNeverOverdrawTheWallet() async throws {
        try await PhoneTopUpClient.with { client in
            let attempts = 30
            let covered = 6
            let member = try await client.member(mobile: "13900001107", balance: Int64(covered) * 1_996 + 10)
            let answers = try await withThrowingTaskGroup(of: JSONValue.self) { group in
                for _ in 0..<attempts {
                    group.addTask {
                        try await client.call(
                            "member/phonecharge", ["phone": "15698566598", "facevalue": "20", "paypwd": "pay_pass1"],
                            member)
                    }
                }
                var all: [JSONValue] = []
                for try await answer in group { all.append(answer) }
                return all
            }
            let codes = answers.map { $0["code"]?.stringValue ?? "?" }
            #expect(codes.filter { $0 == "1005" }.count == covered, "\(codes)")
            #expect(codes.filter { $0 == "1004" }.count == attempts - covered, "\(codes)")
            #expect(try await client.balance(member) == 10)
            let (paid, debits, declined) = try await client.mesh.withDatabase { database in
                let paid: Int64 = try await database.query(
                    "SELECT count(*) AS n FROM orders.phone_topups WHERE state IN ('paid', 'charging', 'charged')")[0]
                    .decode("n")
                let debits: Int64 = try await database.query(
                    """
                    SELECT count(*) AS n FROM users.wallet_ledger l JOIN orders.phone_topups t ON t.order_no = l.reference
                     WHERE l.kind = 'debit'
                    """)[0].decode("n")
                let declined: Int64 = try await database.query(
                    "SELECT count(*) AS n FROM orders.phone_topups WHERE state = 'declined'")[0].decode("n")
                return (paid, debits, declined)
            }
            #expect(paid == Int64(covered) && debits == Int64(covered) && declined == Int64(attempts - covered))
            #expect(try await client.audited())
        }
    }
}

/// A mobile member with a session, a pay password and a balance, calling the top-up through the gateway.
/// Drives the top-up operations through the gateway, with the auth factory, the wallet's internal
/// operations and the admin surface for the set-up and the checks.
struct PhoneTopUpClient: Sendable {
    let mesh: TestMesh

    static func with(_ body: (PhoneTopUpClient) async throws -> Void) async throws {
        try await TestMesh.with(["auth", "user", "orders", "gateway"], extraEnvironment: PhoneTopUpTests.environment) {
            try await body(PhoneTopUpClient(mesh: $0))
        }
    }

    func member(mobile: String, balance: Int64, payPassword: String? = "pay_pass1") async throws -> MobileMember {
        try await MobileMember.make(mesh, mobile: mobile, balance: balance, payPassword: payPassword)
    }

    /// The mall's answer to `name` (a `member/…` operation) with `parameters`, as `member` (or nobody).
    func call(_ name: String, _ parameters: JSONObject, _ member: MobileMember?) async throws -> JSONValue {
        try await MobileClient(mesh: mesh).call("/mobile/" + name, parameters, token: member?.token)
    }

    /// Calls `name` until `done` holds for the answer (at most 20 seconds) and answers the last one.
    func poll(
        _ name: String, _ parameters: JSONObject, _ member: MobileMember, until done: (JSONValue) -> Bool
    ) async throws -> JSONValue {
        let deadline = ContinuousClock.now + .seconds(20)
        while true {
            let answer = try await call(name, parameters, member)
            if done(answer) || ContinuousClock.now > deadline { return answer }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// The member's balance in fen.
    func balance(_ member: MobileMember) async throws -> Int64? {
        let wallet = try await AdminClient(mesh: mesh).internalCall(
            "user", "wallet.get", ["account_id": .string(String(member.account))])
        return wallet["data"]?["balance"]?.int64Value
    }

    /// Ledger entries of `kind` that name the order.
    func ledger(_ orderNo: String, kind: String) async throws -> Int64 {
        try await mesh.withDatabase { database in
            try await database.query(
                "SELECT count(*) AS n FROM users.wallet_ledger WHERE reference = \(orderNo) AND kind = \(kind)"
            )[0].decode("n")
        }
    }

    /// Whether every balance equals the sum of its ledger (the admin surface's audit).
    func audited() async throws -> Bool {
        try await AdminClient(mesh: mesh).call("user/wallet.audit")["data"]?["balanced"] == true
    }
}
