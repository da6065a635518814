import Mesh

/// The fields an admin gives when creating or editing a merchant; nil leaves a field as it is.
/// Coordinates are decimal text; the region names and codes (`place`) come from them, never from the
/// admin. `lowestAmount` is fen.
struct MerchantDraft: Sendable {
    var operID: Int64?
    var categoryID: Int64?
    var name: String?
    var brand: String?
    var region: Int64?
    var address: String?
    var longitude: String?
    var latitude: String?
    var place: RegionsLocate.Reply?
    var hours: BusinessHours?
    var logo: String?
    var descriptionPicture: String?
    var description: String?
    var contacter: String?
    var contacterPhone: String?
    var lowestAmount: Int64?
    var weight: Int64?
}

/// What the admin's merchant list is narrowed to; nil does not narrow. `keyword` is matched literally
/// in the name or brand.
struct MerchantFilter: Sendable {
    var approval: MerchantApproval?
    var status: Int64?
    var operID: Int64?
    var categoryID: Int64?
    var keyword: String?
}
