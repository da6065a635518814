import HTTPCore
import HTTPSClient
import Testing

@testable import AuthService

/// The request WeChat's `jscode2session` gets and how its answers are read, and the TLS exchange's
/// refusal of an address nothing listens on.
struct WeChatAPIClientTests {
    let app = WeChatApp(id: "wx1234567890abcdef", secret: "s3cr&t=value")

    @Test func requestCarriesTheDocumentedQuery() {
        let request = WeChatAPIClient.request(code: "081a+b/c", app: app)
        #expect(request.method == .get)
        #expect(request.path == "/sns/jscode2session")
        #expect(
            request.query
                == "appid=wx1234567890abcdef&secret=s3cr%26t%3Dvalue&js_code=081a%2Bb%2Fc&grant_type=authorization_code"
        )
        #expect(request.headers["Connection"] == "close")
    }

    @Test func aSessionIsRead() throws {
        let body = #"{"openid":"oAbC-12_x","session_key":"tiihtNczf5v6AKRyjwEUhQ==","unionid":"uXyZ"}"#
        let session = try WeChatAPIClient.session(
            from: HTTPResponse(status: .ok, contentType: "text/plain", body: body))
        #expect(session.openID == "oAbC-12_x")
        #expect(session.unionID == "uXyZ")
        #expect(session.sessionKey == "tiihtNczf5v6AKRyjwEUhQ==")
        let withoutUnion = try WeChatAPIClient.session(
            from: HTTPResponse(
                status: .ok, contentType: "application/json", body: #"{"openid":"o1","session_key":"k"}"#))
        #expect(withoutUnion.unionID == nil)
    }

    @Test func weChatErrorsAreKept() {
        let body = #"{"errcode":40163,"errmsg":"code been used, rid: 5f0e"}"#
        #expect(throws: WeChatLoginError.rejected(40163, "code been used, rid: 5f0e")) {
            try WeChatAPIClient.session(from: HTTPResponse(status: .ok, contentType: "application/json", body: body))
        }
    }

    @Test(arguments: [
        (200, "<html>busy</html>"), (200, #"{"errcode":0}"#), (200, #"{"openid":"o1"}"#), (502, #"{"openid":"o1"}"#),
    ])
    func otherAnswersMeanWeChatFailed(_ status: Int, _ body: String) {
        let response = HTTPResponse(status: HTTPStatus(code: status), contentType: "application/json", body: body)
        do {
            _ = try WeChatAPIClient.session(from: response)
            Issue.record("accepted \(body)")
        } catch {
            #expect(error.isTransient && !error.isBadCode)
        }
    }

    @Test func aClosedPortIsAFailureNotAHang() {
        let exchange = HTTPSExchange(host: "127.0.0.1", port: 1, timeoutMilliseconds: 2000)
        #expect(throws: HTTPSExchangeError.self) {
            try exchange.send(WeChatAPIClient.request(code: "c", app: app))
        }
    }
}
