import Crypto
import JSON
import Mesh
import ServiceKit

/// `miniprogram.code` for other services (see `MiniProgramCodeGet`): the app must be one of
/// `WeChatSettings.apps`, the scene, page and width pass `MiniProgramCodeDraft`, and the code comes
/// from the provider `WECHAT_CODE` names.
enum MiniProgramCodeOperation {
    static func register(on handlers: inout InternalHandlers, settings: WeChatSettings) {
        register(on: &handlers, apps: settings.apps, provider: provider(for: settings))
    }

    /// The provider `settings` name.
    static func provider(for settings: WeChatSettings) -> any MiniProgramCodeProvider {
        switch settings.codeProvider {
        case .simulator: MiniProgramCodeSimulator()
        case .wechat: WeChatCodeClient(host: settings.apiHost, timeoutMilliseconds: settings.apiTimeoutMilliseconds)
        }
    }

    static func register(
        on handlers: inout InternalHandlers, apps: [String: WeChatApp], provider: any MiniProgramCodeProvider
    ) {
        handlers.on(MiniProgramCodeGet.self) { request, _, context in
            guard let app = apps[request.appID] else {
                return .failure(.notFound, "app_id names no mini-program served here")
            }
            let draft = try MiniProgramCodeDraft(scene: request.scene, page: request.page, width: request.width)
            do throws(MiniProgramCodeError) {
                let code = try await provider.code(app: app, scene: draft.scene, page: draft.page, width: draft.width)
                return .ok(MiniProgramCodeGet.Reply(contentType: code.contentType, image: Base64.encode(code.bytes)))
            } catch {
                context.logger.warning(
                    "no mini-program code", [("wechat.app", .string(app.id)), ("error", .string(error.description))])
                return .refused(error.reply)
            }
        }
    }
}

extension MiniProgramCodeError {
    /// The refusal callers get: `provider_failed`, with WeChat's `errcode` in the message and as
    /// `data.errcode` when WeChat refused.
    var reply: CanonicalReply {
        switch reason {
        case .rejected(let code, let message):
            CanonicalReply(
                kind: .providerFailed, message: "微信未能生成小程序码（errcode \(code)：\(message.prefix(200))）",
                data: .object(["errcode": .integer(Int64(code))]))
        case .unreachable:
            .failure(.providerFailed, "微信服务暂时无法生成小程序码，请稍后再试")
        }
    }
}
