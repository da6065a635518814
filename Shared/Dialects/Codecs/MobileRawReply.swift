import Catalog
import Crypto
import HTTPCore
import JSON
import Mesh

/// The mobile dialect's answers that are not JSON, which a service sends as the data of an `ok` reply:
/// - bytes, such as the captcha image: `{"contentType":"image/jpeg","base64":"…"}`, answered `200` with that
///   content type and `Cache-Control: no-store`; an optional `"cookies":{"name":"value"}` is set with them (the
///   session the captcha's value is kept in);
/// - a redirect, such as the one to Alipay's payment page: `{"location":"https://…"}`, answered `302 Found`.
enum MobileRawReply {
    /// The answer `data` describes, or nil when it follows neither convention.
    static func response(_ data: JSONValue?, cookiePath: String) -> HTTPResponse? {
        guard case .object(let object)? = data else { return nil }
        if case .string(let location)? = object["location"] {
            guard isVisibleASCII(location, spaces: false) else { return nil }
            return HTTPResponse(status: HTTPStatus(code: 302), headers: ["Location": location])
        }
        guard case .string(let contentType)? = object["contentType"], case .string(let base64)? = object["base64"],
            contentType.contains("/"), isVisibleASCII(contentType, spaces: true), let bytes = Base64.decode(base64)
        else { return nil }
        var headers: HTTPHeaders = ["Content-Type": contentType, "Cache-Control": "no-store"]
        if let cookies = object["cookies"] {
            guard case .object(let pairs) = cookies else { return nil }
            for (name, value) in pairs {
                guard case .string(let text) = value,
                    let cookie = MobileCookie.setCookie(name: name, value: text, path: cookiePath)
                else { return nil }
                headers.add("Set-Cookie", cookie)
            }
        }
        return HTTPResponse(status: .ok, headers: headers, body: bytes)
    }

    /// Visible ASCII (and spaces when allowed) only: no control character or line break can reach a header.
    private static func isVisibleASCII(_ text: String, spaces: Bool) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 > 0x20 || (spaces && $0 == 0x20)) && $0 < 0x7F }
    }
}
