import Foundation
import Postgres

/// A saved delivery address (selected as `columns`).
struct AddressRecord: Sendable, Equatable {
    static let columns = """
        id, account_id, province_code, city_code, county_code, province_name, city_name, county_name, detail,
        receiver, phone, postcode, is_default, created_at, updated_at
        """

    let id: Int64
    let accountID: Int64
    let provinceCode: String
    let cityCode: String
    let countyCode: String
    let provinceName: String
    let cityName: String
    let countyName: String
    let detail: String
    let receiver: String
    let phone: String
    let postcode: String?
    let isDefault: Bool
    let createdAt: Date
    let updatedAt: Date

    init(row: PostgresRow) throws {
        id = try row.decode("id", as: Int64.self)
        accountID = try row.decode("account_id", as: Int64.self)
        provinceCode = try row.decode("province_code", as: String.self)
        cityCode = try row.decode("city_code", as: String.self)
        countyCode = try row.decode("county_code", as: String.self)
        provinceName = try row.decode("province_name", as: String.self)
        cityName = try row.decode("city_name", as: String.self)
        countyName = try row.decode("county_name", as: String.self)
        detail = try row.decode("detail", as: String.self)
        receiver = try row.decode("receiver", as: String.self)
        phone = try row.decode("phone", as: String.self)
        postcode = try row.decode("postcode", as: String?.self)
        isDefault = try row.decode("is_default", as: Bool.self)
        createdAt = try row.decode("created_at", as: Date.self)
        updatedAt = try row.decode("updated_at", as: Date.self)
    }

    /// `北京市-市辖区-东城区`, the c2c document's `area`.
    var area: String { "\(provinceName)-\(cityName)-\(countyName)" }
}
