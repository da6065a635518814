import Mesh
import ServiceKit

/// `requesttokens.consume` for other services (see `RequestTokenConsume`): a submission that asks for an
/// anti-duplicate request token uses it here, once, with the refusals worded for the client.
enum ConsumeRequestTokenOperation {
    static func register(on handlers: inout InternalHandlers, tokens: RequestTokens, displayTime: DisplayTime) {
        handlers.on(RequestTokenConsume.self) { request, call, _ in
            let key = try call.checkedIdempotencyKey()
            switch try await tokens.consume(request.token, account: request.accountID, key: key) {
            case .used(let owner, let at):
                return .ok(RequestTokenConsume.Reply(accountID: owner, usedAt: displayTime.format(at)))
            case .unknown: return .failure(.notFound, "请求令牌无效，请重新获取")
            case .expired: return .failure(.codeExpired, "您的操作已经过期，请重新获取请求令牌")
            case .usedBefore: return .failure(.replayed, "请勿重复提交")
            case .keyReused:
                return .failure(.invalidState, "this Idempotency-Key already used another request token")
            }
        }
    }
}
