import Postgres

/// A merchant as the lists show it, with its category's name and its centre's mini-program.
/// Coordinates are the stored decimals as text (`116.397128`); `lowestAmount` is fen; `distance`
/// is metres from the caller's point when a point was given.
struct MerchantRecord: Sendable, Equatable {
    /// The columns of `merchants m` joined with `merchant_categories c` and `operation_centres o`.
    static let columns = """
        m.id, m.oper_id, o.app_id AS oper_app_id, m.category_id, c.name AS category_name, m.name, m.brand, m.region,
        m.address, m.province, m.province_id, m.city, m.city_id, m.area, m.area_id,
        trim_scale(m.lng)::text AS lng, trim_scale(m.lat)::text AS lat,
        to_char(m.opens_at, 'HH24:MI:SS') AS opens_at, to_char(m.closes_at, 'HH24:MI:SS') AS closes_at,
        m.logo, m.desc_pic, m.description, m.contacter, m.contacter_phone, m.lowest_amount, m.weight,
        m.approval, m.status
        """
    /// The joins that `columns` reads from.
    static let joins = """
        merchants.merchants m
        JOIN merchants.merchant_categories c ON c.id = m.category_id
        JOIN merchants.operation_centres o ON o.id = m.oper_id
        """

    let id: Int64
    let operID: Int64
    let operAppID: String
    let categoryID: Int64
    let categoryName: String
    let name: String
    let brand: String
    let region: Int64
    let address: String
    let province: String
    let provinceID: String
    let city: String
    let cityID: String
    let area: String
    let areaID: String
    let longitude: String
    let latitude: String
    let opensAt: String
    let closesAt: String
    let logo: String
    let descriptionPicture: String
    let description: String
    let contacter: String
    let contacterPhone: String
    let lowestAmount: Int64
    let weight: Int64
    let approval: MerchantApproval
    let status: Int64
    let distance: Int64?

    init(row: PostgresRow, hasDistance: Bool = false) throws {
        id = try row.decode("id")
        operID = try row.decode("oper_id")
        operAppID = try row.decode("oper_app_id")
        categoryID = try row.decode("category_id")
        categoryName = try row.decode("category_name")
        name = try row.decode("name")
        brand = try row.decode("brand")
        region = try row.decode("region")
        address = try row.decode("address")
        province = try row.decode("province")
        provinceID = try row.decode("province_id")
        city = try row.decode("city")
        cityID = try row.decode("city_id")
        area = try row.decode("area")
        areaID = try row.decode("area_id")
        longitude = try row.decode("lng")
        latitude = try row.decode("lat")
        opensAt = try row.decode("opens_at")
        closesAt = try row.decode("closes_at")
        logo = try row.decode("logo")
        descriptionPicture = try row.decode("desc_pic")
        description = try row.decode("description")
        contacter = try row.decode("contacter")
        contacterPhone = try row.decode("contacter_phone")
        lowestAmount = try row.decode("lowest_amount")
        weight = try row.decode("weight")
        let approvalText: String = try row.decode("approval")
        approval = MerchantApproval(rawValue: approvalText) ?? .pending
        status = try row.decode("status")
        distance = hasDistance ? try row.decode("distance") : nil
    }

    /// Approved and open: what clients may see.
    var isListed: Bool { approval == .approved && status == MerchantRecord.open }

    static let open: Int64 = 1
    static let suspended: Int64 = 2
}

/// Where a merchant stands in review: listed only once approved.
enum MerchantApproval: String, Sendable {
    case pending, approved, rejected
}
