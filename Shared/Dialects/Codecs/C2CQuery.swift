import Catalog
import JSON
import Mesh

/// The query of a c2c request, split into the dialect's own fields and the business parameters
/// the request rules allow in the URL next to them.
struct C2CQuery {
    static let apiNameField = "_apiname"
    static let tokenField = "mtoken"
    static let timeField = "cc"
    static let checkField = "ck"

    /// `_apiname` exactly as sent (percent-decoded).
    let apiName: String
    /// `mtoken`; nil when absent or empty.
    let token: String?
    /// `cc`; nil when absent or empty.
    let time: String?
    /// `ck`; nil when absent or empty.
    let check: String?
    /// The other parameters, as strings in query order. Names starting with `_` are left out: the
    /// document reserves that prefix for system parameters (`_apiname`, the app environment `_env`),
    /// and browsers add `_` to defeat caches.
    let business: JSONObject

    init(_ pairs: [(name: String, value: String)]) throws(DialectFailure) {
        var fields: [String: String] = [:]
        var business = JSONObject()
        for (name, value) in pairs {
            let isOwnField = [Self.apiNameField, Self.tokenField, Self.timeField, Self.checkField].contains(name)
            guard isOwnField || !name.hasPrefix("_") else { continue }
            guard fields[name] == nil, !business.contains(key: name) else {
                throw DialectFailure(.invalidParams, "the query parameter \(name) is given more than once")
            }
            if isOwnField {
                fields[name] = value
            } else {
                business[name] = .string(value)
            }
        }
        guard let apiName = fields[Self.apiNameField], !apiName.isEmpty else {
            throw DialectFailure(.noSuchOperation, "the query parameter _apiname names no operation")
        }
        self.apiName = apiName
        token = fields[Self.tokenField].flatMap { $0.isEmpty ? nil : $0 }
        time = fields[Self.timeField].flatMap { $0.isEmpty ? nil : $0 }
        check = fields[Self.checkField].flatMap { $0.isEmpty ? nil : $0 }
        self.business = business
    }
}
