import ServiceKit

/// An address as a client sends it, before its regions are checked: codes, the names the client
/// showed, and the delivery fields.
struct AddressDraft: Sendable, Equatable {
    let provinceCode: String
    let cityCode: String
    let countyCode: String
    let detail: String
    let receiver: String
    let phone: String
    let postcode: String?

    static let detailLimit = 200
    static let receiverLimit = 50

    /// Reads the fields under the names one dialect gives them; the region names are required as the
    /// document says, but the saved names are those of the region data.
    init(_ parameters: Parameters, names: FieldNames) throws(InputProblem) {
        provinceCode = try Self.code(parameters, names.province)
        cityCode = try Self.code(parameters, names.city)
        countyCode = try Self.code(parameters, names.county)
        for key in [names.provinceName, names.cityName, names.countyName] {
            _ = try parameters.required(key, maxLength: 50)
        }
        detail = try parameters.required(names.detail, maxLength: Self.detailLimit)
        receiver = try parameters.required(names.receiver, maxLength: Self.receiverLimit)
        let phone = try parameters.required(names.phone, maxLength: 11)
        guard MobileNumber.isValid(phone) else { throw InputProblem(names.phone, .malformed("须为 11 位手机号码")) }
        self.phone = phone
        if let key = names.postcode, let postcode = try parameters.text(key, maxLength: 6) {
            guard postcode.utf8.count == 6, postcode.utf8.allSatisfy(Parameters.isDigit) else {
                throw InputProblem(key, .malformed("须为 6 位数字"))
            }
            self.postcode = postcode
        } else {
            postcode = nil
        }
    }

    private static func code(_ parameters: Parameters, _ key: String) throws(InputProblem) -> String {
        let code = try parameters.required(key, maxLength: 6)
        guard code.utf8.count == 6, code.utf8.allSatisfy(Parameters.isDigit) else {
            throw InputProblem(key, .malformed("须为 6 位行政区划代码"))
        }
        return code
    }

    /// The parameter names of one dialect's address fields.
    struct FieldNames: Sendable {
        let province: String
        let city: String
        let county: String
        let provinceName: String
        let cityName: String
        let countyName: String
        let detail: String
        let receiver: String
        let phone: String
        let postcode: String?

        /// The mobile document's `member/modify`.
        static let memberModify = FieldNames(
            province: "tdProvince", city: "tdCity", county: "tdArea", provinceName: "tdProvinceName",
            cityName: "tdCityName", countyName: "tdAreaName", detail: "tdDetail", receiver: "tdReciver",
            phone: "tdPhone", postcode: "tdPostcode")

        /// The mobile document's WeChat H5 `weixinapi/address`.
        static let weixin = FieldNames(
            province: "province", city: "city", county: "area", provinceName: "provincename", cityName: "cityname",
            countyName: "areaname", detail: "detail", receiver: "receiver", phone: "phone", postcode: nil)
    }
}

/// An address whose regions exist and form a chain, with the region data's names.
struct CheckedAddress: Sendable, Equatable {
    let draft: AddressDraft
    let provinceName: String
    let cityName: String
    let countyName: String
}
