import HTTPCore
import JSON
import Testing

@testable import AuthService

/// The requests for WeChat's `cgi-bin/token` and `wxa/getwxacodeunlimit`, and how their answers are read.
struct WeChatCodeRequestsTests {
    let app = WeChatApp(id: "wx1234567890abcdef", secret: "s3cr&t=value")

    @Test func theTokenRequestCarriesTheDocumentedQuery() {
        let request = WeChatCodeRequests.tokenRequest(app: app)
        #expect(request.method == .get)
        #expect(request.path == "/cgi-bin/token")
        #expect(request.query == "grant_type=client_credential&appid=wx1234567890abcdef&secret=s3cr%26t%3Dvalue")
        #expect(request.headers["Connection"] == "close")
    }

    @Test func aTokenIsRead() throws {
        let answer = HTTPResponse(
            status: .ok, contentType: "application/json", body: #"{"access_token":"ACCESS+TOKEN","expires_in":7200}"#)
        #expect(
            try WeChatCodeRequests.accessToken(from: answer)
                == WeChatAccessToken(value: "ACCESS+TOKEN", lifetimeSeconds: 7200))
    }

    @Test func tokenErrorsAreKept() {
        let answer = HTTPResponse(
            status: .ok, contentType: "application/json", body: #"{"errcode":40125,"errmsg":"invalid appsecret"}"#)
        #expect(throws: MiniProgramCodeError.rejected(40125, "invalid appsecret")) {
            try WeChatCodeRequests.accessToken(from: answer)
        }
    }

    @Test(arguments: [
        (200, #"{"access_token":"t"}"#), (200, #"{"expires_in":7200}"#), (200, "busy"),
        (503, #"{"access_token":"t","expires_in":7200}"#),
    ])
    func otherTokenAnswersMeanWeChatFailed(_ status: Int, _ body: String) {
        let answer = HTTPResponse(status: HTTPStatus(code: status), contentType: "application/json", body: body)
        do throws(MiniProgramCodeError) {
            _ = try WeChatCodeRequests.accessToken(from: answer)
            Issue.record("accepted \(body)")
        } catch {
            #expect(error.isTransient && error.weChatCode == nil)
        }
    }

    @Test func theCodeRequestPostsTheDocumentedJSON() throws {
        let request = WeChatCodeRequests.codeRequest(
            accessToken: "AT/1+2", scene: "id=42&t=o2o", page: "pages/severs/index/index", width: 430)
        #expect(request.method == .post)
        #expect(request.path == "/wxa/getwxacodeunlimit")
        #expect(request.query == "access_token=AT%2F1%2B2")
        #expect(request.headers["Content-Type"] == "application/json")
        let body = try JSONValue.parse(request.body)
        #expect(
            body
                == .object([
                    "scene": "id=42&t=o2o", "page": "pages/severs/index/index", "width": 430, "check_path": true,
                ]))
    }

    @Test func imagesAreTakenWithTheirType() throws {
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9]
        let asJPEG = HTTPResponse(status: .ok, headers: ["Content-Type": "image/jpeg"], body: jpeg)
        #expect(try WeChatCodeRequests.code(from: asJPEG) == MiniProgramCode(contentType: "image/jpeg", bytes: jpeg))
        let png = PNGEncoder.encode(BilevelImage(width: 2, height: 2))
        let asPNG = HTTPResponse(status: .ok, headers: ["Content-Type": "image/png; charset=binary"], body: png)
        #expect(try WeChatCodeRequests.code(from: asPNG) == MiniProgramCode(contentType: "image/png", bytes: png))
        let unlabelled = HTTPResponse(status: .ok, headers: [:], body: png)
        #expect(try WeChatCodeRequests.code(from: unlabelled).contentType == "image/png")
    }

    @Test(arguments: [
        (41030, "invalid page rid: 6634a1b2-5c6d"), (45009, "reach max api daily quota limit"),
        (40129, "invalid scene"), (40001, "invalid credential, access_token is invalid or not latest"),
    ])
    func weChatErrorsAreTyped(_ code: Int, _ message: String) {
        let body = #"{"errcode":\#(code),"errmsg":"\#(message)"}"#
        for contentType in ["application/json; encoding=utf-8", "text/plain"] {
            let answer = HTTPResponse(status: .ok, contentType: contentType, body: body)
            #expect(throws: MiniProgramCodeError.rejected(code, message)) { try WeChatCodeRequests.code(from: answer) }
        }
        #expect(MiniProgramCodeError.rejected(code, message).isStaleToken == (code == 40001))
        #expect(MiniProgramCodeError.rejected(code, message).isTransient == (code == 45009))
    }

    @Test(arguments: [
        (200, "text/html", "<html>busy</html>"), (200, "application/json", #"{"errcode":0}"#),
        (502, "image/png", "x"), (200, "application/json", #"{"errcode":"x"}"#),
    ])
    func otherCodeAnswersMeanWeChatFailed(_ status: Int, _ contentType: String, _ body: String) {
        let answer = HTTPResponse(status: HTTPStatus(code: status), contentType: contentType, body: body)
        do throws(MiniProgramCodeError) {
            _ = try WeChatCodeRequests.code(from: answer)
            Issue.record("accepted \(body)")
        } catch {
            #expect(error.isTransient && error.weChatCode == nil)
        }
    }

    @Test func aTokenIsUsedUntilFiveMinutesBeforeItExpires() {
        let start = ContinuousClock.now
        var cache = AccessTokenCache<ContinuousClock.Instant>()
        #expect(cache.token(app: "wx1", at: start) == nil)
        cache.store(WeChatAccessToken(value: "T1", lifetimeSeconds: 7200), app: "wx1", at: start)
        #expect(cache.token(app: "wx1", at: start + .seconds(6899)) == "T1")
        #expect(cache.token(app: "wx1", at: start + .seconds(6900)) == nil)
        #expect(cache.token(app: "wx2", at: start) == nil)
        cache.store(WeChatAccessToken(value: "short", lifetimeSeconds: 300), app: "wx2", at: start)
        #expect(cache.token(app: "wx2", at: start + .seconds(149)) == "short")
        #expect(cache.token(app: "wx2", at: start + .seconds(150)) == nil)
        cache.forget("old", app: "wx1")
        #expect(cache.token(app: "wx1", at: start) == "T1")
        cache.forget("T1", app: "wx1")
        #expect(cache.token(app: "wx1", at: start) == nil)
    }
}
