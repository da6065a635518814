import JSON
import Mesh
import ServiceHarness
import Testing

/// The O2O merchant and goods operations through the merchants service's real routes, as the gateway
/// forwards them.
@Suite(.serialized)
struct O2OMerchantTests {
    static let appID = "wxdevo2o"
    static let caller = CallerIdentity(userID: "7", openID: "o-test")
    /// Tiananmen, Beijing.
    static let origin = (longitude: 116.397128, latitude: 39.916527)
    /// Metres per degree of latitude on the mean sphere.
    static let metresPerDegree = 111_195.08

    static func north(_ metres: Double) -> Double { origin.latitude + metres / metresPerDegree }

    static func call(
        _ mesh: InProcessMesh, _ operation: String, _ parameters: JSONObject = [:], appID: String = appID
    ) async throws -> CanonicalReply {
        try await mesh.call(.o2o, operation, parameters, caller: caller, appID: appID)
    }

    @Test func nearbyMerchantsAreSortedByRealDistanceWithinTheRadius() async throws {
        try await MerchantsMesh.with { mesh, fixture in
            let own = try await fixture.centre(appID: Self.appID)
            let other = try await fixture.centre(name: "另一个中心", appID: "wxother")
            let food = try await fixture.category("美食")
            let hotpot = try await fixture.category("火锅", parent: food)
            let far = try await fixture.merchant(
                "三公里店", centre: own, category: hotpot, longitude: Self.origin.longitude, latitude: Self.north(3000))
            let near = try await fixture.merchant(
                "一公里店", centre: other, category: food, longitude: Self.origin.longitude, latitude: Self.north(1000))
            _ = try await fixture.merchant(
                "六公里店", centre: own, category: food, longitude: Self.origin.longitude, latitude: Self.north(6000))
            _ = try await fixture.merchant(
                "待审核店", centre: own, category: food, longitude: Self.origin.longitude, latitude: Self.north(500),
                approval: "pending")
            _ = try await fixture.merchant(
                "停业店", centre: own, category: food, longitude: Self.origin.longitude, latitude: Self.north(500),
                status: 2)

            let reply = try await Self.call(
                mesh, "merchants",
                ["lng": .string("116.397128"), "lat": .string("39.916527"), "radius": .string("5000")])
            #expect(reply.kind == .ok)
            #expect(reply.data?["total"] == .integer(2))
            let list = reply.data?["list"]?.arrayValue ?? []
            #expect(list.map { $0["id"] } == [.integer(near), .integer(far)])
            #expect(list.first?["distance"]?.int64Value.map { abs($0 - 1000) <= 2 } == true)
            #expect(list.last?["distance"]?.int64Value.map { abs($0 - 3000) <= 2 } == true)
            #expect(list.first?["isOperSelf"] == .integer(0))
            #expect(list.last?["isOperSelf"] == .integer(1))
            #expect(list.last?["merchantCategoryName"] == .string("火锅"))
            #expect(list.last?["business_time"] == .array([.string("10:30:00"), .string("18:30:00")]))
            #expect(list.last?["lowestAmount"]?.numberValue?.text == "80.00")
            #expect(list.last?["city_id"] == .integer(110100))

            let byCategory = try await Self.call(mesh, "merchants", ["merchant_category_id": .integer(food)])
            #expect(byCategory.data?["total"] == .integer(3))
            #expect(byCategory.data?["list"]?.arrayValue?.first?["distance"] == nil)
            let child = try await Self.call(mesh, "merchants", ["merchant_category_id": .integer(hotpot)])
            #expect(child.data?["total"] == .integer(1))
        }
    }
}
