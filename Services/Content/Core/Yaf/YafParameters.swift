import JSON

/// The business parameters of a yaf call, read with the app base API document's rules: clients send
/// numbers either as `1` or as `"1"`.
struct YafParameters {
    let parameters: JSONObject

    /// A scalar parameter as text; nil when absent, null or empty.
    func text(_ key: String) -> String? {
        guard let text = parameters[key]?.scalarText, !text.isEmpty else { return nil }
        return text
    }

    /// A required positive id (`noticeid`, `msgid`, `news_id`).
    func id(_ key: String) throws(ContentRefusal) -> Int64 {
        guard let text = text(key) else { throw .missing(key) }
        guard text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let id = Int64(text), id > 0
        else {
            throw .invalid("\(key) 须为正整数")
        }
        return id
    }

    /// A whole number that may be negative (`cat_id` takes -1 for "all"); `fallback` when absent.
    func integer(_ key: String, fallback: Int64) throws(ContentRefusal) -> Int64 {
        guard let text = text(key) else { return fallback }
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.utf8.count <= 18, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let number = Int64(text)
        else { throw .invalid("\(key) 须为整数") }
        return number
    }
}
