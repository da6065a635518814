import Foundation
import JSON
import ServiceKit

/// The JSON body of an admin operation, read with strict rules: each reader names the field and the
/// rule it broke.
struct AdminInput: Sendable {
    let parameters: JSONObject
    let displayTime: DisplayTime

    func has(_ key: String) -> Bool {
        guard let value = parameters[key] else { return false }
        return !value.isNull
    }

    /// A text of at most `maximum` characters; nil when absent or null. `required` refuses an empty one.
    func text(_ key: String, maximum: Int, required: Bool = false) throws(ContentRefusal) -> String? {
        guard let value = parameters[key], !value.isNull else {
            if required { throw .missing(key) }
            return nil
        }
        guard let text = value.stringValue else { throw .invalid("\(key) must be a string") }
        if required && text.isEmpty { throw .missing(key) }
        guard text.count <= maximum else { throw .invalid("\(key) must be at most \(maximum) characters") }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" }) else {
            throw .invalid("\(key) must not contain control characters")
        }
        return text
    }

    /// A URL: empty, a path of ours (`/files/…`) or an http(s) URL, without spaces.
    func url(_ key: String, required: Bool = false) throws(ContentRefusal) -> String? {
        guard let text = try text(key, maximum: 500, required: required) else { return nil }
        guard text.isEmpty || AdminInput.isURL(text) else {
            throw .invalid("\(key) must be an http(s) URL or a path starting with /")
        }
        return text
    }

    /// A whole number in `range` (sent as a number or its text); nil when absent or null.
    func integer(_ key: String, in range: ClosedRange<Int64>, required: Bool = false) throws(ContentRefusal) -> Int64? {
        guard let value = parameters[key], !value.isNull else {
            if required { throw .missing(key) }
            return nil
        }
        guard let text = value.scalarText, let number = Int64(text), range.contains(number) else {
            throw .invalid("\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// The id of a row: a positive whole number.
    func id(_ key: String) throws(ContentRefusal) -> Int64 {
        try integer(key, in: 1...Int64.max, required: true)!
    }

    func bool(_ key: String) throws(ContentRefusal) -> Bool? {
        guard let value = parameters[key], !value.isNull else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .number(let number) where number.int == 0 || number.int == 1: return number.int == 1
        case .string("true"), .string("1"): return true
        case .string("false"), .string("0"): return false
        default: throw .invalid("\(key) must be true or false")
        }
    }

    /// A time written `yyyy-MM-dd HH:mm:ss` in the service's zone; `.some(nil)` when sent as null or "" (to
    /// clear it), nil when absent.
    func time(_ key: String) throws(ContentRefusal) -> Date?? {
        guard let value = parameters[key] else { return nil }
        if value.isNull || value == .string("") { return .some(nil) }
        guard let text = value.stringValue, let date = displayTime.parse(text) else {
            throw .invalid("\(key) must be a time written yyyy-MM-dd HH:mm:ss")
        }
        return .some(date)
    }

    static func isURL(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else { return false }
        if text.hasPrefix("/") { return !text.hasPrefix("//") }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return false }
        return true
    }
}
