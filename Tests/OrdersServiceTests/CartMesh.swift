import JSON
import MerchantsService
import Mesh
import Postgres
import ServiceHarness
import Testing

@testable import OrdersService

/// The orders service with the merchants service whose goods the cart holds, both in this process, and
/// the steps the cart tests share: mobile-mall goods made and changed through the merchants admin
/// surface, cart operations called as the gateway forwards them.
struct CartMesh {
    static let services = [
        InProcessService(.merchants, descriptor: MerchantsService.descriptor, routes: MerchantsService.routes),
        InProcessService(.orders, descriptor: OrdersService.descriptor, routes: OrdersService.routes),
    ]
    static let environment = [
        "MERCHANTS_SEED_DEMO_MERCHANTS": "false", "ORDERS_PAYMENTS_SWEEP_MS": "60000",
        "ORDERS_PHONE_TOPUP_SWEEP_MS": "600000", "MERCHANTS_PUBLIC_BASE_URL": "http://files.test.example",
    ]

    /// A published mobile-mall item and its products' ids.
    struct Item {
        let goodsID: Int64
        let productIDs: [String: Int64]

        func product(_ sku: String) -> Int64 { productIDs[sku] ?? 0 }
    }

    let mesh: InProcessMesh
    let orders: PostgresPool
    let merchants: PostgresPool

    static func with(_ body: (CartMesh) async throws -> Void) async throws {
        try await InProcessMesh.with(services, environment: environment) { mesh in
            guard let orders = mesh.database(of: .orders), let merchants = mesh.database(of: .merchants) else {
                throw InProcessMeshError("no databases")
            }
            try await body(CartMesh(mesh: mesh, orders: orders, merchants: merchants))
        }
    }

    /// A member: the cart keeps lines by account id only, so any id will do.
    static func member(_ id: Int) -> CallerIdentity { CallerIdentity(userID: String(id)) }

    /// A published speaker in red (`SPK-R`, 12.50 yuan, `redStock`) and black (`SPK-B`, 9.90 yuan, market
    /// 12 yuan, `blackStock`).
    func speaker(redStock: Int64 = 10, blackStock: Int64 = 50, sku: String = "SPK") async throws -> Item {
        let body: JSONObject = [
            "catalogue": "mall", "name": "便携蓝牙音箱", "pic": "/files/speaker.png",
            "specs": [["name": "颜色", "values": ["红色", "黑色"]]],
            "products": [
                ["spec": ["颜色": "红色"], "sku": .string(sku + "-R"), "price": "12.50", "stock": .integer(redStock)],
                [
                    "spec": ["颜色": "黑色"], "sku": .string(sku + "-B"), "price": "9.90", "market_price": "12",
                    "stock": .integer(blackStock),
                ],
            ],
        ]
        return try await publish(body)
    }

    /// A published single-product mug (`MUG`, 35 yuan).
    func mug(stock: Int64 = 100) async throws -> Item {
        try await publish([
            "catalogue": "mall", "name": "陶瓷马克杯", "pic": "/files/mug.png",
            "products": [["sku": "MUG", "price": "35", "stock": .integer(stock)]],
        ])
    }

    func publish(_ body: JSONObject) async throws -> Item {
        let created = try await admin("goods.create", body)
        let goodsID = try #require(created["goods_id"]?.int64Value)
        _ = try await admin("goods.publish", ["goods_id": .integer(goodsID)])
        var products: [String: Int64] = [:]
        for product in created["products"]?.arrayValue ?? [] {
            if let sku = product["sku"]?.stringValue, let id = product["product_id"]?.int64Value { products[sku] = id }
        }
        return Item(goodsID: goodsID, productIDs: products)
    }

    func withdraw(_ item: Item) async throws {
        _ = try await admin("goods.withdraw", ["goods_id": .integer(item.goodsID)])
    }

    /// The data of a successful merchants admin operation.
    func admin(_ operation: String, _ body: JSONObject) async throws -> JSONValue {
        let reply = try await mesh.adminCall(.merchants, operation, body)
        #expect(reply.kind == .ok, "\(operation): \(reply.kind) \(reply.message)")
        return reply.data ?? .null
    }

    func save(
        _ item: Item, _ sku: String, _ number: JSONValue, as member: CallerIdentity
    ) async throws
        -> CanonicalReply
    {
        try await mesh.call(
            .mobile, "member/shopcart/save",
            ["proId": .integer(item.goodsID), "proSkuId": .integer(item.product(sku)), "num": number], caller: member)
    }

    func list(_ member: CallerIdentity) async throws -> JSONValue {
        let reply = try await mesh.call(.mobile, "member/shopcart/list", caller: member)
        #expect(reply.kind == .ok, "\(reply.message)")
        return reply.data ?? .null
    }

    /// Every cart line in the database: (account, product, quantity), by id.
    func storedLines() async throws -> [(account: Int64, product: Int64, quantity: Int64)] {
        try await orders.query("SELECT account_id, product_id, quantity FROM orders.cart_lines ORDER BY id").map {
            (try $0.decode("account_id"), try $0.decode("product_id"), try $0.decode("quantity"))
        }
    }
}
