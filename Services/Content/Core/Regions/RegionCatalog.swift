/// Every province, city and county of China from the shipped `adcodes.csv`, with the tree between
/// them. Built once at start-up; read-only afterwards.
public struct RegionCatalog: Sendable {
    /// Names of city-level rows that only group county-level cities governed by their province.
    static let provinceGovernedGroups: Set<String> = ["省直辖县级行政区划", "自治区直辖县级行政区划"]
    /// The data's name for a municipality's district group (city level) and for statistical
    /// placeholders (county level, without coordinates).
    static let districtGroupName = "市辖区"

    private let byCode: [String: Region]
    private let childrenByCode: [String: [Region]]
    public let provinces: [Region]
    /// Rows read from the file, placeholders included (for checks of the shipped data).
    public let rowCount: Int

    /// Reads the text of `adcodes.csv` (`adcode,name,longitude,latitude`, 12-digit codes).
    public init(adcodesCSV text: String) throws(RegionDataError) {
        let file = "adcodes.csv"
        let records = try CSVLines.records(text, file: file, header: ["adcode", "name", "longitude", "latitude"])
        var raw: [(code: String, name: String, longitude: String?, latitude: String?)] = []
        var rawNames: [String: String] = [:]
        for (line, fields) in records {
            let adcode = fields[0]
            guard adcode.utf8.count == 12, adcode.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                adcode.hasSuffix("000000")
            else {
                throw RegionDataError(file: file, line: line, problem: "adcode must be 12 digits ending in 000000")
            }
            let code = String(adcode.prefix(6))
            guard rawNames[code] == nil else {
                throw RegionDataError(file: file, line: line, problem: "code \(code) appears twice")
            }
            let name = fields[1]
            guard !name.isEmpty else { throw RegionDataError(file: file, line: line, problem: "empty name") }
            let longitude = fields[2].isEmpty ? nil : fields[2]
            let latitude = fields[3].isEmpty ? nil : fields[3]
            guard (longitude == nil) == (latitude == nil),
                longitude.map({ Double($0) != nil }) ?? true, latitude.map({ Double($0) != nil }) ?? true
            else {
                throw RegionDataError(
                    file: file, line: line, problem: "longitude and latitude must both be numbers or both be empty")
            }
            rawNames[code] = name
            raw.append((code, name, longitude, latitude))
        }
        var byCode: [String: Region] = [:]
        for row in raw {
            let level = RegionLevel.of(code: row.code)
            if level == .county && row.name == Self.districtGroupName && row.longitude == nil { continue }
            let parentCode: String? =
                switch level {
                case .province: nil
                case .city: String(row.code.prefix(2)) + "0000"
                case .county: String(row.code.prefix(4)) + "00"
                }
            if let parentCode, rawNames[parentCode] == nil {
                throw RegionDataError(file: file, line: 0, problem: "\(row.code) has no parent \(parentCode)")
            }
            var name = row.name
            if level == .city && name == Self.districtGroupName, let parentCode, let provinceName = rawNames[parentCode]
            {
                name = provinceName
            }
            byCode[row.code] = Region(
                code: row.code, name: name, level: level, parentCode: parentCode, longitudeText: row.longitude,
                latitudeText: row.latitude)
        }
        var children: [String: [Region]] = [:]
        for region in byCode.values {
            if let parent = region.parentCode { children[parent, default: []].append(region) }
        }
        for key in children.keys { children[key]?.sort { $0.code < $1.code } }
        self.byCode = byCode
        self.childrenByCode = children
        self.provinces = byCode.values.filter { $0.level == .province }.sorted { $0.code < $1.code }
        self.rowCount = records.count
    }

    public var count: Int { byCode.count }

    public func region(_ code: String) -> Region? { byCode[code] }

    /// The regions directly below `code`, by code; empty for a county or an unknown code.
    public func children(of code: String) -> [Region] { childrenByCode[code] ?? [] }

    /// Whether `region` only groups county-level cities governed by their province.
    public func isProvinceGovernedGroup(_ region: Region) -> Bool {
        region.level == .city && Self.provinceGovernedGroups.contains(region.name)
    }

    /// The cities a city list shows: every city, the county-level cities governed by their province
    /// directly, and the regions without cities below them (Taiwan, Hong Kong, Macau), by code. The
    /// grouping rows and Chongqing's county group `县` are left out (Chongqing is listed by its districts'
    /// city row).
    public var cityDirectory: [Region] {
        var cities: [Region] = []
        for province in provinces {
            let below = children(of: province.code)
            if below.isEmpty { cities.append(province) }
            for city in below {
                if isProvinceGovernedGroup(city) {
                    cities.append(contentsOf: children(of: city.code))
                } else if !(city.name == "县" && below.contains { $0.code != city.code && $0.name == province.name }) {
                    cities.append(city)
                }
            }
        }
        return cities
    }

    /// The province, city and county a region belongs to, from the top. A county-level city governed by
    /// its province is its own city; a city without counties is its own county; a province without
    /// cities is its own city and county.
    public func placement(of region: Region) -> RegionPlacement {
        switch region.level {
        case .province:
            return RegionPlacement(province: region, city: region, county: region)
        case .city:
            let province = region.parentCode.flatMap(self.region) ?? region
            return RegionPlacement(province: province, city: region, county: region)
        case .county:
            let parent = region.parentCode.flatMap(self.region)
            guard let parent else { return RegionPlacement(province: region, city: region, county: region) }
            let province = parent.parentCode.flatMap(self.region) ?? parent
            let city = isProvinceGovernedGroup(parent) ? region : parent
            return RegionPlacement(province: province, city: city, county: region)
        }
    }

    /// The places a GPS point can resolve to: counties with coordinates, cities with coordinates but no
    /// counties, provinces with coordinates but no cities.
    public var locatablePlaces: [Region] {
        byCode.values.filter { region in
            guard region.seat != nil else { return false }
            switch region.level {
            case .county: return true
            case .city, .province: return children(of: region.code).isEmpty
            }
        }.sorted { $0.code < $1.code }
    }
}

/// Where a place sits in the division, one region per level.
public struct RegionPlacement: Sendable, Equatable {
    public let province: Region
    public let city: Region
    public let county: Region
}
