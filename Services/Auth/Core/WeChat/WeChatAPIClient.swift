import HTTPCore
import HTTPSClient
import JSON
import ServiceKit

/// WeChat's own `jscode2session`: `GET https://api.weixin.qq.com/sns/jscode2session?appid=…&secret=…
/// &js_code=…&grant_type=authorization_code`, answered with `openid`, `session_key` and (for apps of
/// an open-platform account) `unionid`, or with `errcode` and `errmsg`. The exchange blocks on its
/// own thread; the request line carries the app secret, so it is never logged.
struct WeChatAPIClient: WeChatLoginProvider {
    let exchange: HTTPSExchange

    init(host: String, timeoutMilliseconds: Int) {
        exchange = HTTPSExchange(host: host, timeoutMilliseconds: timeoutMilliseconds)
    }

    func exchange(code: String, app: WeChatApp) async throws(WeChatLoginError) -> WeChatSession {
        let request = Self.request(code: code, app: app)
        let exchange = self.exchange
        let response: HTTPResponse
        do {
            response = try await BlockingWork.run { try exchange.send(request) }
        } catch {
            throw WeChatLoginError(.unreachable("\(error)"))
        }
        return try Self.session(from: response)
    }

    /// The `jscode2session` request for `code` of `app`.
    static func request(code: String, app: WeChatApp) -> HTTPRequest {
        let query = [
            ("appid", app.id), ("secret", app.secret), ("js_code", code), ("grant_type", "authorization_code"),
        ].map { "\($0.0)=\(percentEncoded($0.1))" }.joined(separator: "&")
        return HTTPRequest(
            method: .get, target: "/sns/jscode2session?" + query,
            headers: ["Accept": "application/json", "Connection": "close"])
    }

    /// Reads WeChat's answer: the session, or the error it names.
    static func session(from response: HTTPResponse) throws(WeChatLoginError) -> WeChatSession {
        guard response.status.code == 200 else {
            throw WeChatLoginError(.unreachable("WeChat answered HTTP \(response.status.code)"))
        }
        guard case .object(let body)? = try? JSONValue.parse(response.body) else {
            throw WeChatLoginError(.unreachable("WeChat's answer is not a JSON object"))
        }
        if let errorCode = body["errcode"]?.intValue, errorCode != 0 {
            throw WeChatLoginError.rejected(errorCode, body["errmsg"]?.stringValue ?? "")
        }
        guard let openID = body["openid"]?.stringValue, (1...128).contains(openID.utf8.count),
            let sessionKey = body["session_key"]?.stringValue, !sessionKey.isEmpty
        else {
            throw WeChatLoginError(.unreachable("WeChat's answer has no openid or session_key"))
        }
        let unionID = body["unionid"]?.stringValue.flatMap { (1...128).contains($0.utf8.count) ? $0 : nil }
        return WeChatSession(openID: openID, unionID: unionID, sessionKey: sessionKey)
    }

    /// `text` with everything but unreserved characters (RFC 3986) percent-encoded.
    static func percentEncoded(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                encoded.unicodeScalars.append("%")
                encoded.unicodeScalars.append(hex[Int(byte >> 4)])
                encoded.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return encoded
    }
}
