import Foundation

/// A demo merchant as `Seed/Data/merchants.csv` lists it: its centre (app id), child category, name,
/// brand, street address, point (degrees as written), business hours, lowest amount (fen), weight
/// and description. Its province, city and district come from the content service when it is seeded.
struct DemoMerchantPlace: Sendable, Equatable {
    static let file = "merchants.csv"
    static let header = [
        "centre", "category", "name", "brand", "address", "longitude", "latitude", "opens_at", "closes_at",
        "lowest_amount", "weight", "description",
    ]

    let centre: String
    let category: String
    let name: String
    let brand: String
    let address: String
    let longitude: String
    let latitude: String
    let opensAt: String
    let closesAt: String
    let lowestAmount: Int64
    let weight: Int
    let description: String

    /// The places of the bundled data folder. Blocking: call it off the request threads.
    static func loadBundled() throws -> [DemoMerchantPlace] {
        guard let folder = Bundle.module.url(forResource: "Data", withExtension: nil) else {
            throw DemoMerchantsError("the demo data folder is not in the bundle")
        }
        let text: String
        do {
            text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        } catch {
            throw DemoMerchantsError("\(file) cannot be read: \(error.localizedDescription)")
        }
        return try parse(text)
    }

    /// The places of `csv`: the header line, then one place a line, fields without quoting.
    static func parse(_ csv: String) throws(DemoMerchantsError) -> [DemoMerchantPlace] {
        var lines = csv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let first = lines.first, first.split(separator: ",").map(String.init) == header else {
            throw DemoMerchantsError("\(file) must start with the header \(header.joined(separator: ","))")
        }
        var places: [DemoMerchantPlace] = []
        for (index, line) in lines.enumerated().dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard let place = DemoMerchantPlace(fields: fields) else {
                throw DemoMerchantsError("\(file) line \(index + 1) is not a valid place")
            }
            places.append(place)
        }
        return places
    }

    /// A place from the fields of one line; nil when a field is missing or out of form (only the brand
    /// may be empty).
    init?(fields: [String]) {
        let brandColumn = 3
        guard fields.count == Self.header.count,
            fields.enumerated().allSatisfy({ $0.offset == brandColumn || !$0.element.isEmpty }),
            let longitude = Double(fields[5]), (73...136).contains(longitude),
            let latitude = Double(fields[6]), (3...54).contains(latitude),
            Self.isTime(fields[7]), Self.isTime(fields[8]), fields[7] < fields[8],
            let lowestAmount = Int64(fields[9]), lowestAmount >= 0,
            let weight = Int(fields[10]), (0...1_000_000).contains(weight)
        else { return nil }
        centre = fields[0]
        category = fields[1]
        name = fields[2]
        brand = fields[3]
        address = fields[4]
        self.longitude = fields[5]
        self.latitude = fields[6]
        opensAt = fields[7]
        closesAt = fields[8]
        self.lowestAmount = lowestAmount
        self.weight = weight
        description = fields[11]
    }

    /// Whether `text` is a time of day written `HH:MM:SS`.
    private static func isTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ $0.count == 2 }),
            let hours = Int(parts[0]), let minutes = Int(parts[1]), let seconds = Int(parts[2])
        else { return false }
        return (0...23).contains(hours) && (0...59).contains(minutes) && (0...59).contains(seconds)
    }
}
