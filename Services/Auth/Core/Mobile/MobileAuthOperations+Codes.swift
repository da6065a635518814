import Crypto
import JSON
import Mesh
import ServiceKit

extension MobileAuthOperations {
    /// The purpose of a code by the document's `type`: 1 signs up or binds a new mobile or e-mail, 2
    /// resets the password or sets the pay password.
    static func purpose(_ input: Parameters) throws -> CodePurpose {
        switch try input.code("type") {
        case "1": .register
        case "2": .reset
        default: throw CallRefusal(.invalidParams, "type 只能为 1 或 2")
        }
    }

    /// The captcha challenge of the call: its cookie, passed on by the codec as `captchaId`.
    static func captchaID(_ input: Parameters) throws -> String {
        try input.text(MobileConventions.captchaCookie, maxLength: 64) ?? ""
    }

    /// `phonecode`: `phone`, `validcode` (the captcha answer, used up by the send) and `type`.
    func sendPhoneCode(_ call: MeshCall, logger: Logger) async throws -> CanonicalReply {
        let input = Parameters(call.parameters)
        let mobile = try input.requiredMobile("phone")
        let purpose = try Self.purpose(input)
        guard let answer = try input.text("validcode", maxLength: 16) else { throw InputProblem("validcode", .missing) }
        let captcha = try await captchas.check(id: Self.captchaID(input), answer: answer, for: .send)
        guard captcha == .matches else { return MobileAuthReplies.refusal(captcha) }
        _ = try await identities.credentials.sender.send(
            to: .mobile(mobile), purpose: purpose, clientAddress: call.clientAddress, logger: logger)
        return MobileAuthReplies.ok("校验码已发送")
    }

    /// `emailcode`: `email` and `type`; the document asks no captcha here.
    func sendEmailCode(_ call: MeshCall, logger: Logger) async throws -> CanonicalReply {
        let input = Parameters(call.parameters)
        guard case .email(let email)? = AccountIdentity(try input.text("email", maxLength: 254) ?? "") else {
            throw CallRefusal(.invalidParams, "请输入正确的邮箱")
        }
        let purpose = try Self.purpose(input)
        _ = try await identities.credentials.sender.send(
            to: .email(email), purpose: purpose, clientAddress: call.clientAddress, logger: logger)
        return MobileAuthReplies.ok("校验码已发送")
    }

    /// `code/validcode`: a new captcha as a JPEG; its challenge id goes into the `captchaId` cookie, and
    /// the answer stays on the server.
    func captchaImage(_ call: MeshCall) async throws -> CanonicalReply {
        let (id, jpeg) = try await captchaImages.make()
        return .ok(
            .object([
                "contentType": .string(CaptchaRenderer.contentType),
                "base64": .string(Base64.encode(jpeg)),
                "cookies": .object([MobileConventions.captchaCookie: .string(id)]),
            ]))
    }

    /// `checkcode`: `phonecode`, `username` and `validcode`. The captcha answer must still match the
    /// challenge that sent the code; the code is checked for either purpose, and not used up.
    func checkCode(_ call: MeshCall) async throws -> CanonicalReply {
        let input = Parameters(call.parameters)
        let identity = try Self.identity(input)
        let code = try input.code("phonecode")
        guard let answer = try input.text("validcode", maxLength: 16) else { throw InputProblem("validcode", .missing) }
        let captcha = try await captchas.check(id: Self.captchaID(input), answer: answer, for: .confirm)
        guard captcha == .matches else { return MobileAuthReplies.refusal(captcha) }
        let forSignUp = try await identities.checkCode(code, for: identity, purpose: .register)
        guard forSignUp != nil else { return MobileAuthReplies.ok("校验码正确") }
        guard let forReset = try await identities.checkCode(code, for: identity, purpose: .reset) else {
            return MobileAuthReplies.ok("校验码正确")
        }
        throw forSignUp == .codeWrong || forReset == .codeWrong ? CredentialRefusal.codeWrong : .codeExpired
    }
}
