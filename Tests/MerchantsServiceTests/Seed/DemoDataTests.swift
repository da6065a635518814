import Testing

@testable import MerchantsService

/// The shipped demo data holds together without a database: every place parses and names a known
/// centre and category, every category has its vouchers and pictures, and every points-mall item's
/// specs make valid spec keys.
struct DemoDataTests {
    @Test func everyBundledPlaceNamesAKnownCentreAndCategory() throws {
        let places = try DemoMerchantPlace.loadBundled()
        #expect(places.count == 40)
        let centres = Set(DemoCatalogue.centres.map(\.appID))
        for place in places {
            #expect(centres.contains(place.centre), "\(place.name): unknown centre \(place.centre)")
            #expect(DemoCatalogue.top(of: place.category) != nil, "\(place.name): unknown category \(place.category)")
        }
        #expect(DemoCatalogue.centres.first?.appID == "wxdevo2o")
        #expect(Set(places.map(\.centre)) == centres)
        #expect(Set(places.map(\.name)).count == places.count)
    }

    @Test func aBrokenLineIsRefusedWithItsNumber() {
        let header = DemoMerchantPlace.header.joined(separator: ",")
        let good = "wxdevo2o,火锅,店,牌,街 1 号,116.4,39.9,10:00:00,22:00:00,100,1,好"
        #expect((try? DemoMerchantPlace.parse(header + "\n" + good + "\n"))?.count == 1)
        for broken in [
            "wxdevo2o,火锅,店,牌,街 1 号,216.4,39.9,10:00:00,22:00:00,100,1,好",
            "wxdevo2o,火锅,店,牌,街 1 号,116.4,39.9,22:00:00,10:00:00,100,1,好",
            "wxdevo2o,火锅,,牌,街 1 号,116.4,39.9,10:00:00,22:00:00,100,1,好",
            "wxdevo2o,火锅,店,牌,街 1 号,116.4,39.9,10:00,22:00:00,100,1,好",
            "wxdevo2o,火锅,店,牌,街 1 号,116.4,39.9,10:00:00,22:00:00,100,1",
        ] {
            do {
                let places = try DemoMerchantPlace.parse(header + "\n" + good + "\n" + broken)
                Issue.record("\(broken) was read as \(places)")
            } catch {
                #expect(error.detail.contains("line 3"), "\(error)")
            }
        }
        #expect(throws: DemoMerchantsError.self) { try DemoMerchantPlace.parse("centre,category\n") }
    }

    @Test func everyCategoryHasVouchersAndPictures() {
        let images = Set(DemoMerchantImages.all.map(\.name))
        #expect(images.count == DemoMerchantImages.all.count)
        #expect((4...6).contains(DemoCatalogue.categories.count))
        for top in DemoCatalogue.categories {
            #expect((2...4).contains(top.children.count), "\(top.name)")
            for image in [top.iconImage, top.logoImage, top.voucherImage] {
                #expect(images.contains(image), "\(top.name): no image \(image)")
            }
            for child in top.children {
                let vouchers = DemoVouchers.byCategory[child] ?? []
                #expect((2...4).contains(vouchers.count), "\(child): \(vouchers.count) vouchers")
                #expect(vouchers.allSatisfy { $0.price > 0 && $0.price < $0.marketPrice })
            }
        }
    }

    @Test func everyPointsItemMakesValidSpecKeys() {
        let images = Set(DemoMerchantImages.all.map(\.name))
        let items = DemoPointsGoods.items
        #expect(items.count >= 10)
        #expect(items.contains { $0.specs.isEmpty })
        for item in items {
            #expect(!item.pictures.isEmpty && item.pictures.allSatisfy(images.contains), "\(item.name)")
            #expect([DemoPointsGoods.digital, DemoPointsGoods.home].contains(item.category))
            let specs = GoodsSpecs(item.specs)
            for spec in item.specs {
                #expect(GoodsSpecs.isValidPart(spec.name) && spec.values.allSatisfy(GoodsSpecs.isValidPart))
            }
            #expect(specs.allKeys.allSatisfy { specs.choices(of: $0) != nil })
        }
        let shirt = items.first { $0.specs.count == 2 }
        #expect(shirt.map { GoodsSpecs($0.specs).allKeys.contains("颜色:::红色|||尺码:::L") } == true)
        #expect(shirt?.prices(of: "颜色:::黑色|||尺码:::XL").price == 740)
    }
}
