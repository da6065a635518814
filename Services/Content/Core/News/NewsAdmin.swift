import JSON
import ServiceKit

/// Admin operations on news: `news.list` (`cat_id`?), `news.create` (`cat_id` of an article category,
/// `title`, `intro`?, `image_url`?, `source`?, `content`?), `news.update` (`news_id` and the fields to
/// change), `news.publish` (stamps the publication time the first time), `news.withdraw`.
enum NewsAdmin {
    static func register(on registry: inout ContentAdminRegistry) {
        let news = registry.stores.news
        let categories = registry.stores.categories
        let time = registry.stores.settings.displayTime
        let render: @Sendable (NewsRecord) -> JSONValue = { article in
            var fields: JSONObject = [
                "news_id": .number(JSONNumber(article.id)), "cat_id": .number(JSONNumber(article.categoryID)),
                "title": .string(article.title), "intro": .string(article.intro),
                "image_url": .string(article.imageURL),
                "source": .string(article.source), "status": .string(article.status),
                "published_at": article.publishedAt.map { .string(time.format($0)) } ?? .null,
                "created_at": .string(time.format(article.createdAt)),
                "updated_at": .string(time.format(article.updatedAt)),
            ]
            if let content = article.content { fields["content"] = .string(content) }
            return .object(fields)
        }
        let fields: @Sendable (Parameters, Bool) async throws -> NewsFields = { input, creating in
            let categoryID = try input.integer("cat_id", in: 1...Int64.max, required: creating)
            if let categoryID {
                guard let category = try await categories.find(id: categoryID),
                    category.type == CategoryType.article.rawValue
                else { throw PlainRefusal.invalid("cat_id must name an article category (cat_type 1)") }
            }
            let title = try input.adminText("title", maximum: 200, required: creating)
            if title?.isEmpty == true { throw PlainRefusal.invalid("title must not be empty") }
            return NewsFields(
                categoryID: categoryID, title: title, intro: try input.adminText("intro", maximum: 1000),
                imageURL: try input.url("image_url"), source: try input.adminText("source", maximum: 100),
                content: try input.adminText("content", maximum: 200_000))
        }
        registry.on("news.list", changes: false) { input in
            let categoryID = try input.integer("cat_id", in: 1...Int64.max)
            return .ok(.object(["news": .array(try await news.all(categoryID: categoryID).map(render))]))
        }
        registry.on("news.create") { input in .ok(render(try await news.create(try await fields(input, true)))) }
        registry.on("news.update") { input in
            let id = try input.id("news_id")
            guard let article = try await news.update(id: id, try await fields(input, false)) else {
                throw PlainRefusal.notFound("no article with news_id \(id)")
            }
            return .ok(render(article))
        }
        registry.publication("news", table: .news, idKey: "news_id") { id in
            try await news.find(id: id).map(render)
        }
    }
}
