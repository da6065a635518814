import Foundation
import JSON

/// The admin operations' fields, read with the one parameter rule set: texts may span lines, a
/// field required on create may be left out of an update (nil keeps it, `""` clears it).
extension Parameters {
    /// A text field of at most `maximum` characters.
    public func adminText(_ key: String, maximum: Int, required: Bool = false) throws(InputProblem) -> String? {
        required
            ? try self.required(key, maxLength: maximum, multiline: true)
            : try update(key, maxLength: maximum, multiline: true)
    }

    /// A URL: empty, a path of ours (`/files/…`) or an http(s) URL, without spaces.
    public func url(_ key: String, required: Bool = false) throws(InputProblem) -> String? {
        guard let text = try adminText(key, maximum: 500, required: required) else { return nil }
        guard text.isEmpty || Self.isURL(text) else {
            throw InputProblem(key, .malformed("须为 http(s) 地址或以 / 开头的路径"))
        }
        return text
    }

    /// A whole number in `range` that an operation may require.
    public func integer(_ key: String, in range: ClosedRange<Int64>, required: Bool) throws(InputProblem) -> Int64? {
        required ? try requiredInteger(key, in: range) : try integer(key, in: range)
    }

    /// A time written `yyyy-MM-dd HH:mm:ss` in the service's zone; `.some(nil)` when sent as null or "" (to
    /// clear it), nil when absent.
    public func time(_ key: String, in displayTime: DisplayTime) throws(InputProblem) -> Date?? {
        guard let value = values[key] else { return nil }
        if value.isNull || value == .string("") { return .some(nil) }
        guard let text = value.stringValue, let date = displayTime.parse(text) else {
            throw InputProblem(key, .malformed("须为 yyyy-MM-dd HH:mm:ss 格式的时间"))
        }
        return .some(date)
    }

    public static func isURL(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else { return false }
        if text.hasPrefix("/") { return !text.hasPrefix("//") }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return false }
        return true
    }
}
