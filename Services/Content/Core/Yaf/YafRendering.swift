import JSON
import ServiceKit

/// The app base API's (yaf, document 003) shapes of the content it shows.
enum YafRendering {
    static func number(_ value: Int64) -> JSONValue { .number(JSONNumber(value)) }
    static func number(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }

    /// `{"ad_id","ad_name","ad_image_url","ad_url"}`.
    static func ad(_ ad: AdRecord, settings: ContentSettings) -> JSONValue {
        .object([
            "ad_id": number(ad.id), "ad_name": .string(ad.name),
            "ad_image_url": .string(settings.absoluteURL(ad.imageURL)),
            "ad_url": .string(settings.absoluteURL(ad.targetURL)),
        ])
    }

    static func noticeSummary(_ notice: NoticeRecord, time: DisplayTime) -> JSONValue {
        .object([
            "noticeid": number(notice.id), "title": .string(notice.title), "summary": .string(notice.summary),
            "c_time": .string(time.format(notice.shownTime)),
        ])
    }

    static func notice(_ notice: NoticeRecord, time: DisplayTime) -> JSONValue {
        .object([
            "noticeid": number(notice.id), "title": .string(notice.title), "summary": .string(notice.summary),
            "body": .string(notice.body), "c_time": .string(time.format(notice.shownTime)),
        ])
    }

    static func message(_ message: MessageRecord, isRead: Bool, time: DisplayTime) -> JSONValue {
        .object([
            "msgid": number(message.id), "msg_type": number(message.type), "type_ref_id": number(message.typeRefID),
            "is_read": number(isRead ? 1 : 0), "title": .string(message.title), "content": .string(message.content),
            "url": .string(message.url), "c_time": .string(time.format(message.createdAt)),
        ])
    }

    static func newsSummary(_ article: NewsRecord, settings: ContentSettings) -> JSONObject {
        [
            "news_id": number(article.id), "title": .string(article.title), "intro": .string(article.intro),
            "image_url": .string(article.imageURL.isEmpty ? "" : settings.absoluteURL(article.imageURL)),
            "source": .string(article.source), "c_time": .string(settings.displayTime.format(article.shownTime)),
        ]
    }

    /// The categories below `parent` (nil: the top) as the document's keyed object: each key is
    /// `<sort order>_<cat_id>`, and `sub` is an empty list when a category has no children.
    static func categoryTree(_ categories: [CategoryRecord], parent: Int64?) -> JSONValue {
        var children: [Int64?: [CategoryRecord]] = [:]
        for category in categories { children[category.parentID, default: []].append(category) }
        func level(_ parent: Int64?, depth: Int) -> JSONValue {
            guard let below = children[parent], !below.isEmpty, depth <= CategoryCode.maximumDepth else {
                return .array([])
            }
            var object = JSONObject()
            for category in below {
                var fields = category.publicFields
                fields["sub"] = level(category.id, depth: depth + 1)
                object["\(category.sortOrder)_\(category.id)"] = .object(fields)
            }
            return .object(object)
        }
        return level(parent, depth: 1)
    }
}
