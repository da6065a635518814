import JSON
import ServiceKit

/// Reads a goods item's own fields from an admin body (its specs and products: `SpecsInput`). Creating
/// needs `name`; `merchant_id` and `category_id` are cleared with `""` or `0`, the dates and the hours
/// with `""`; `pic_list` is a list of at most 5 image URLs.
enum GoodsInput {
    static func draft(_ input: Parameters, creating: Bool) throws -> GoodsDraft {
        var draft = GoodsDraft()
        draft.merchantID = try input.reference("merchant_id")
        draft.categoryID = try input.reference("category_id")
        draft.name = try input.name("name", maximum: 100, creating: creating)
        draft.description = try input.adminText("desc", maximum: 20000)
        draft.buyInfo = try input.adminText("buy_info", maximum: 5000)
        draft.thumbURL = try input.url("thumb_url")
        draft.pic = try input.url("pic")
        draft.picList = try pictures(input)
        draft.startDate = try day(input, "start_date")
        draft.endDate = try day(input, "end_date")
        draft.hours = try input.businessHours()
        draft.limitCount = try input.integer("limit_count", in: 0...100_000)
        draft.sortOrder = try input.integer("sort_order", in: 0...9999)
        return draft
    }

    /// A day written `yyyy-MM-dd`: nil when not sent, `.some(nil)` when sent `""` to clear it.
    private static func day(_ input: Parameters, _ key: String) throws -> String?? {
        guard let text = try input.update(key, maxLength: 10) else { return nil }
        guard !text.isEmpty else { return .some(nil) }
        guard text.utf8.count == 10, let year = Int(text.prefix(4)), (2000...2999).contains(year),
            DisplayTime.china.parse(text) != nil
        else {
            throw InputProblem(key, .malformed("须为 yyyy-MM-dd 格式、2000 至 2999 年间实有的日期"))
        }
        return .some(text)
    }

    /// `pic_list`: nil when not sent, `[]` when sent empty.
    private static func pictures(_ input: Parameters) throws -> [String]? {
        guard let value = input.values["pic_list"], !value.isNull else { return nil }
        if value == .string("") { return [] }
        guard case .array(let items) = value else {
            throw InputProblem("pic_list", .malformed("须为图片地址的列表"))
        }
        guard items.count <= YafGoodsRendering.albumLimit else {
            throw InputProblem("pic_list", .malformed("至多 \(YafGoodsRendering.albumLimit) 张图片"))
        }
        return try items.enumerated().map { index, item in
            let key = "pic_list[\(index)]"
            return try Parameters([key: item]).url(key, required: true) ?? ""
        }
    }
}
