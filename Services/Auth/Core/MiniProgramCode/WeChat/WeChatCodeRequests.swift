import HTTPCore
import JSON

/// The two calls of WeChat's API a mini-program code takes, as pure functions from arguments to
/// requests and from answers to results:
///
/// - `GET /cgi-bin/token?grant_type=client_credential&appid=…&secret=…` →
///   `{"access_token","expires_in"}` or `{"errcode","errmsg"}`;
/// - `POST /wxa/getwxacodeunlimit?access_token=…` with `{"scene","page","width","check_path":true}` →
///   the image (`Content-Type: image/jpeg` or `image/png`) or `{"errcode","errmsg"}`.
///
/// Both request lines carry a secret (the app secret, the access token): never log them.
enum WeChatCodeRequests {
    /// Largest image accepted (WeChat's codes are well under 1 MiB even at 1280 pixels).
    static let maximumImageBytes = 4 << 20

    /// The access token request of `app`.
    static func tokenRequest(app: WeChatApp) -> HTTPRequest {
        let query = [("grant_type", "client_credential"), ("appid", app.id), ("secret", app.secret)]
            .map { "\($0.0)=\(WeChatAPIClient.percentEncoded($0.1))" }.joined(separator: "&")
        return HTTPRequest(
            method: .get, target: "/cgi-bin/token?" + query,
            headers: ["Accept": "application/json", "Connection": "close"])
    }

    /// The access token in WeChat's answer, or the error it names.
    static func accessToken(from response: HTTPResponse) throws(MiniProgramCodeError) -> WeChatAccessToken {
        let body = try jsonObject(response)
        if let code = body["errcode"]?.intValue, code != 0 {
            throw MiniProgramCodeError.rejected(code, body["errmsg"]?.stringValue ?? "")
        }
        guard let token = body["access_token"]?.stringValue, (1...512).contains(token.utf8.count),
            let expiresIn = body["expires_in"]?.intValue, expiresIn > 0
        else { throw MiniProgramCodeError(.unreachable("WeChat's token answer has no access_token or expires_in")) }
        return WeChatAccessToken(value: token, lifetimeSeconds: expiresIn)
    }

    /// The code request for `scene`, `page` and `width`, made with `accessToken`.
    static func codeRequest(accessToken: String, scene: String, page: String, width: Int) -> HTTPRequest {
        let body: JSONObject = [
            "scene": .string(scene), "page": .string(page), "width": .integer(Int64(width)), "check_path": .bool(true),
        ]
        return HTTPRequest(
            method: .post, target: "/wxa/getwxacodeunlimit?access_token=" + WeChatAPIClient.percentEncoded(accessToken),
            headers: ["Content-Type": "application/json", "Connection": "close"],
            body: JSONValue.object(body).serializedBytes())
    }

    /// The image in WeChat's answer, or the error it names. The content type comes from the image's
    /// own signature (PNG or JPEG) when the header does not name one of the two.
    static func code(from response: HTTPResponse) throws(MiniProgramCodeError) -> MiniProgramCode {
        guard response.status.code == 200 else {
            throw MiniProgramCodeError(.unreachable("WeChat answered HTTP \(response.status.code)"))
        }
        let body = response.body
        let declared = response.headers["Content-Type"]?.split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let sniffed: String? =
            body.starts(with: PNGEncoder.signature)
            ? "image/png" : body.starts(with: [0xFF, 0xD8, 0xFF]) ? "image/jpeg" : nil
        if let sniffed, declared == nil || declared?.hasPrefix("image/") == true {
            guard body.count <= maximumImageBytes else {
                throw MiniProgramCodeError(.unreachable("WeChat's image is over \(maximumImageBytes) bytes"))
            }
            return MiniProgramCode(contentType: sniffed, bytes: body)
        }
        let object = try jsonObject(response)
        if let code = object["errcode"]?.intValue, code != 0 {
            throw MiniProgramCodeError.rejected(code, object["errmsg"]?.stringValue ?? "")
        }
        throw MiniProgramCodeError(.unreachable("WeChat's answer is neither an image nor an error"))
    }

    private static func jsonObject(_ response: HTTPResponse) throws(MiniProgramCodeError) -> JSONObject {
        guard response.status.code == 200 else {
            throw MiniProgramCodeError(.unreachable("WeChat answered HTTP \(response.status.code)"))
        }
        guard case .object(let object)? = try? JSONValue.parse(response.body) else {
            throw MiniProgramCodeError(.unreachable("WeChat's answer is not a JSON object"))
        }
        return object
    }
}
