import Catalog
import JSON
import Mesh

/// The fixed parameters inside a yaf request's `data` (API document 003, section 1.3.2) that the
/// gateway itself uses, taken out of the business parameters: `method`, `v`, `appid`, `timestamp`
/// and the session `token`. The other fixed parameters (`unique_id`, `app_v`, `platform`, `channel`,
/// `device_token`) describe the device and stay in the business parameters, because operations read
/// them (the upgrade check needs `app_v` and `platform`, login binds `device_token`); the document's
/// own signing example leaves some of them out, so they are not required here.
struct YafFixedParameters {
    static let consumed = ["method", "v", "appid", "timestamp", "token"]

    let method: String
    let version: String
    let appID: String
    let timestamp: String
    /// nil when absent, null or empty (the document has clients without a session send "").
    let token: String?
    /// `data` without the consumed keys, in the order sent.
    let business: JSONObject

    /// Checks presence in the document's order of codes (504 method, 505 v, 506 appid, 507
    /// timestamp); `operation` is attached to failures when the method is already known.
    init(_ data: JSONObject, operation: Operation?) throws(DialectFailure) {
        method = try Self.text(data, "method", missingCode: "504", operation: operation)
        version = try Self.text(data, "v", missingCode: "505", operation: operation)
        appID = try Self.text(data, "appid", missingCode: "506", operation: operation)
        timestamp = try Self.text(data, "timestamp", missingCode: "507", operation: operation)
        guard timestamp.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw DialectFailure(
                .invalidParams, "timestamp must be a Unix time in seconds, not \(timestamp)", operation: operation)
        }
        switch data["token"] {
        case nil, .null?: token = nil
        case .string(let value)?: token = value.isEmpty ? nil : value
        default: throw DialectFailure(.invalidParams, "token must be a string", operation: operation)
        }
        var business = data
        for key in Self.consumed { business.removeValue(forKey: key) }
        self.business = business
    }

    /// A fixed parameter as text: absent, null or "" is missing (the document's code for it); a
    /// number counts by its exact text (the document types `timestamp` as an integer, its example
    /// sends a string); any other kind is refused. `method` must be a string.
    private static func text(
        _ data: JSONObject, _ key: String, missingCode: String, operation: Operation?
    ) throws(DialectFailure) -> String {
        let value = data[key]
        if value == nil || value == .null || value == .string("") {
            throw DialectFailure(
                .missingParameter, "the fixed parameter \(key) is missing from data", code: missingCode,
                operation: operation)
        }
        switch value {
        case .string(let text)?: return text
        case .number(let number)? where key != "method": return number.text
        default:
            throw DialectFailure(.invalidParams, "the fixed parameter \(key) must be a string", operation: operation)
        }
    }
}
