import HTTPCore
import HTTPSClient
import JSON
import Synchronization
import Testing

@testable import AuthService

/// The code client's use of access tokens, against a stand-in for WeChat's API that answers from a
/// script and records what it was sent.
struct WeChatCodeClientTests {
    /// WeChat's API as the tests script it: each token request gets the next token, each code
    /// request the next scripted code answer (an image when the script runs out).
    final class ScriptedWeChat: Sendable {
        private struct State {
            var requests: [HTTPRequest] = []
            var tokensIssued = 0
            var codeAnswers: [HTTPResponse] = []
        }

        static let image = PNGEncoder.encode(BilevelImage(width: 3, height: 3))

        /// Safe to share: all state is inside the mutex.
        private let state: Mutex<State>
        /// The error every token request gets, if any.
        let tokenError: String?

        init(codeAnswers: [HTTPResponse] = [], tokenError: String? = nil) {
            state = Mutex(State(codeAnswers: codeAnswers))
            self.tokenError = tokenError
        }

        var requests: [HTTPRequest] { state.withLock { $0.requests } }
        var tokenRequests: Int { requests.filter { $0.path == "/cgi-bin/token" }.count }
        var tokensUsed: [String] {
            requests.filter { $0.path == "/wxa/getwxacodeunlimit" }.compactMap {
                $0.query?.replacingOccurrences(of: "access_token=", with: "")
            }
        }

        func answer(_ request: HTTPRequest) -> HTTPResponse {
            state.withLock { state in
                state.requests.append(request)
                if request.path == "/cgi-bin/token" {
                    if let tokenError {
                        return HTTPResponse(status: .ok, contentType: "application/json", body: tokenError)
                    }
                    state.tokensIssued += 1
                    return HTTPResponse(
                        status: .ok, contentType: "application/json",
                        body: #"{"access_token":"T\#(state.tokensIssued)","expires_in":7200}"#)
                }
                if !state.codeAnswers.isEmpty { return state.codeAnswers.removeFirst() }
                return HTTPResponse(status: .ok, headers: ["Content-Type": "image/png"], body: Self.image)
            }
        }

        func client() -> WeChatCodeClient {
            WeChatCodeClient { request throws(MiniProgramCodeError) in self.answer(request) }
        }
    }

    static func refusal(_ code: Int, _ message: String) -> HTTPResponse {
        HTTPResponse(
            status: .ok, contentType: "application/json", body: #"{"errcode":\#(code),"errmsg":"\#(message)"}"#)
    }

    let app = WeChatApp(id: "wxcodeapp", secret: "app-secret-never-logged")

    @Test func oneTokenServesManyCodes() async throws {
        let wechat = ScriptedWeChat()
        let client = wechat.client()
        for scene in ["a", "b", "c"] {
            let code = try await client.code(app: app, scene: scene, page: "pages/index", width: 430)
            #expect(code == MiniProgramCode(contentType: "image/png", bytes: ScriptedWeChat.image))
        }
        #expect(wechat.tokenRequests == 1)
        #expect(wechat.tokensUsed == ["T1", "T1", "T1"])
    }

    @Test func callsThatStartTogetherShareOneTokenFetch() async throws {
        let wechat = ScriptedWeChat()
        let client = wechat.client()
        try await withThrowingTaskGroup(of: MiniProgramCode.self) { group in
            for index in 0..<8 {
                group.addTask { try await client.code(app: app, scene: "s\(index)", page: "p", width: 430) }
            }
            for try await code in group { #expect(code.contentType == "image/png") }
        }
        #expect(wechat.tokenRequests == 1)
    }

    @Test(arguments: [40001, 40014, 42001])
    func aRefusedTokenIsReplacedOnce(_ errcode: Int) async throws {
        let wechat = ScriptedWeChat(codeAnswers: [Self.refusal(errcode, "access_token expired")])
        let client = wechat.client()
        _ = try await client.code(app: app, scene: "s", page: "p", width: 430)
        #expect(wechat.tokensUsed == ["T1", "T2"])
        _ = try await client.code(app: app, scene: "s", page: "p", width: 430)
        #expect(wechat.tokensUsed == ["T1", "T2", "T2"])
    }

    @Test func aTokenRefusedTwiceIsAnError() async {
        let wechat = ScriptedWeChat(codeAnswers: [Self.refusal(40001, "invalid"), Self.refusal(40001, "invalid")])
        await #expect(throws: MiniProgramCodeError.rejected(40001, "invalid")) {
            try await wechat.client().code(app: app, scene: "s", page: "p", width: 430)
        }
        #expect(wechat.tokenRequests == 2)
    }

    @Test func otherRefusalsAreNotRetried() async {
        let wechat = ScriptedWeChat(codeAnswers: [Self.refusal(41030, "invalid page")])
        await #expect(throws: MiniProgramCodeError.rejected(41030, "invalid page")) {
            try await wechat.client().code(app: app, scene: "s", page: "pages/missing", width: 430)
        }
        #expect(wechat.requests.count == 2)
    }

    @Test func aRefusedSecretNamesNeitherSecretNorToken() async {
        let wechat = ScriptedWeChat(tokenError: #"{"errcode":40125,"errmsg":"invalid appsecret"}"#)
        do throws(MiniProgramCodeError) {
            _ = try await wechat.client().code(app: app, scene: "s", page: "p", width: 430)
            Issue.record("a code without a token")
        } catch {
            #expect(error == .rejected(40125, "invalid appsecret"))
            #expect(!error.description.contains(app.secret) && !error.reply.message.contains(app.secret))
            #expect(error.reply.kind == .providerFailed && error.reply.data?["errcode"]?.intValue == 40125)
        }
    }

    @Test func anUnreachableWeChatIsAFailureNotAHang() async {
        let client = WeChatCodeClient(host: "127.0.0.1", port: 1, timeoutMilliseconds: 2000)
        do throws(MiniProgramCodeError) {
            _ = try await client.code(app: app, scene: "s", page: "p", width: 430)
            Issue.record("a code from nowhere")
        } catch {
            #expect(error.isTransient && error.weChatCode == nil)
            #expect(!error.description.contains(app.secret))
        }
    }
}
