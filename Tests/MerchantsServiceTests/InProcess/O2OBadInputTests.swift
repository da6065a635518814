import JSON
import Mesh
import ServiceHarness
import Testing

/// Bad input to the O2O merchant and goods operations: each gets a clear refusal, never an empty
/// success that hides it.
@Suite(.serialized)
struct O2OBadInputTests {
    static func call(
        _ mesh: InProcessMesh, _ operation: String, _ parameters: JSONObject
    ) async throws
        -> CanonicalReply
    {
        try await O2OMerchantTests.call(mesh, operation, parameters)
    }

    @Test func pointsRadiiAndPagesAreChecked() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            let centre = try await fixture.centre(appID: O2OMerchantTests.appID)
            let category = try await fixture.category("美食")
            _ = try await fixture.merchant(
                "六十公里店", centre: centre, category: category, longitude: O2OMerchantTests.origin.longitude,
                latitude: O2OMerchantTests.north(60_000))
            let here: JSONObject = ["lng": .string("116.397128"), "lat": .string("39.916527")]
            func with(_ extra: JSONObject) -> JSONObject {
                var parameters = here
                for (key, value) in extra { parameters[key] = value }
                return parameters
            }
            for radius in ["-1", "0", "abc", "1e3", "NaN"] {
                let reply = try await Self.call(mesh, "merchants", with(["radius": .string(radius)]))
                #expect(reply.kind == .invalidParams, "radius \(radius)")
            }
            let huge = try await Self.call(mesh, "merchants", with(["radius": .string("99999999999")]))
            #expect(huge.kind == .ok)
            #expect(huge.data?["total"] == .integer(0), "the radius is cut to 50 km")
            let noRadius = try await Self.call(mesh, "merchants", here)
            #expect(noRadius.data?["total"] == .integer(1))
            #expect(noRadius.data?["list"]?[0]?["distance"]?.int64Value.map { abs($0 - 60_000) < 5 } == true)

            for (lng, lat) in [("200", "39.9"), ("116.4", "-91"), ("东经", "39.9"), ("116.4", "")] {
                let reply = try await Self.call(mesh, "merchants", ["lng": .string(lng), "lat": .string(lat)])
                #expect(reply.kind == .invalidParams, "\(lng),\(lat)")
            }
            for page in ["-1", "0", "abc", "99999999", "1.5"] {
                let reply = try await Self.call(mesh, "merchants", ["page": .string(page)])
                #expect(reply.kind == .invalidParams, "page \(page)")
            }
            let pastTheEnd = try await Self.call(mesh, "merchants", ["page": .string("50")])
            #expect(pastTheEnd.kind == .ok)
            #expect(pastTheEnd.data?["total"] == .integer(1))
            #expect(pastTheEnd.data?["list"] == .array([]))
            for city in ["abc", "-3", "12"] {
                #expect(try await Self.call(mesh, "merchants", ["city_id": .string(city)]).kind == .invalidParams)
            }
            #expect(
                try await Self.call(mesh, "merchants", ["city_id": .string("310100")]).data?["total"] == .integer(0))
        }
    }

    @Test func keywordsAreMatchedLiterally() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            let centre = try await fixture.centre(appID: O2OMerchantTests.appID)
            let category = try await fixture.category("美食")
            for name in ["百分之百%店", "下划线_店", "普通店", "O'Brien 咖啡"] {
                _ = try await fixture.merchant(
                    name, centre: centre, category: category, longitude: 116.4, latitude: 39.9)
            }
            func total(_ keyword: String) async throws -> JSONValue? {
                try await Self.call(mesh, "merchants", ["keyword": .string(keyword)]).data?["total"]
            }
            #expect(try await total("%") == .integer(1))
            #expect(try await total("_") == .integer(1))
            #expect(try await total("'") == .integer(1))
            #expect(try await total("o'brien") == .integer(1))
            #expect(try await total("' OR 1=1 --") == .integer(0))
            let long = try await Self.call(
                mesh, "merchants", ["keyword": .string(String(repeating: "店", count: 10_000))])
            #expect(long.kind == .invalidParams)
            #expect(long.message.contains("keyword"))
        }
    }

    @Test func unknownIdsAreNotFound() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            let centre = try await fixture.centre(appID: O2OMerchantTests.appID)
            let category = try await fixture.category("美食")
            let hidden = try await fixture.category("隐藏", shown: false)
            let merchant = try await fixture.merchant(
                "店", centre: centre, category: category, longitude: 116.4, latitude: 39.9)
            let suspended = try await fixture.merchant(
                "停业", centre: centre, category: category, longitude: 116.4, latitude: 39.9, status: 2)
            let withdrawn = try await fixture.goods("下架券", catalogue: "voucher", merchant: merchant, status: 2)
            let expired = try await fixture.goods(
                "过期券", catalogue: "voucher", merchant: merchant, startDate: "2020-01-01", endDate: "2020-12-31")
            let future = try await fixture.goods(
                "未开始券", catalogue: "voucher", merchant: merchant, startDate: "2999-01-01", endDate: "2999-12-31")
            let points = try await fixture.goods("积分商品", catalogue: "points")
            let onSale = try await fixture.goods(
                "在售券", catalogue: "voucher", merchant: merchant, startDate: "2020-01-01", endDate: "2999-12-31")

            for id in [hidden, 999_999] {
                let reply = try await Self.call(mesh, "merchants", ["merchant_category_id": .integer(id)])
                #expect(reply.kind == .notFound)
            }
            for id in [suspended, 999_999] {
                #expect(try await Self.call(mesh, "merchant/detail", ["id": .integer(id)]).kind == .notFound)
                #expect(try await Self.call(mesh, "goods", ["merchant_id": .integer(id)]).kind == .notFound)
            }
            for id in [withdrawn.goods, expired.goods, future.goods, points.goods, 999_999] {
                #expect(try await Self.call(mesh, "goods/detail", ["id": .integer(id)]).kind == .notFound, "\(id)")
            }
            for bad in ["abc", "-1", "0", ""] {
                #expect(try await Self.call(mesh, "goods/detail", ["id": .string(bad)]).kind != .ok)
            }
            let list = try await Self.call(mesh, "goods", ["merchant_id": .integer(merchant)])
            #expect(list.data?["list"]?.arrayValue?.map { $0["id"] } == [.integer(onSale.goods)])
            let item = try await Self.call(mesh, "goods/detail", ["id": .integer(onSale.goods)])
            #expect(item.data?["oper_id"] == .integer(centre))
            #expect(item.data?["price"]?.numberValue?.text == "10.00")
            #expect(item.data?["market_price"]?.numberValue?.text == "20.00")
            #expect(item.data?["start_date"] == .string("2020-01-01"))
            #expect(item.data?["business_time"] == .array([.string("10:30:00"), .string("18:30:00")]))
            #expect(item.data?["pic_list"]?.arrayValue?.first == .string("http://127.0.0.1:8080/files/1.png"))
            #expect(item.data?["sell_number"] == .integer(0))
        }
    }
}
