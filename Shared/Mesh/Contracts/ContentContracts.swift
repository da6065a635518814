import JSON

/// `regions.lookup` on content: the known regions among the codes asked (at most 100), in the order
/// asked, each once.
public enum RegionsLookup: MeshContract {
    public static let service = ServiceName.content
    public static let name = "regions.lookup"

    /// `{"codes":["110000","110101"]}`; a code may be sent as a number.
    public struct Request: MeshMessage {
        public let codes: [String]

        public init(codes: [String]) {
            self.codes = codes
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            codes = try MeshFields(json).list("codes") { (item, position) throws(MeshProtocolError) -> String in
                guard let code = item.stringValue ?? item.numberValue?.text else {
                    throw .invalid(position, "a region code as a string such as \"110101\"")
                }
                return code
            }
        }

        public var json: JSONObject { ["codes": .array(codes.map(JSONValue.string))] }
    }

    /// One region: `level` 1 province, 2 city, 3 county; `parent_code` null for a province;
    /// coordinates as text, null where the data has none.
    public struct Region: MeshMessage {
        public let code: String
        public let name: String
        public let level: Int64
        public let parentCode: String?
        public let longitude: String?
        public let latitude: String?

        public init(
            code: String, name: String, level: Int64, parentCode: String?, longitude: String?, latitude: String?
        ) {
            self.code = code
            self.name = name
            self.level = level
            self.parentCode = parentCode
            self.longitude = longitude
            self.latitude = latitude
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            code = try fields.string("code")
            name = try fields.string("name")
            level = try fields.integer("level")
            parentCode = try fields.optionalString("parent_code")
            longitude = try fields.optionalString("longitude")
            latitude = try fields.optionalString("latitude")
        }

        public var json: JSONObject {
            [
                "code": .string(code), "name": .string(name), "level": .integer(level),
                "parent_code": .optional(parentCode), "longitude": .optional(longitude),
                "latitude": .optional(latitude),
            ]
        }
    }

    /// `{"regions":[…]}`.
    public struct Reply: MeshMessage {
        public let regions: [Region]

        public init(regions: [Region]) {
            self.regions = regions
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            regions = try MeshFields(json).messages("regions", as: Region.self)
        }

        public var json: JSONObject { ["regions": .array(regions.map { .object($0.json) })] }
    }
}

/// `files.store` on content (mutating): keeps an image (JPEG, PNG, GIF or WebP by its bytes, at most
/// the configured upload size) under its content's hash, so the same bytes give the same file.
/// A key reused with other bytes is refused.
public enum FilesStore: MeshContract {
    public static let service = ServiceName.content
    public static let name = "files.store"
    public static let isMutating = true

    /// `{"content_base64","purpose"?}`; `purpose` is 1 to 32 lower-case letters or `_` (`internal`
    /// when absent).
    public struct Request: MeshMessage {
        public let contentBase64: String
        public let purpose: String?

        public init(contentBase64: String, purpose: String?) {
            self.contentBase64 = contentBase64
            self.purpose = purpose
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            contentBase64 = try fields.string("content_base64")
            guard !contentBase64.isEmpty else { throw .missing("content_base64") }
            purpose = try fields.optionalString("purpose")
        }

        public var json: JSONObject {
            JSONObject(omittingNils: [
                "content_base64": .string(contentBase64), "purpose": purpose.map(JSONValue.string),
            ])
        }
    }

    /// `{"file_id","image_url","relative_image_url"}`.
    public struct Reply: MeshMessage {
        public let fileID: Int64
        /// The full URL clients load.
        public let imageURL: String
        /// The path relative to the file host.
        public let relativeImageURL: String

        public init(fileID: Int64, imageURL: String, relativeImageURL: String) {
            self.fileID = fileID
            self.imageURL = imageURL
            self.relativeImageURL = relativeImageURL
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            fileID = try fields.positiveInteger("file_id")
            imageURL = try fields.string("image_url")
            relativeImageURL = try fields.string("relative_image_url")
        }

        public var json: JSONObject {
            [
                "file_id": .id(fileID), "image_url": .string(imageURL),
                "relative_image_url": .string(relativeImageURL),
            ]
        }
    }
}

/// `regions.locate` on content: the province, city and county a point in China is in (the nearest
/// county seat), or `not_found` for a point outside China.
public enum RegionsLocate: MeshContract {
    public static let service = ServiceName.content
    public static let name = "regions.locate"

    /// `{"longitude","latitude"}` in degrees, as decimal text or numbers.
    public struct Request: MeshMessage {
        public let longitude: String
        public let latitude: String

        public init(longitude: String, latitude: String) {
            self.longitude = longitude
            self.latitude = latitude
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            guard let longitude = try fields.optionalText("longitude", maxLength: 32) else {
                throw .missing("longitude")
            }
            guard let latitude = try fields.optionalText("latitude", maxLength: 32) else { throw .missing("latitude") }
            self.longitude = longitude
            self.latitude = latitude
        }

        public var json: JSONObject { ["longitude": .string(longitude), "latitude": .string(latitude)] }
    }

    /// `{"province","city","county"}`, each `{"code","name"}`; a city without counties is also its
    /// county, a province without cities also its city.
    public struct Reply: MeshMessage {
        public let province: PlaceName
        public let city: PlaceName
        public let county: PlaceName

        public init(province: PlaceName, city: PlaceName, county: PlaceName) {
            self.province = province
            self.city = city
            self.county = county
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            province = try PlaceName(json: fields.object("province"))
            city = try PlaceName(json: fields.object("city"))
            county = try PlaceName(json: fields.object("county"))
        }

        public var json: JSONObject {
            ["province": .object(province.json), "city": .object(city.json), "county": .object(county.json)]
        }
    }

    /// A region's six-digit code and name.
    public struct PlaceName: MeshMessage, Equatable {
        public let code: String
        public let name: String

        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            code = try fields.string("code")
            name = try fields.string("name")
        }

        public var json: JSONObject { ["code": .string(code), "name": .string(name)] }
    }
}

/// `categories.goods` on content: every goods category (the app base API's `cat_type` 3), so the
/// merchants service can check a goods item's category and widen a category to those below it.
public enum GoodsCategoriesList: MeshContract {
    public static let service = ServiceName.content
    public static let name = "categories.goods"

    /// `{}`.
    public struct Request: MeshMessage {
        public init() {}
        public init(json: JSONObject) throws(MeshProtocolError) {}
        public var json: JSONObject { [:] }
    }

    /// One category: its 30-digit `code` starts with the code prefix of every category above it.
    public struct Category: MeshMessage, Equatable {
        public let id: Int64
        public let parentID: Int64?
        public let name: String
        public let code: String

        public init(id: Int64, parentID: Int64?, name: String, code: String) {
            self.id = id
            self.parentID = parentID
            self.name = name
            self.code = code
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            id = try fields.positiveInteger("id")
            parentID = try fields.optionalPositiveInteger("parent_id")
            name = try fields.string("name")
            code = try fields.string("code")
        }

        public var json: JSONObject {
            [
                "id": .id(id), "parent_id": parentID.map(JSONValue.id) ?? .null, "name": .string(name),
                "code": .string(code),
            ]
        }
    }

    /// `{"categories":[…]}`.
    public struct Reply: MeshMessage {
        public let categories: [Category]

        public init(categories: [Category]) {
            self.categories = categories
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            categories = try MeshFields(json).messages("categories", as: Category.self)
        }

        public var json: JSONObject { ["categories": .array(categories.map { .object($0.json) })] }
    }
}
