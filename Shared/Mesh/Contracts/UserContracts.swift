import JSON

/// `profiles.get` on user: an account's profile with its wallet (amounts in fen).
public enum ProfilesGet: MeshContract {
    public typealias Request = AccountRequest
    public static let service = ServiceName.user
    public static let name = "profiles.get"

    /// The profile as the user service keeps it.
    public struct Reply: MeshMessage {
        public var accountID: Int64
        public var nickname: String?
        public var realName: String?
        /// 0 not given, 1 male, 2 female.
        public var sex: Int64
        /// `yyyy-MM-dd`, once set.
        public var birthday: String?
        public var idNumber: String?
        public var verified: Bool
        public var intro: String
        public var headImageURL: String?
        public var headImagePath: String?
        public var isMerchant: Bool
        /// A decimal fraction as text (`0.0060`).
        public var benefitRate: String
        public var balance: Int64
        public var frozen: Int64
        public var points: Int64

        public init(
            accountID: Int64, nickname: String?, realName: String?, sex: Int64, birthday: String?,
            idNumber: String?, verified: Bool, intro: String, headImageURL: String?, headImagePath: String?,
            isMerchant: Bool, benefitRate: String, balance: Int64, frozen: Int64, points: Int64
        ) {
            self.accountID = accountID
            self.nickname = nickname
            self.realName = realName
            self.sex = sex
            self.birthday = birthday
            self.idNumber = idNumber
            self.verified = verified
            self.intro = intro
            self.headImageURL = headImageURL
            self.headImagePath = headImagePath
            self.isMerchant = isMerchant
            self.benefitRate = benefitRate
            self.balance = balance
            self.frozen = frozen
            self.points = points
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            accountID = try fields.positiveInteger("account_id")
            nickname = try fields.optionalString("nickname")
            realName = try fields.optionalString("real_name")
            sex = try fields.integer("sex")
            birthday = try fields.optionalString("birthday")
            idNumber = try fields.optionalString("id_number")
            verified = try fields.bool("verified")
            intro = try fields.optionalString("intro") ?? ""
            headImageURL = try fields.optionalString("head_image_url")
            headImagePath = try fields.optionalString("head_image_path")
            isMerchant = try fields.bool("is_merchant")
            benefitRate = try fields.string("benefit_rate")
            balance = try fields.integer("balance")
            frozen = try fields.integer("frozen")
            points = try fields.integer("points")
        }

        public var json: JSONObject {
            [
                "account_id": .id(accountID), "nickname": .optional(nickname), "real_name": .optional(realName),
                "sex": .integer(sex), "birthday": .optional(birthday), "id_number": .optional(idNumber),
                "verified": .bool(verified), "intro": .string(intro), "head_image_url": .optional(headImageURL),
                "head_image_path": .optional(headImagePath), "is_merchant": .bool(isMerchant),
                "benefit_rate": .string(benefitRate), "balance": .integer(balance), "frozen": .integer(frozen),
                "points": .integer(points),
            ]
        }
    }
}

/// `contacts.get` on user: one passenger (train contact) of its owner, or `not_found`.
public enum ContactsGet: MeshContract {
    public static let service = ServiceName.user
    public static let name = "contacts.get"

    /// `{"account_id","contact_id"}`.
    public struct Request: MeshMessage {
        public let accountID: Int64
        public let contactID: Int64

        public init(accountID: Int64, contactID: Int64) {
            self.accountID = accountID
            self.contactID = contactID
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            accountID = try fields.positiveInteger("account_id")
            contactID = try fields.positiveInteger("contact_id")
        }

        public var json: JSONObject { ["account_id": .id(accountID), "contact_id": .id(contactID)] }
    }

    /// `{"id","account_id","name","id_type","id_number","passenger_type"}`.
    public struct Reply: MeshMessage {
        public let id: Int64
        public let accountID: Int64
        public let name: String
        /// `resident_id`.
        public let idType: String
        public let idNumber: String
        /// `adult`, `child`, `student` …, as the user service names them.
        public let passengerType: String

        public init(
            id: Int64, accountID: Int64, name: String, idType: String, idNumber: String, passengerType: String
        ) {
            self.id = id
            self.accountID = accountID
            self.name = name
            self.idType = idType
            self.idNumber = idNumber
            self.passengerType = passengerType
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            id = try fields.positiveInteger("id")
            accountID = try fields.positiveInteger("account_id")
            name = try fields.string("name")
            idType = try fields.string("id_type")
            idNumber = try fields.string("id_number")
            passengerType = try fields.string("passenger_type")
        }

        public var json: JSONObject {
            [
                "id": .id(id), "account_id": .id(accountID), "name": .string(name), "id_type": .string(idType),
                "id_number": .string(idNumber), "passenger_type": .string(passengerType),
            ]
        }
    }
}

/// `addresses.get` on user: one delivery address of its owner (the default one when no id is
/// given), or `not_found`.
public enum AddressesGet: MeshContract {
    public static let service = ServiceName.user
    public static let name = "addresses.get"

    /// `{"account_id","address_id"?}`.
    public struct Request: MeshMessage {
        public let accountID: Int64
        /// Nil asks for the default address.
        public let addressID: Int64?

        public init(accountID: Int64, addressID: Int64?) {
            self.accountID = accountID
            self.addressID = addressID
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            accountID = try fields.positiveInteger("account_id")
            addressID = try fields.optionalPositiveInteger("address_id")
        }

        public var json: JSONObject {
            var json: JSONObject = ["account_id": .id(accountID)]
            if let addressID { json["address_id"] = .id(addressID) }
            return json
        }
    }

    /// The address with its region codes and names.
    public struct Reply: MeshMessage {
        public var id: Int64
        public var accountID: Int64
        public var provinceCode: String
        public var cityCode: String
        public var countyCode: String
        public var provinceName: String
        public var cityName: String
        public var countyName: String
        public var detail: String
        public var receiver: String
        public var phone: String
        public var postcode: String?
        public var isDefault: Bool

        public init(
            id: Int64, accountID: Int64, provinceCode: String, cityCode: String, countyCode: String,
            provinceName: String, cityName: String, countyName: String, detail: String, receiver: String,
            phone: String, postcode: String?, isDefault: Bool
        ) {
            self.id = id
            self.accountID = accountID
            self.provinceCode = provinceCode
            self.cityCode = cityCode
            self.countyCode = countyCode
            self.provinceName = provinceName
            self.cityName = cityName
            self.countyName = countyName
            self.detail = detail
            self.receiver = receiver
            self.phone = phone
            self.postcode = postcode
            self.isDefault = isDefault
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            id = try fields.positiveInteger("id")
            accountID = try fields.positiveInteger("account_id")
            provinceCode = try fields.string("province_code")
            cityCode = try fields.string("city_code")
            countyCode = try fields.string("county_code")
            provinceName = try fields.string("province_name")
            cityName = try fields.string("city_name")
            countyName = try fields.string("county_name")
            detail = try fields.string("detail")
            receiver = try fields.string("receiver")
            phone = try fields.string("phone")
            postcode = try fields.optionalString("postcode")
            isDefault = try fields.bool("is_default")
        }

        public var json: JSONObject {
            [
                "id": .id(id), "account_id": .id(accountID), "province_code": .string(provinceCode),
                "city_code": .string(cityCode), "county_code": .string(countyCode),
                "province_name": .string(provinceName), "city_name": .string(cityName),
                "county_name": .string(countyName), "detail": .string(detail), "receiver": .string(receiver),
                "phone": .string(phone), "postcode": .optional(postcode), "is_default": .bool(isDefault),
            ]
        }
    }
}
