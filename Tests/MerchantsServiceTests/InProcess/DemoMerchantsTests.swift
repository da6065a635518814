import Foundation
import JSON
import Mesh
import ServiceHarness
import ServiceKit
import Testing

@testable import MerchantsService

/// The demo data seeded against the real content service: it is seeded once, and afterwards the
/// O2O screens and the points mall a new user opens are not empty.
@Suite(.serialized)
struct DemoMerchantsTests {
    static let appID = "wxdevo2o"
    static let caller = CallerIdentity(userID: "7", openID: "o-test")
    /// A well-known point in each city of the demo data, with that city's region code.
    static let cities: [(name: String, longitude: String, latitude: String, cityID: Int64)] = [
        ("北京天安门", "116.397128", "39.916527", 110100),
        ("上海人民广场", "121.473700", "31.230400", 310100),
        ("广州人民公园", "113.264400", "23.129000", 440100),
        ("深圳市民中心", "114.059600", "22.543100", 440300),
        ("杭州断桥", "120.151900", "30.258900", 330100),
    ]

    /// The settings of a development start with the default zone.
    static let settings = MerchantsSettings(
        publicBase: PublicBaseURL("http://127.0.0.1:8080"), pageSize: 20, maximumRadiusMetres: 50_000,
        seedsDemoData: true, displayTime: .china)

    static func today() -> String { settings.today() }

    static func seeded<T>(_ body: (InProcessMesh, MerchantsFixture) async throws -> T) async throws -> T {
        try await MerchantsMesh.with { mesh, fixture in
            let seeding = DemoMerchants(database: fixture.database, mesh: mesh.meshClient())
            #expect(try await seeding.seedIfNeeded(today: today()))
            return try await body(mesh, fixture)
        }
    }

    static func count(_ table: String, _ fixture: MerchantsFixture) async throws -> Int {
        let rows = try await fixture.database.query("SELECT count(*) AS n FROM merchants.\(unsafeSQL: table)")
        return Int(try rows[0].decode("n", as: Int64.self))
    }

