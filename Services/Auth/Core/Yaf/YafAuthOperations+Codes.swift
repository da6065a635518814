import JSON
import Mesh
import ServiceKit

extension YafAuthOperations {
    /// `sms.send`: mobile and key → "发送成功"; in test mode `data.code` carries the code.
    func sendCode(_ call: MeshCall, _ context: RequestContext) async throws -> CanonicalReply {
        let input = Parameters(call.parameters)
        let mobile = try input.requiredMobile("mobile")
        let purpose = try YafSMSKey.purpose(input)
        let code = try await flows.sender.send(
            to: .mobile(mobile), purpose: purpose, clientAddress: call.clientAddress, logger: context.logger)
        return YafAuthReplies.ok("发送成功", data: settings.revealsCodes ? .object(["code": .string(code)]) : nil)
    }

    /// `sms.verify`: whether the code is right, without using it up (registration uses it next).
    func verifyCode(_ call: MeshCall) async throws -> CanonicalReply {
        let input = Parameters(call.parameters)
        let mobile = try input.requiredMobile("mobile")
        let purpose = try YafSMSKey.purpose(input)
        let code = try input.code("code")
        switch try await flows.codes.check(target: mobile, purpose: purpose, code: code) {
        case .valid: return YafAuthReplies.ok("验证码正确")
        // The section's own example answers a wrong code with 503.
        case .wrong: return .failure(.codeWrong, "您的验证码不正确", code: "503")
        case .expired: throw CredentialRefusal.codeExpired
        }
    }

    /// `system.request.token`: `number` (1 to 5) tokens, each good for one submission for 30 minutes.
    /// The document shows one token in `data.token`; several come in the same string, comma-separated.
    func issueRequestTokens(_ call: MeshCall) async throws -> CanonicalReply {
        let input = Parameters(call.parameters)
        guard let count = Int(try input.code("number")), RequestTokens.batchRange.contains(count) else {
            throw CallRefusal(.invalidParams, "令牌数量必须为 1 到 5")
        }
        let account = call.accountID
        let tokens = try await requestTokens.issue(count: count, account: account)
        return YafAuthReplies.ok("success", data: .object(["token": .string(tokens.joined(separator: ","))]))
    }
}
