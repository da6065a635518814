import Foundation
import Testing

@testable import MerchantsService

/// The reservation life without a database: every state against every event.
struct ReservationStateTests {
    @Test func commitSellsAReservationOnce() throws {
        let first = try ReservationState.reserved.apply(.commit).get()
        #expect(first == .init(next: .committed, returnsStock: false, changes: true, ledgerKind: nil))
        let again = try ReservationState.committed.apply(.commit).get()
        #expect(again.next == .committed && !again.changes && !again.returnsStock)
    }

    @Test func releaseGivesStockBackOnce() throws {
        let unsold = try ReservationState.reserved.apply(.release).get()
        #expect(unsold == .init(next: .released, returnsStock: true, changes: true, ledgerKind: "release"))
        let sold = try ReservationState.committed.apply(.release).get()
        #expect(sold == .init(next: .refunded, returnsStock: true, changes: true, ledgerKind: "refund"))
        for ended in [ReservationState.released, .refunded] {
            let repeated = try ended.apply(.release).get()
            #expect(repeated.next == ended && !repeated.returnsStock && !repeated.changes)
        }
    }

    @Test func givenBackStockCannotBeSold() {
        for ended in [ReservationState.released, .refunded] {
            guard case .failure(let refusal) = ended.apply(.commit) else {
                Issue.record("\(ended) accepted a commit")
                continue
            }
            #expect(refusal.state == ended)
        }
    }
}

/// Spec keys and the specs they pick.
struct GoodsSpecsTests {
    let specs = GoodsSpecs([.init(name: "颜色", values: ["红色", "黑色"]), .init(name: "尺码", values: ["L", "XL"])])

    @Test func everyCombinationHasAKey() {
        #expect(
            specs.allKeys == [
                "颜色:::红色|||尺码:::L", "颜色:::红色|||尺码:::XL", "颜色:::黑色|||尺码:::L", "颜色:::黑色|||尺码:::XL",
            ])
        #expect(GoodsSpecs([]).allKeys == [""])
    }

    @Test func keysAreReadBackOrRefused() {
        let choices = specs.choices(of: "颜色:::黑色|||尺码:::XL")
        #expect(choices?.map(\.name) == ["颜色", "尺码"])
        #expect(choices?.map(\.value) == ["黑色", "XL"])
        for wrong in ["颜色:::白色|||尺码:::L", "颜色:::红色", "尺码:::L|||颜色:::红色", "", "颜色:::红色|||尺码:::L|||x:::y"] {
            #expect(specs.choices(of: wrong) == nil, "\(wrong)")
        }
        #expect(GoodsSpecs([]).choices(of: "")?.isEmpty == true)
        #expect(GoodsSpecs([]).choices(of: "颜色:::红色") == nil)
    }

    @Test func storedFormRoundTrips() {
        #expect(GoodsSpecs(storedJSON: specs.storedJSON) == specs)
        #expect(GoodsSpecs(storedJSON: "{}") == nil)
        #expect(GoodsSpecs(storedJSON: #"[{"name":"a","values":[1]}]"#) == nil)
    }
}

/// The nearby search's box holds the whole circle.
struct MerchantSearchTests {
    @Test func boxHoldsTheCircle() {
        let point = MerchantSearch.Point(longitude: 116.4, latitude: 39.9)
        let box = MerchantSearch.boundingBox(around: point, radius: 5000)
        #expect(box.latitude > 5000 / 111_195.0)
        #expect(box.longitude > 5000 / (111_195.0 * cos(39.95 * Double.pi / 180)))
        let polar = MerchantSearch.boundingBox(around: .init(longitude: 0, latitude: 89.99), radius: 5000)
        #expect(polar.longitude >= 360)
    }
}

/// Part of a sold reservation comes back: the units still sold shrink until the reservation is refunded.
struct ReservationReturnTests {
    @Test func soldUnitsComeBackInParts() throws {
        let part = try ReservationState.committed.returning(2, of: 5, returned: 0).get()
        #expect(part.next == .committed && part.returnsStock && part.ledgerKind == "refund")
        let rest = try ReservationState.committed.returning(3, of: 5, returned: 2).get()
        #expect(rest.next == .refunded && rest.returnsStock)
        #expect(throws: ReservationState.PartRefusal.tooMany(asked: 4, outstanding: 3)) {
            try ReservationState.committed.returning(4, of: 5, returned: 2).get()
        }
        #expect(throws: ReservationState.PartRefusal.self) {
            try ReservationState.committed.returning(0, of: 5, returned: 0).get()
        }
        for state in [ReservationState.reserved, .released, .refunded] {
            #expect(throws: ReservationState.PartRefusal.notSold(state)) {
                try state.returning(1, of: 5, returned: 0).get()
            }
        }
    }
}
