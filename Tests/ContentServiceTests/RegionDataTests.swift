import Testing

@testable import ContentService

/// The shipped region data: every row read, the tree, the names clients see, the city initials and
/// the place of GPS points.
struct RegionDataTests {
    static let data: RegionData = {
        do {
            return try RegionData.loadBundled()
        } catch {
            fatalError("the bundled region data does not load: \(error)")
        }
    }()

    @Test func everyRowOfTheDataFileIsRead() {
        let catalog = Self.data.catalog
        #expect(catalog.rowCount == 3511)
        // 282 county-level placeholders named 市辖区 without coordinates are left out.
        #expect(catalog.count == 3511 - 282)
        #expect(catalog.provinces.count == 34)
        #expect(catalog.provinces.first?.name == "北京市")
    }

    @Test func theTreeLinksCountiesToCitiesToProvinces() throws {
        let catalog = Self.data.catalog
        let dongcheng = try #require(catalog.region("110101"))
        #expect(dongcheng.name == "东城区")
        #expect(dongcheng.level == .county)
        #expect(dongcheng.parentCode == "110100")
        #expect(dongcheng.longitudeText != nil)
        let beijingCity = try #require(catalog.region("110100"))
        #expect(beijingCity.name == "北京市")
        #expect(beijingCity.parentCode == "110000")
        #expect(catalog.region("110000")?.parentCode == nil)
        #expect(catalog.children(of: "440300").contains { $0.name == "南山区" })
        #expect(catalog.children(of: "110101").isEmpty)
        #expect(catalog.region("999999") == nil)
        for province in catalog.provinces {
            for city in catalog.children(of: province.code) {
                #expect(city.level == .city)
                for county in catalog.children(of: city.code) { #expect(county.parentCode == city.code) }
            }
        }
    }

    @Test func everyListedCityHasAPinyinInitial() {
        let cities = Self.data.catalog.cityDirectory
        #expect(cities.count > 350)
        for city in cities {
            #expect(Self.data.initials.initial(of: city.name) != nil, "\(city.code) \(city.name)")
        }
        let names = Set(cities.map(\.name))
        #expect(names.isSuperset(of: ["北京市", "重庆市", "深圳市", "仙桃市", "香港特别行政区"]))
        #expect(!names.contains("省直辖县级行政区划"))
        #expect(!names.contains("县"))
        #expect(Self.data.initial(of: Self.data.catalog.region("500100")!) == "C")
        #expect(Self.data.initial(of: Self.data.catalog.region("350200")!) == "X")
        #expect(Self.data.initial(of: Self.data.catalog.region("140400")!) == "C")
    }

    @Test func provinceGovernedCitiesAreTheirOwnCity() throws {
        let catalog = Self.data.catalog
        let xiantao = try #require(catalog.region("429004"))
        let placement = catalog.placement(of: xiantao)
        #expect(placement.province.name == "湖北省")
        #expect(placement.city.code == "429004")
        #expect(placement.county.code == "429004")
        let dongguan = try #require(catalog.region("441900"))
        #expect(catalog.placement(of: dongguan).county.code == "441900")
    }

    @Test func pointsInChinaFindTheirCounty() throws {
        func place(_ longitude: Double, _ latitude: Double) -> RegionPlacement? {
            Self.data.locate(GeoPoint(longitude: longitude, latitude: latitude)).map(Self.data.catalog.placement)
        }
        let nanshan = try #require(place(113.93, 22.53))
        #expect(nanshan.county.name == "南山区")
        #expect(nanshan.city.name == "深圳市")
        #expect(nanshan.province.name == "广东省")
        #expect(try #require(place(116.40, 39.91)).province.name == "北京市")
        #expect(try #require(place(121.56, 25.04)).province.name == "台湾省")
        // Inside the outline but far from any seat, and an island outside the coarse outline.
        #expect(place(90.3, 40.3)?.province.name == "新疆维吾尔自治区")
        #expect(place(122.2, 30.0)?.city.name == "舟山市")
    }

    @Test func pointsAbroadAreNotPlaced() {
        for (longitude, latitude) in [
            (139.69, 35.69), (126.98, 37.57), (105.85, 21.03), (2.35, 48.85), (0.0, 0.0),
            (85.3, 27.7), (123.5, 31.0), (-74.0, 40.7), (200.0, 30.0),
        ] {
            #expect(
                Self.data.locate(GeoPoint(longitude: longitude, latitude: latitude)) == nil, "\(longitude),\(latitude)")
        }
    }

    @Test func malformedDataIsRefusedWithItsLine() {
        #expect(throws: RegionDataError.self) { try RegionCatalog(adcodesCSV: "adcode,name\n") }
        do {
            _ = try RegionCatalog(adcodesCSV: "adcode,name,longitude,latitude\n110000000000,北京市,116.4,\n")
            Issue.record("a row with one coordinate was accepted")
        } catch {
            #expect(error.line == 2)
        }
    }
}
