import HTTPCore
import HTTPSClient
import ServiceKit

/// WeChat's own `wxacode.getUnlimited` (see `WeChatCodeRequests`): an access token per app, kept until
/// shortly before it expires and fetched again when WeChat calls it invalid or expired (40001, 40014,
/// 42001; the call is then tried once more), then the code. Request lines carry the app secret or the
/// access token, so neither they nor the tokens are ever logged.
struct WeChatCodeClient: MiniProgramCodeProvider {
    /// Sends one request to WeChat's API and returns its answer.
    typealias Transport = @Sendable (HTTPRequest) async throws(MiniProgramCodeError) -> HTTPResponse

    private let transport: Transport
    let tokens: WeChatAccessTokens

    /// The client of WeChat's API at `host` over HTTPS, each exchange on its own thread (`BlockingWork`).
    init(host: String, port: Int = 443, timeoutMilliseconds: Int) {
        var exchange = HTTPSExchange(host: host, port: port, timeoutMilliseconds: timeoutMilliseconds)
        exchange.maxBodyBytes = WeChatCodeRequests.maximumImageBytes
        let configured = exchange
        self.init { request throws(MiniProgramCodeError) in
            do {
                return try await BlockingWork.run { try configured.send(request) }
            } catch {
                throw MiniProgramCodeError(.unreachable("\(error)"))
            }
        }
    }

    /// The client whose requests go through `transport`.
    init(transport: @escaping Transport) {
        self.transport = transport
        tokens = WeChatAccessTokens { app throws(MiniProgramCodeError) in
            try WeChatCodeRequests.accessToken(from: try await transport(WeChatCodeRequests.tokenRequest(app: app)))
        }
    }

    func code(
        app: WeChatApp, scene: String, page: String, width: Int
    ) async throws(MiniProgramCodeError)
        -> MiniProgramCode
    {
        var retried = false
        while true {
            let token = try await tokens.token(for: app)
            let request = WeChatCodeRequests.codeRequest(accessToken: token, scene: scene, page: page, width: width)
            do throws(MiniProgramCodeError) {
                return try WeChatCodeRequests.code(from: try await transport(request))
            } catch  where error.isStaleToken && !retried {
                await tokens.forget(token, app: app)
                retried = true
            }
        }
    }
}
