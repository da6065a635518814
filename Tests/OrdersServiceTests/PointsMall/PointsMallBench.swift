import AuthService
import Foundation
import JSON
import MerchantsService
import Mesh
import Postgres
import ServiceHarness
import ServiceKit
import Testing
import UserService

@testable import OrdersService

/// The points mall's orders through the orders service's real routes, with auth (request tokens), user
/// (addresses, coins) and merchants (goods, stock) running beside it in this process. Rows the platform's
/// admin would make (goods, addresses) are written straight into their schemas; the sweep runs only when a
/// test runs it.
struct PointsMallBench: Sendable {
    static let services = [
        InProcessService(.auth, descriptor: AuthService.descriptor, routes: AuthService.routes),
        InProcessService(.user, descriptor: UserService.descriptor, routes: UserService.routes),
        InProcessService(.merchants, descriptor: MerchantsService.descriptor, routes: MerchantsService.routes),
        InProcessService(.orders, descriptor: OrdersService.descriptor, routes: OrdersService.routes),
    ]
    static let environment = [
        "MERCHANTS_SEED_DEMO_MERCHANTS": "false", "ORDERS_POINTS_ORDERS_SWEEP_MS": "600000",
        "ORDERS_PAYMENTS_SWEEP_MS": "60000", "ORDERS_PHONE_TOPUP_SWEEP_MS": "600000",
        "ORDERS_TRAIN_SWEEP_MS": "600000", "DB_POOL_SIZE": "6",
    ]

    let mesh: InProcessMesh
    let orders: PostgresPool
    let users: PostgresPool
    let merchants: PostgresPool

    static func with(_ body: (PointsMallBench) async throws -> Void) async throws {
        try await InProcessMesh.with(services, environment: environment) { mesh in
            guard let orders = mesh.database(of: .orders), let users = mesh.database(of: .user),
                let merchants = mesh.database(of: .merchants)
            else { throw InProcessMeshError("a service of the bench has no database") }
            try await body(PointsMallBench(mesh: mesh, orders: orders, users: users, merchants: merchants))
        }
    }

    /// The points mall as the orders service builds it, on this bench's services (for the sweep).
    func mall(staleAfter: Duration = .seconds(120), retryAfter: Duration = .zero) -> PointsMall {
        PointsMall(
            settings: PointsMallSettings(sweepInterval: retryAfter, staleAfter: staleAfter), database: orders,
            mesh: mesh.meshClient(), time: .china, logger: Logger(service: "test"))
    }

    // MARK: customers

    /// A new account holding `coins` gold coins.
    func customer(coins: Int64) async throws -> (caller: CallerIdentity, account: Int64) {
        let caller = try await mesh.createAccount()
        let account = try #require(caller.accountID)
        if coins > 0 {
            let reply = try await mesh.internalCall(
                .user, "points.add", ["account_id": .id(account), "points": .integer(coins)],
                idempotencyKey: "bench-coins-\(account)")
            #expect(reply.kind == .ok, "points.add: \(reply.message)")
        } else {
            try await users.execute(
                "INSERT INTO users.profiles (account_id) VALUES (\(account)) ON CONFLICT DO NOTHING")
            try await users.execute("INSERT INTO users.wallets (account_id) VALUES (\(account)) ON CONFLICT DO NOTHING")
        }
        return (caller, account)
    }

    /// A delivery address of `account` in Shenzhen (the document's example), the default when it is the first.
    func address(of account: Int64, receiver: String = "张木沐") async throws -> Int64 {
        try await users.execute("INSERT INTO users.profiles (account_id) VALUES (\(account)) ON CONFLICT DO NOTHING")
        return try await users.query(
            """
            INSERT INTO users.addresses (account_id, province_code, city_code, county_code, province_name, city_name,
                county_name, detail, receiver, phone, is_default)
            VALUES (\(account), '440000', '440300', '440305', '广东省', '深圳市', '南山区', '粤海街道东方科技大厦601',
                \(receiver), '14812345678',
                NOT EXISTS (SELECT 1 FROM users.addresses WHERE account_id = \(account) AND is_default))
            RETURNING id
            """)[0].decode("id")
    }

    /// `account`'s gold coins.
    func coins(_ account: Int64) async throws -> Int64 {
        let reply = try await mesh.internalCall(.user, "wallet.get", ["account_id": .id(account)])
        return try #require(reply.data?["points"]?.int64Value, "wallet.get: \(reply.message)")
    }

