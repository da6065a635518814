import JSON

/// One page of a list as the app base API pages it: a 1-based page number and the server's page size.
public struct PageRequest: Sendable, Equatable {
    /// Pages beyond this are refused: no list is that long, and the offset stays small.
    public static let highestPage = 1_000_000

    public let page: Int
    public let size: Int

    public var offset: Int { (page - 1) * size }

    /// The page named by `value` (a number or its text); page 1 when absent or empty.
    public init(_ value: JSONValue?, size: Int) throws(PlainRefusal) {
        self.size = size
        guard let value, !value.isNull, let text = value.scalarText, !text.isEmpty else {
            page = 1
            return
        }
        guard text.utf8.count <= 7, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int(text),
            (1...Self.highestPage).contains(number)
        else {
            throw .invalid("page 须为 1 到 \(Self.highestPage) 之间的整数")
        }
        page = number
    }

    public init(page: Int, size: Int) {
        self.page = page
        self.size = size
    }

    /// `{"list":…,"total":…,"page":…,"count":…,"isnext":…}`: `count` is the page size, not the number of
    /// items on this page.
    public func reply(list: [JSONValue], total: Int) -> JSONValue {
        .object([
            "list": .array(list), "total": .number(JSONNumber(total)), "page": .number(JSONNumber(page)),
            "count": .number(JSONNumber(size)), "isnext": .bool(page * size < total),
        ])
    }
}
