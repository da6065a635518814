/// Checks an address's province, city and county codes against the content service's region data:
/// each exists at its level and the county lies in the city, the city in the province.
struct RegionCheck: Sendable {
    let regions: RegionDirectory

    func check(_ draft: AddressDraft, requestID: String?) async throws -> CheckedAddress {
        let found = try await regions.lookup(
            [draft.provinceCode, draft.cityCode, draft.countyCode], requestID: requestID)
        guard let province = found[draft.provinceCode], province.level == 1 else {
            throw AddressRefusal.regionInvalid("省份编码 \(draft.provinceCode) 不存在")
        }
        guard let city = found[draft.cityCode], city.level == 2 else {
            throw AddressRefusal.regionInvalid("城市编码 \(draft.cityCode) 不存在")
        }
        guard let county = found[draft.countyCode], county.level == 3 else {
            throw AddressRefusal.regionInvalid("区县编码 \(draft.countyCode) 不存在")
        }
        guard city.parentCode == province.code else {
            throw AddressRefusal.regionInvalid("\(city.name)不属于\(province.name)")
        }
        guard county.parentCode == city.code else {
            throw AddressRefusal.regionInvalid("\(county.name)不属于\(city.name)")
        }
        return CheckedAddress(draft: draft, provinceName: province.name, cityName: city.name, countyName: county.name)
    }
}