    @Test func seedingTwiceSeedsOnce() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            let seeding = DemoMerchants(database: fixture.database, mesh: mesh.meshClient())
            async let first = seeding.seedIfNeeded(today: Self.today())
            async let second = seeding.seedIfNeeded(today: Self.today())
            let together = try await [first, second]
            #expect(together.filter { $0 }.count == 1)
            #expect(try await seeding.seedIfNeeded(today: Self.today()) == false)
            #expect(try await Self.count("seed_runs", fixture) == 2)
            #expect(try await Self.count("operation_centres", fixture) == 3)
            #expect(try await Self.count("merchants", fixture) == 40)
            let places = try DemoMerchantPlace.loadBundled()
            let vouchers = places.reduce(0) { $0 + (DemoVouchers.byCategory[$1.category]?.count ?? 0) }
            let points = DemoPointsGoods.items
            let mall = DemoMallGoods.items
            #expect(try await Self.count("goods", fixture) == vouchers + points.count + mall.count)
            let pointsProducts = points.reduce(0) { $0 + GoodsSpecs($1.specs).allKeys.count }
            let mallProducts = mall.reduce(0) { $0 + GoodsSpecs($1.specs).allKeys.count }
            #expect(try await Self.count("products", fixture) == vouchers + pointsProducts + mallProducts)
        }
    }

    /// An installation seeded before the mobile mall's goods existed gets them, and only them, on its
    /// next start.
    @Test func anEarlierSeedingGetsTheMobileMallOnly() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            try await fixture.database.execute(
                "INSERT INTO merchants.seed_runs (name) VALUES (\(DemoMerchants.runName))")
            let seeding = DemoMerchants(database: fixture.database, mesh: mesh.meshClient())
            #expect(try await seeding.seedIfNeeded(today: Self.today()))
            #expect(try await Self.count("merchants", fixture) == 0)
            #expect(try await Self.count("goods", fixture) == DemoMallGoods.items.count)
            #expect(try await seeding.seedIfNeeded(today: Self.today()) == false)

            let rows = try await fixture.database.query(
                """
                SELECT g.id AS goods_id, p.id AS product_id, g.name, p.spec_key, p.price, p.stock
                  FROM merchants.goods g JOIN merchants.products p ON p.goods_id = g.id
                 WHERE g.catalogue = 'mall' AND g.name = '便携蓝牙音箱' ORDER BY p.id
                """)
            #expect(rows.count == 2)
            let red = try #require(rows.last)
            let snapshot = try await mesh.internalCall(
                .merchants, "goods.snapshot",
                ["goods_id": .id(try red.decode("goods_id")), "product_id": .id(try red.decode("product_id"))])
            #expect(snapshot.kind == .ok, "\(snapshot.message)")
            #expect(snapshot.data?["catalogue"] == "mall")
            #expect(snapshot.data?["on_sale"] == true)
            #expect(snapshot.data?["product"]?["spec_key"] == "颜色:::红色")
            #expect(snapshot.data?["product"]?["price"] == .integer(16900))
            #expect(snapshot.data?["pic"]?.stringValue?.hasPrefix("http://") == true)
        }
    }

    @Test func theO2OScreensShowTheSeededMerchantsAndTheirGoods() async throws {
        try await Self.seeded { mesh, _ in
            let tree = try await mesh.call(.o2o, "merchant/categories/tree", caller: Self.caller, appID: Self.appID)
            let tops = tree.data?["list"]?.arrayValue ?? []
            #expect(tops.count == 5)
            for top in tops {
                #expect((2...4).contains(top["sub"]?.arrayValue?.count ?? 0))
                #expect(top["icon"]?.stringValue?.hasPrefix("http://127.0.0.1:8080/files/") == true)
            }
            for city in Self.cities {
                let reply = try await mesh.call(
                    .o2o, "merchants",
                    ["lng": .string(city.longitude), "lat": .string(city.latitude), "radius": .string("5000")],
                    caller: Self.caller, appID: Self.appID)
                let list = reply.data?["list"]?.arrayValue ?? []
                #expect(reply.kind == .ok && !list.isEmpty, "nothing near \(city.name)")
                for merchant in list {
                    #expect(merchant["city_id"] == .integer(city.cityID), "\(city.name): \(merchant)")
                    #expect((merchant["distance"]?.int64Value ?? .max) <= 5000)
                    #expect(merchant["area_id"]?.int64Value.map { $0 / 100 == city.cityID / 100 } == true)
                    #expect(merchant["logo"]?.stringValue?.isEmpty == false)
                }
            }
            let beijing = try await mesh.call(
                .o2o, "merchants", ["lng": "116.397128", "lat": "39.916527", "radius": "5000"], caller: Self.caller,
                appID: Self.appID)
            guard let nearest = beijing.data?["list"]?[0] else { return }
            #expect(nearest["province"] == .string("北京市") && nearest["isOperSelf"] == .integer(1))
            let goods = try await mesh.call(
                .o2o, "goods", ["merchant_id": nearest["id"] ?? .null], caller: Self.caller, appID: Self.appID)
            let items = goods.data?["list"]?.arrayValue ?? []
            #expect(goods.kind == .ok && (2...4).contains(items.count))
            let today = Self.today()
            for item in items {
                #expect(item["start_date"] == .string(today))
                #expect(item["end_date"]?.stringValue?.hasPrefix(String((Int(today.prefix(4)) ?? 0) + 1)) == true)
                #expect(item["buy_info"]?.stringValue?.isEmpty == false)
                #expect((item["price"]?.numberValue?.double ?? 0) > 0)
            }
        }
    }

    @Test func thePointsMallListsTheSeededGoodsWithTheirSpecs() async throws {
        try await Self.seeded { mesh, _ in
            let list = try await mesh.call(.yaf, "goods.list")
            let items = list.data?["list"]?.arrayValue ?? []
            #expect(list.kind == .ok && items.count == DemoPointsGoods.items.count)
            #expect(items.first?["goods_name"] == .string(DemoPointsGoods.items[0].name))

            let categories = try await mesh.internalCall(.content, "categories.goods")
            let digital = categories.data?["categories"]?.arrayValue?.first { $0["name"] == "数码产品" }
            let byCategory = try await mesh.call(
                .yaf, "goods.list", ["cat_id": .integer(Int64(digital?["id"]?.stringValue ?? "") ?? 0)])
            #expect(
                byCategory.data?["total"]?.intValue
                    == DemoPointsGoods.items.filter { $0.category == DemoPointsGoods.digital }.count)

            let shirt = items.first { $0["goods_name"] == "纯棉圆领T恤" }
            let detail = try await mesh.call(.yaf, "goods.detail", ["goods_id": shirt?["goodsid"] ?? .null])
            #expect(detail.kind == .ok)
            #expect(detail.data?["spec_val"]?["颜色"] == .array(["红色", "黑色"]))
            #expect(detail.data?["spec_val"]?["尺码"] == .array(["M", "L", "XL"]))
            let products = detail.data?["products"]?.objectValue
            #expect(products?.count == 6)
            let redL = products?["颜色:::红色|||尺码:::L"]
            #expect(redL?["arr_spec_val"] == .object(["颜色": "红色", "尺码": "L"]))
            #expect(redL?["sales_price"] == .integer(690))
            #expect(products?["颜色:::黑色|||尺码:::XL"]?["sales_price"] == .integer(740))

            let single = items.first { $0["goods_name"] == "香薰蜡烛礼盒" }
            let singleDetail = try await mesh.call(.yaf, "goods.detail", ["goods_id": single?["goodsid"] ?? .null])
            #expect(singleDetail.data?["spec_val"] == .array([]))
            #expect(singleDetail.data?["products"]?["single_product"]?["stock"] != nil)
        }
    }
}
