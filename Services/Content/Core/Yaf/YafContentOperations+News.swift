import JSON
import Mesh
import ServiceKit

extension YafContentOperations {
    /// `news.list`: published articles, newest first, of one article category and those below it, or
    /// of all (`cat_id` -1).
    func newsList(_ call: OperationCall) async throws -> CanonicalReply {
        let input = call.parameters
        let categoryID = try input.integer("cat_id", in: Int64.min...Int64.max) ?? -1
        guard categoryID == -1 || categoryID > 0 else { throw PlainRefusal.invalid("cat_id 须为分类 ID 或 -1") }
        let page = try PageRequest(call.mesh.parameters["page"], size: settings.pageSize)
        let reply: JSONValue = try await stores.cache.value("yaf.news.\(categoryID).\(page.page)") {
            var prefix: String?
            if categoryID > 0 {
                guard let category = try await stores.categories.find(id: categoryID),
                    category.type == CategoryType.article.rawValue
                else { return .null }
                prefix = String(CategoryCode.prefix(of: category.code))
            }
            let (articles, total) = try await stores.news.page(codePrefix: prefix, page)
            return page.reply(
                list: articles.map { .object(YafRendering.newsSummary($0, settings: settings)) }, total: total)
        }
        guard !reply.isNull else { throw PlainRefusal.notFound("分类不存在") }
        return Self.ok(reply)
    }

    /// `news.detail`: one published article with its content.
    func newsDetail(_ call: OperationCall) async throws -> CanonicalReply {
        let id = try call.parameters.id("news_id")
        guard let article = try await stores.news.published(id: id) else { throw PlainRefusal.notFound("文章不存在") }
        var fields = YafRendering.newsSummary(article, settings: settings)
        fields["content"] = .string(article.content ?? "")
        return Self.ok(.object(fields))
    }
}
