import Catalog
import Crypto
import Dialects
import Foundation
import HTTPCore
import JSON
import Mesh
import Synchronization

/// Builds client requests the way each document's clients send them, signed with the development
/// keys the gateway starts with.
enum DialectRequests {
    static let trainKey = "319ceidcbweifbwi"
    static let yafSecret = "7512100214f62d7de8ba01b281d6da02"
    static let c2cSecret = "c2c-development-secret"

    static var now: Int { Int(Date().timeIntervalSince1970) }

    /// The yaf signatures built so far in this process.
    private static let yafSigns = Mutex<Set<String>>([])

    /// The `data` text and `sign` of a yaf request: `fields` with `timestamp`. Without an explicit
    /// `timestamp` the time is now, or a second earlier for each identical request built before, so two
    /// calls a test makes in the same second are two requests, as a client's taps a second apart are,
    /// and not a replay of one.
    static func signedYafData(
        _ fields: JSONObject, timestamp: Int?, secret: String = yafSecret
    ) -> (text: String, sign: String) {
        var stamp = timestamp ?? now
        while true {
            var data = fields
            data["timestamp"] = .string(String(stamp))
            let text = JSONValue.object(data).serialized()
            let sign = YafSignature.sign(data: text, secret: secret)
            if timestamp != nil || yafSigns.withLock({ $0.insert(sign).inserted }) { return (text, sign) }
            stamp -= 1
        }
    }

    /// A request for `operation` with `parameters`, carrying `token` where the dialect carries one.
    static func request(
        for operation: Catalog.Operation, token: String?, userID: String = "1", parameters: JSONObject = [:],
        nonce: String = SecureRandom.token(bytes: 8), timestamp: Int? = nil,
        signWith key: String? = nil
    ) -> HTTPRequest {
        switch operation.dialect {
        case .train:
            var data = parameters
            data["nonceStr"] = .string(nonce)
            data["sign"] = .string(TrainSignature.sign(data, key: key ?? trainKey))
            var form = [("userId", userID), ("userRole", "customer"), ("appCode", "XCX")]
            form.append(("data", JSONValue.object(data).serialized()))
            var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
            if let token { headers.add("loginKey", token) }
            return HTTPRequest(method: .post, target: operation.path, headers: headers, body: formBody(form))
        case .o2o:
            var query = parameters.compactMap { pair in pair.value.scalarText.map { (pair.key, $0) } }
            if let token { query.append(("token", token)) }
            let method = operation.methods.first ?? .post
            if method == .get {
                return HTTPRequest(
                    method: .get, target: operation.path + "?" + String(decoding: formBody(query), as: UTF8.self))
            }
            return HTTPRequest(
                method: .post, target: operation.path, headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: formBody(query))
        case .c2c:
            let cc = String(timestamp ?? now)
            let ck = C2CSignature.ck(cc: cc, secret: key ?? c2cSecret, apiName: operation.name)
            var target = "/?_apiname=\(operation.name)&cc=\(cc)&ck=\(ck)"
            if let token { target += "&mtoken=\(token)" }
            return HTTPRequest(
                method: .post, target: target, headers: ["Content-Type": "application/json;charset=utf-8"],
                body: JSONValue.object(parameters).serializedBytes())
        case .yaf:
            var data: JSONObject = [
                "method": .string(operation.name), "v": "1.0.0", "appid": "ios_app_id", "timestamp": "",
                "token": .string(token ?? ""),
            ]
            data.merge(parameters)
            let (text, sign) = signedYafData(data, timestamp: timestamp, secret: key ?? yafSecret)
            return HTTPRequest(
                method: .post, target: "/", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: formBody([("data", text), ("sign", sign)]))
        case .mobile:
            var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
            if let token { headers.add("token", token) }
            let pairs = parameters.compactMap { pair in pair.value.scalarText.map { (pair.key, $0) } }
            let method = operation.methods.contains(.post) ? HTTPMethod.post : .get
            if method == .get {
                return HTTPRequest(
                    method: .get, target: operation.path + "?" + String(decoding: formBody(pairs), as: UTF8.self),
                    headers: headers)
            }
            return HTTPRequest(method: .post, target: operation.path, headers: headers, body: formBody(pairs))
        }
    }

    static func formBody(_ pairs: [(String, String)]) -> [UInt8] {
        Array(pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&").utf8)
    }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// The code a dialect reply carries (`code` of a JSON object), or the body text for replies
    /// that are a bare value.
    static func code(of response: HTTPResponse) -> String? {
        guard let value = try? JSONValue.parse(response.body) else { return nil }
        if let code = value["code"] { return code.scalarText }
        return value.scalarText
    }
}
