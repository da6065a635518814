import Crypto
import HTTPCore
import JSON
import Testing

/// An O2O order of goods that belong to another operations centre: `order/buy` answers `isOperSelf` 0 and
/// what the bridge needs, the bridge page shows the target mini-program's code carrying the scene, the
/// target mini-program signs the buyer in with `loginWithSceneId` and pays the order there (`order/pay`).
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct O2OBridgeTests {
    @Test func anOrderOfAnotherCentreIsPaidInThatCentresMiniProgram() async throws {
        try await TestMesh.with(O2OShop.services, extraEnvironment: O2OShop.environment) { mesh in
            let shop = O2OShop(mesh: mesh)
            let client = shop.client
            let (centre, merchant) = try await shop.centre(app: O2OShop.otherApp, name: "华南")
            let (goods, product) = try await shop.voucher(merchant: merchant, price: 3000, stock: 10)
            let (token, account) = try await shop.buyer("o2o-bridge-1", mobile: "13600000401")

            let merchantDetail = try await client.o2o("merchant/detail", token: token, ["id": .integer(merchant)])
            #expect(merchantDetail["data"]?["isOperSelf"] == 0, "\(merchantDetail)")
            let bought = try await client.o2o("order/buy", token: token, ["goods_id": .integer(goods), "number": 2])
            #expect(bought["code"] == 0 && bought["data"]?["isOperSelf"] == 0, "\(bought)")
            #expect(bought["data"]?["sdk_config"] == nil)
            let orderNo = try #require(bought["data"]?["order_no"]?.stringValue)
            let bridge = try #require(bought["data"]?["bridge"])
            #expect(bridge["targetOperId"] == .integer(centre) && bridge["orderNo"] == .string(orderNo))
            #expect(bridge["userId"] == .integer(account) && bridge["page"] == "pages/severs/index/index")
            let url = try #require(bridge["url"]?.stringValue)
            #expect(url.contains("/miniprogram_bridge/pay?targetOperId=\(centre)&orderNo=\(orderNo)&userId=\(account)"))
            #expect(try await shop.stock(product) == 8)
            let here = try await client.o2o("order/pay", token: token, ["order_no": .string(orderNo)])
            #expect(here["code"] == 500 && here["data"]?["bridge"]?["url"] == .string(url), "\(here)")

            let sceneID = try await client.scalar(
                "SELECT scene_id FROM orders.o2o_orders WHERE order_no = \(orderNo)", "scene_id", as: String.self)
            let path = String(url[(try #require(url.range(of: "/miniprogram_bridge/pay"))).lowerBound...])
            let page = try await mesh.send(HTTPRequest(method: .get, target: path), to: "gateway")
            #expect(page.status.code == 200 && page.headers["Content-Type"]?.hasPrefix("text/html") == true)
            let html = String(decoding: page.body, as: UTF8.self)
            let shown = try #require(
                html.split(separator: "\"").first { $0.hasPrefix("data:image/png;base64,") }?
                    .dropFirst("data:image/png;base64,".count))
            let expected = try await AdminClient(mesh: mesh).internalCall(
                "auth", "miniprogram.code",
                ["app_id": .string(O2OShop.otherApp), "scene": .string(sceneID), "page": "pages/severs/index/index"])
            #expect(
                expected["data"]?["image"] == .string(String(shown)), "the page shows the code of the order's scene")
            let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            #expect(Array(try #require(Base64.decode(String(shown))).prefix(8)) == pngSignature)
            for query in [
                "targetOperId=\(centre)&orderNo=\(orderNo)&userId=\(account + 1)",
                "targetOperId=\(centre + 1)&orderNo=\(orderNo)&userId=\(account)",
                "targetOperId=\(centre)&orderNo=\(orderNo)&userId=\(account)&page=%2Fevil%3Cscript%3E",
                "orderNo=\(orderNo)",
            ] {
                let refused = try await mesh.send(
                    HTTPRequest(method: .get, target: "/miniprogram_bridge/pay?" + query), to: "gateway")
                let text = String(decoding: refused.body, as: UTF8.self)
                #expect(
                    refused.status.code >= 400 && !text.contains("base64") && !text.contains("<script>"), "\(query)")
            }
            let (targetToken, fresh) = try await client.wxLogin("o2o-bridge-1-there", app: O2OShop.otherApp)
            #expect(fresh["data"]?["userInfo"] == nil)
            let signedIn = try await client.o2o(
                "loginWithSceneId", token: targetToken, appID: O2OShop.otherApp, ["sceneId": .string(sceneID)])
            #expect(signedIn["code"] == 0, "\(signedIn)")
            #expect(signedIn["data"]?["payload"]?["order_no"] == .string(orderNo))
            #expect(signedIn["data"]?["payload"]?["user_id"] == .integer(account))
            let there = try await client.o2o(
                "order/pay", token: targetToken, appID: O2OShop.otherApp, ["order_no": .string(orderNo)])
            #expect(there["code"] == 0, "\(there)")
            #expect(there["data"]?["sdk_config"]?["appId"] == .string(O2OShop.otherApp))
            try await shop.pay(orderNo)
            let paid = try await shop.detail(orderNo, token: targetToken, app: O2OShop.otherApp) {
                $0["data"]?["status"] == 4
            }
            #expect(paid["data"]?["isOperSelf"] == 1 && paid["data"]?["items"]?[1]?["status"] == 1)
            let seenAtHome = try await shop.detail(orderNo, token: token)
            #expect(seenAtHome["data"]?["isOperSelf"] == 0 && seenAtHome["data"]?["status"] == 4)

            let codes = (0..<2).compactMap { paid["data"]?["items"]?[$0]?["verify_code"]?.stringValue }
            #expect(codes.count == 2)
            try await shop.waitFor(
                "SELECT codes_sent_at IS NOT NULL AS ok FROM orders.o2o_orders WHERE order_no = \(orderNo)",
                "codes sent")
            let outbox = try await client.admin("auth/sms.outbox", ["mobile": "13600000401"])
            let message = try #require(outbox["data"]?["messages"]?[0]?["text"]?.stringValue)
            #expect(codes.allSatisfy { message.contains($0) })
            let (_, elsewhere) = try await shop.centre(app: MiniProgramAuthClient.o2oApp, name: "北京")
            let (strangerToken, stranger) = try await shop.buyer("o2o-bridge-stranger", mobile: "13600000403")
            _ = try await client.admin(
                "merchants/merchants.staff.add", ["merchant_id": .integer(elsewhere), "account_id": .integer(stranger)])
            let foreign = try await client.o2o(
                "merchant/verify", token: strangerToken, ["verify_code": .string(codes[0])])
            #expect(foreign["code"] == 500 && foreign["message"] == "核销码不存在", "\(foreign)")
            let (staffToken, staff) = try await shop.buyer(
                "o2o-bridge-staff", mobile: "13600000402", app: O2OShop.otherApp)
            _ = try await client.admin(
                "merchants/merchants.staff.add", ["merchant_id": .integer(merchant), "account_id": .integer(staff)])
            let redeemed = try await client.o2o(
                "merchant/verify", token: staffToken, appID: O2OShop.otherApp, ["verify_code": .string(codes[0])])
            #expect(redeemed["code"] == 0 && redeemed["data"]?["items"]?[0]?["status"] == 2, "\(redeemed)")
            let refund = try await client.o2o("order/refund", token: token, ["order_no": .string(orderNo)])
            #expect(refund["code"] == 0 && refund["data"]?["amount"] == "30.00", "\(refund)")
            let done = try await shop.detail(orderNo, token: token)
            #expect(done["data"]?["status"] == 6 && done["data"]?["refund_price"]?.serialized() == "30.00")
            try await shop.waitFor(
                "SELECT stock_returned_at IS NOT NULL AS ok FROM orders.o2o_refunds WHERE refund_no = \("o2o-\(orderNo)-1")",
                "the refunded unit back in stock")
            #expect(try await shop.stock(product) == 9)
        }
    }
}
