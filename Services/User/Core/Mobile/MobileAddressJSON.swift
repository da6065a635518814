import JSON

/// A delivery address written as the mobile document's address list shows one. `isdefault` is 1
/// for the default address and 2 for the others (the example's single value is 2, so 1 is the
/// other state); times are milliseconds since 1970; the fields the platform does not keep are null.
enum MobileAddressJSON {
    static func object(_ address: AddressRecord) -> JSONValue {
        .object([
            "id": .number(JSONNumber(address.id)),
            "country": "CN",
            "province": .string(address.provinceCode),
            "city": .string(address.cityCode),
            "area": .string(address.countyCode),
            "countryName": .null,
            "provinceName": .string(address.provinceName),
            "cityName": .string(address.cityName),
            "areaName": .string(address.countyName),
            "detail": .string(address.detail),
            "postCode": address.postcode.map(JSONValue.string) ?? .null,
            "phone": .string(address.phone),
            "tel": .null,
            "reciver": .string(address.receiver),
            "isdefault": address.isDefault ? 1 : 2,
            "memberId": .number(JSONNumber(address.accountID)),
            "createtime": .number(JSONNumber(Int64(address.createdAt.timeIntervalSince1970 * 1000))),
            "updatetime": .number(JSONNumber(Int64(address.updatedAt.timeIntervalSince1970 * 1000))),
            "page": .null,
            "orderBy": .null,
            "descOrAsc": .null,
        ])
    }
}
