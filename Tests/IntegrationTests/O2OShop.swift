import JSON
import Postgres
import Testing

/// A small O2O world for the order tests: an operations centre per mini-program, a merchant in each, and
/// vouchers with the price, stock, purchase limit and validity the test asks for; buyers signed in through
/// `wxLogin` with a bound mobile; and the admin and sandbox steps around an order.
struct O2OShop {
    static let services = ["auth", "user", "content", "merchants", "orders", "gateway"]
    static let environment = MobileRechargeTests.environment.merging(MerchantsGatewayTests.environment) { _, new in new
    }
    /// The demo mini-program of a second operations centre (auth knows it outside production).
    static let otherApp = "wxdemoo2o2"

    let mesh: TestMesh
    let client: MiniProgramAuthClient

    init(mesh: TestMesh) {
        self.mesh = mesh
        client = MiniProgramAuthClient(mesh: mesh)
    }

    /// A centre running `app` with one approved merchant: the centre's and the merchant's ids.
    func centre(app: String, name: String) async throws -> (centre: Int64, merchant: Int64) {
        let centre = try await client.scalar(
            "INSERT INTO merchants.operation_centres (name, app_id) VALUES (\(name), \(app)) RETURNING id", "id",
            as: Int64.self)
        let category = try await client.scalar(
            "INSERT INTO merchants.merchant_categories (name) VALUES (\(name + "美食")) RETURNING id", "id",
            as: Int64.self)
        let merchant = try await client.scalar(
            """
            INSERT INTO merchants.merchants (oper_id, category_id, name, lng, lat, approval)
            VALUES (\(centre), \(category), \(name + "火锅店"), 116.41, 39.91, 'approved') RETURNING id
            """, "id", as: Int64.self)
        return (centre, merchant)
    }

    /// A voucher of `merchant` at `price` fen: its goods id and product id.
    func voucher(
        merchant: Int64, price: Int64 = 8800, stock: Int64 = 50, limit: Int64 = 0,
        from start: String = "current_date - 1",
        until end: String = "current_date + 30"
    ) async throws -> (goods: Int64, product: Int64) {
        let goods = try await client.scalar(
            """
            INSERT INTO merchants.goods (catalogue, merchant_id, name, start_date, end_date, pic, limit_count, status)
            VALUES ('voucher', \(merchant), '100 元代金券', \(unsafeSQL: start), \(unsafeSQL: end), '/files/v.png', \(limit), 1)
            RETURNING id
            """, "id", as: Int64.self)
        let product = try await client.scalar(
            """
            INSERT INTO merchants.products (goods_id, sku, market_price, price, stock)
            VALUES (\(goods), 'V-\(unsafeSQL: String(goods))', 10000, \(price), \(stock)) RETURNING id
            """, "id", as: Int64.self)
        return (goods, product)
    }

    /// A buyer signed in to `app` with `mobile` bound: the token and the account id.
    func buyer(
        _ person: String, mobile: String, app: String = MiniProgramAuthClient.o2oApp
    ) async throws -> (
        token: String, account: Int64
    ) {
        let (token, _) = try await client.wxLogin(person, app: app)
        let bound = try await client.bind(mobile, token: token)
        #expect(bound["code"] == 0, "login: \(bound)")
        let account = try await client.scalar(
            "SELECT id FROM auth.accounts WHERE mobile = \(mobile)", "id", as: Int64.self)
        return (token, account)
    }

    func stock(_ product: Int64) async throws -> Int64 {
        try await client.scalar("SELECT stock FROM merchants.products WHERE id = \(product)", "stock", as: Int64.self)
    }

    func tradeNo(_ orderNo: String) async throws -> String {
        try await client.scalar(
            "SELECT trade_no FROM orders.o2o_orders WHERE order_no = \(orderNo)", "trade_no", as: String.self)
    }

    /// Pays the order in the WeChat Pay simulator.
    func pay(_ orderNo: String) async throws {
        let paid = try await AdminClient(mesh: mesh).call(
            "orders/sandbox.wechat.pay", ["trade_no": .string(try await tradeNo(orderNo))])
        #expect(paid["ok"] == true, "sandbox.wechat.pay: \(paid)")
    }

    /// The order's detail once `ready` holds of it (polling; the payment and its follow-up are asynchronous).
    func detail(
        _ orderNo: String, token: String, app: String = MiniProgramAuthClient.o2oApp,
        until ready: (JSONValue) -> Bool = { _ in true }
    ) async throws -> JSONValue {
        var last: JSONValue = .null
        for _ in 0..<200 {
            last = try await client.o2o("order/detail", token: token, appID: app, ["order_no": .string(orderNo)])
            if ready(last) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("order \(orderNo) never became ready: \(last)")
        return last
    }

    /// Waits until `query`'s single boolean column `ok` is true.
    func waitFor(_ query: PostgresQuery, _ what: String) async throws {
        for _ in 0..<200 {
            if try await client.scalar(query, "ok", as: Bool.self) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("never happened: \(what)")
    }
}
