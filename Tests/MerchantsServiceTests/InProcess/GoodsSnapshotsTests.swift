import JSON
import Mesh
import ServiceHarness
import Testing

@testable import MerchantsService

/// `goods.snapshots`: several products in one call, each as `goods.snapshot` answers it, the unknown
/// pairs left out.
@Suite(.serialized)
struct GoodsSnapshotsTests {
    static func mallItem(_ name: String, skus: [String]) -> JSONObject {
        [
            "catalogue": "mall", "name": .string(name), "pic": "/files/mall.png",
            "specs": [["name": "颜色", "values": .array(skus.indices.map { .string("色\($0)") })]],
            "products": .array(
                skus.enumerated().map { index, sku in
                    ["spec": ["颜色": .string("色\(index)")], "sku": .string(sku), "price": "8.80", "stock": 5]
                }),
        ]
    }

    @Test func theKnownPairsAnswerAsTheirSingleSnapshotsInTheOrderAsked() async throws {
        try await MerchantsMesh.with { mesh, _ in
            let admin = AdminSteps(mesh: mesh)
            let first = try await admin.ok("goods.create", Self.mallItem("保温饭盒", skus: ["BOX-W", "BOX-B"]))
            let second = try await admin.ok("goods.create", Self.mallItem("收纳盒", skus: ["ORG-S"]))
            let firstID = try #require(first["goods_id"]?.int64Value)
            let secondID = try #require(second["goods_id"]?.int64Value)
            _ = try await admin.ok("goods.publish", ["goods_id": .integer(firstID)])
            let firstProducts = (first["products"]?.arrayValue ?? []).compactMap { $0["product_id"]?.int64Value }
            let secondProduct = try #require(second["products"]?[0]?["product_id"]?.int64Value)
            #expect(firstProducts.count == 2)

            let pairs: [(Int64, Int64)] = [
                (secondID, secondProduct), (firstID, firstProducts[1]), (999_999, firstProducts[0]),
                (firstID, secondProduct), (firstID, firstProducts[0]),
            ]
            let items: [JSONValue] = pairs.map { .object(["goods_id": .id($0.0), "product_id": .id($0.1)]) }
            let reply = try await mesh.internalCall(.merchants, "goods.snapshots", ["items": .array(items)])
            #expect(reply.kind == .ok, "\(reply.message)")
            let snapshots = reply.data?["snapshots"]?.arrayValue ?? []
            #expect(
                snapshots.map { $0["product"]?["product_id"] }
                    == [secondProduct, firstProducts[1], firstProducts[0]].map { JSONValue.id($0) })
            #expect(snapshots.map { $0["on_sale"] } == [false, true, true])
            for (snapshot, pair) in zip(snapshots, [pairs[0], pairs[1], pairs[4]]) {
                let single = try await mesh.internalCall(
                    .merchants, "goods.snapshot", ["goods_id": .id(pair.0), "product_id": .id(pair.1)])
                #expect(single.data == snapshot)
            }

            let none = try await mesh.internalCall(.merchants, "goods.snapshots", ["items": []])
            #expect(none.kind == .ok && none.data?["snapshots"] == .array([]))
            let tooMany = Array(repeating: items[0], count: 201)
            let refused = try await mesh.internalCall(.merchants, "goods.snapshots", ["items": .array(tooMany)])
            #expect(refused.kind == .invalidParams && refused.message.contains("items"))
            let broken = try await mesh.internalCall(.merchants, "goods.snapshots", ["items": [["goods_id": 1]]])
            #expect(broken.kind != .ok)
        }
    }
}