    /// `count` request tokens of `caller`'s session (at most 5 a call, as the document says).
    func tokens(_ caller: CallerIdentity?, _ count: Int = 1) async throws -> [String] {
        var tokens: [String] = []
        while tokens.count < count {
            let reply = try await mesh.call(
                .yaf, "system.request.token", ["number": .integer(Int64(min(5, count - tokens.count)))],
                caller: caller)
            let text = try #require(reply.data?["token"]?.stringValue, "system.request.token: \(reply.message)")
            tokens += text.split(separator: ",").map(String.init)
        }
        return tokens
    }

    // MARK: goods

    /// A points-mall item (or another catalogue's) with one product per spec key, on sale unless `status` is
    /// 2, with `limit` per person (0: none).
    func goods(
        _ name: String = "明基绝地求生吃鸡鼠标", catalogue: String = "points", keys: [String] = [""], price: Int64 = 160,
        marketPrice: Int64 = 199, stock: Int64 = 10, limit: Int64 = 0, status: Int = 1
    ) async throws -> (goods: Int64, products: [Int64]) {
        let values = keys.map { JSONValue.string($0.components(separatedBy: ":::").last ?? "") }
        let specs = keys == [""] ? "[]" : JSONValue.array([["name": "颜色", "values": .array(values)]]).serialized()
        let goods: Int64 = try await merchants.query(
            """
            INSERT INTO merchants.goods (catalogue, name, pic, specs, limit_count, status)
            VALUES (\(catalogue), \(name), '/files/mouse.png', \(specs)::jsonb, \(limit), \(status))
            RETURNING id
            """)[0].decode("id")
        var products: [Int64] = []
        for key in keys {
            products.append(
                try await merchants.query(
                    """
                    INSERT INTO merchants.products (goods_id, spec_key, sku, market_price, price, stock)
                    VALUES (\(goods), \(key), \("sku-\(UUID().uuidString.prefix(12))"), \(marketPrice), \(price), \(stock))
                    RETURNING id
                    """)[0].decode("id"))
        }
        return (goods, products)
    }

    func stock(_ product: Int64) async throws -> Int64 {
        try await merchants.query("SELECT stock FROM merchants.products WHERE id = \(product)")[0].decode("stock")
    }

    // MARK: orders

    func submit(
        _ caller: CallerIdentity, goods: Int64, product: Int64?, quantity: JSONValue = 1, address: Int64? = nil,
        token: String?
    ) async throws -> CanonicalReply {
        var parameters: JSONObject = ["goods_id": .integer(goods), "quantity": quantity]
        if let product { parameters["productid"] = .integer(product) }
        if let address { parameters["address_id"] = .integer(address) }
        if let token { parameters["request_token"] = .string(token) }
        return try await mesh.call(.yaf, "order.submit", parameters, caller: caller)
    }

    func list(_ caller: CallerIdentity, _ parameters: JSONObject = [:]) async throws -> CanonicalReply {
        var defaults: JSONObject = [
            "order_sn": "", "order_status": -1, "start_time": "", "end_time": "", "page": 1,
        ]
        defaults.merge(parameters)
        return try await mesh.call(.yaf, "order.list", defaults, caller: caller)
    }

    func admin(_ operation: String, _ body: JSONObject) async throws -> CanonicalReply {
        try await mesh.adminCall(.orders, operation, body)
    }

    /// The rows of the points ledger of order `orderSN`, by kind (`spend`, `add`).
    func coinMovements(_ orderSN: String) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try await users.query(
            "SELECT kind, count(*)::bigint AS n FROM users.points_ledger WHERE reference = \(orderSN) GROUP BY kind")
        {
            counts[try row.decode("kind")] = Int(try row.decode("n", as: Int64.self))
        }
        return counts
    }

    /// The states of the stock reservations of order `orderSN`.
    func reservations(_ orderSN: String) async throws -> [String] {
        try await merchants.query(
            "SELECT state FROM merchants.reservations WHERE order_ref = \(orderSN) ORDER BY id"
        ).map { try $0.decode("state") }
    }

    /// Every order's number and state.
    func orderStates() async throws -> [(orderSN: String, account: Int64, state: String)] {
        try await orders.query("SELECT order_sn, account_id, state FROM orders.points_orders ORDER BY id").map {
            (try $0.decode("order_sn"), try $0.decode("account_id"), try $0.decode("state"))
        }
    }
}
