import Foundation

/// The region data the service answers from: the catalog, the city initials and the locator, loaded
/// from the resources shipped with the service (`Regions/Data`).
public struct RegionData: Sendable {
    public let catalog: RegionCatalog
    let initials: PinyinInitials
    let locator: RegionLocator

    init(catalog: RegionCatalog, initials: PinyinInitials, outline: ChinaOutline) {
        self.catalog = catalog
        self.initials = initials
        self.locator = RegionLocator(catalog: catalog, outline: outline)
    }

    /// Reads the files of the bundled data folder. Blocking: call it off the request threads.
    public static func loadBundled() throws -> RegionData {
        guard let folder = Bundle.module.url(forResource: "Data", withExtension: nil) else {
            throw RegionDataError(file: "Data", line: 0, problem: "the region data folder is not in the bundle")
        }
        return try load(from: folder)
    }

    static func load(from folder: URL) throws -> RegionData {
        func text(_ name: String) throws -> String {
            do {
                return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            } catch {
                throw RegionDataError(file: name, line: 0, problem: "cannot be read: \(error.localizedDescription)")
            }
        }
        return RegionData(
            catalog: try RegionCatalog(adcodesCSV: try text("adcodes.csv")),
            initials: try PinyinInitials(csv: try text("city-initials.csv")),
            outline: try ChinaOutline(csv: try text("china-outline.csv")))
    }

    /// The initial letter a city is grouped under; `#` when the table has none.
    func initial(of city: Region) -> String {
        initials.initial(of: city.name) ?? "#"
    }

    /// The place `point` is in, nil outside China.
    func locate(_ point: GeoPoint) -> Region? { locator.locate(point) }

    /// The province, city and county `point` is in; nil outside China.
    func placement(at point: GeoPoint) -> RegionPlacement? { locate(point).map(catalog.placement) }
}
