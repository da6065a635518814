import AuthService
import JSON
import Mesh
import OrdersService
import ServiceHarness
import Testing
import UserService

/// `member/index` through the user service's real route, with the auth service (the member's mobile)
/// and the orders service (the order counts) in process.
@Suite(.serialized)
struct MobileMemberCentreTests {
    static let auth = InProcessService(.auth, descriptor: AuthService.descriptor, routes: AuthService.routes)
    static let user = InProcessService(.user, descriptor: UserService.descriptor, routes: UserService.routes)
    static let orders = InProcessService(.orders, descriptor: OrdersService.descriptor, routes: OrdersService.routes)
    static let environment = ["ORDERS_PAYMENTS_SWEEP_MS": "60000", "ORDERS_PHONE_TOPUP_SWEEP_MS": "600000"]

    @Test func theMemberCentreShowsTheProfileWalletPointsAndOrderCounts() async throws {
        try await InProcessMesh.with([Self.auth, Self.user, Self.orders], environment: Self.environment) { mesh in
            let caller = try await mesh.createAccount(mobile: "13800000201")
            let account = try #require(Int64(caller.userID))

            let fresh = try await mesh.call(.mobile, "member/index", caller: caller)
            #expect(fresh.kind == .ok && fresh.message == "操作成功", "\(fresh.message)")
            let member = try #require(fresh.data?["member"])
            #expect(member["tmId"] == .integer(account))
            #expect(member["tmMemberPhone"] == "13800000201")
            #expect(member["tmMemberNickname"] == "138****0201")
            #expect(member["headImg"] == .null)
            #expect(member["tokenVo"] == .object([:]))
            #expect(member["tmRegisterType"] == 7 && member["tmMemberType"] == 1 && member["tmMemberActivate"] == 1)
            #expect(member["tmMemberGrade"] == 0 && member["tmVip"] == 0)
            let wallet = try #require(member["memberAccount"])
            #expect(wallet["tmcId"] == .integer(account))
            #expect(wallet["tmcAccountNo"]?.stringValue?.count == 13)
            #expect(wallet["tmcAccountNo"]?.stringValue?.hasSuffix(caller.userID) == true)
            #expect(wallet["tmcBalance"] == 0 && wallet["tmcMemberScore"] == 0 && wallet["tmcEnableScore"] == 0)
            #expect(fresh.data?["couponNum"] == 0)
            #expect(fresh.data?["orderStatusNums"] == ["11": 0, "12": 0, "13": 0, "14": 0, "15": 0])
            #expect(fresh.data?.objectValue?.keys == ["member", "couponNum", "orderStatusNums"])

            let credited = try await mesh.internalCall(
                .user, "wallet.credit", ["account_id": .id(account), "amount": 1234], idempotencyKey: "centre-credit")
            #expect(credited.kind == .ok, "\(credited.message)")
            let points = try await mesh.internalCall(
                .user, "points.add", ["account_id": .id(account), "points": 30], idempotencyKey: "centre-points")
            #expect(points.kind == .ok, "\(points.message)")
            let info = try await mesh.call(
                .mobile, "member/saveinfo",
                [
                    "tmMemberNickname": "jack", "tmRealName": "王杰", "tmSex": "M", "tmBirthday": "1990-01-01",
                    "tmIdCard": "11010519491231002X",
                ], caller: caller)
            #expect(info.kind == .ok, "\(info.message)")
            let ordersDatabase = try #require(mesh.database(of: .orders))
            try await ordersDatabase.execute(
                """
                INSERT INTO orders.trades (trade_no, business, business_ref, account_id, amount, state, expires_at)
                VALUES ('20261203000000009901', 'recharge', \("recharge-\(account)"), \(account), 1000, 'created',
                        now() + interval '30 minutes')
                """)
            try await ordersDatabase.execute(
                """
                INSERT INTO orders.phone_topups (order_no, trade_no, account_id, phone, face_value, card_id, card_name,
                    belong_area, purchase_price, sell_price, state, third_no, paid_at, charged_at)
                VALUES ('3700000000000009901', '370000000000000009901', \(account), '15698566598', 20, '10674',
                    '山西联通话费20元', '山西太原联通', 1996, 1996, 'charged', 'J9901', now(), now())
                """)

            let later = try await mesh.call(.mobile, "member/index", caller: caller)
            #expect(later.data?["member"]?["tmMemberNickname"] == "jack")
            let account2 = try #require(later.data?["member"]?["memberAccount"])
            #expect(account2["tmcBalance"]?.serialized() == "12.34")
            #expect(account2["tmcMemberScore"] == 30 && account2["tmcEnableScore"] == 30)
            #expect(later.data?["orderStatusNums"] == ["11": 1, "12": 0, "13": 0, "14": 1, "15": 0])

            #expect(try await mesh.call(.mobile, "member/index").kind == .notLoggedIn)
        }
    }

    @Test func withoutTheOrdersServiceTheCentreSaysSoInsteadOfMakingUpCounts() async throws {
        try await InProcessMesh.with([Self.auth, Self.user]) { mesh in
            let caller = try await mesh.createAccount(mobile: "13800000202")
            let reply = try await mesh.call(.mobile, "member/index", caller: caller)
            #expect(reply.kind == .upstreamFailed)
        }
    }
}
