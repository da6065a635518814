import ServiceKit

/// Sends verification codes: the one way every dialect sends one. It makes a code for the target and
/// purpose within the sending limits, sends it by SMS or e-mail, and withdraws it when the provider
/// fails; its refusals (`CodeSendingRefusal`) carry each dialect's wording.
struct CodeSender: Sendable {
    let codes: VerificationCodes
    let sms: any SMSProvider
    let email: any EmailProvider

    /// Sends a code for `purpose` to `identity` and answers it (test mode shows it in the reply).
    func send(
        to identity: AccountIdentity, purpose: CodePurpose, clientAddress: String?, logger: Logger
    ) async throws -> String {
        let address = clientAddress.map { String($0.prefix(64)) }
        let issue = try await codes.issue(
            channel: identity.channel, target: identity.value, purpose: purpose, clientAddress: address)
        let code: String
        let id: Int64
        switch issue {
        case .issued(let issued, let issuedID):
            code = issued
            id = issuedID
        case .tooSoon(let seconds): throw CodeSendingRefusal.tooSoon(seconds: seconds)
        case .targetDailyLimit: throw CodeSendingRefusal.targetDailyLimit
        case .addressDailyLimit: throw CodeSendingRefusal.addressDailyLimit
        }
        let text = CodeMessage.text(code: code, purpose: purpose, lifetimeSeconds: codes.rules.lifetimeSeconds)
        do {
            switch identity {
            case .mobile(let mobile): try await sms.send(to: mobile, text: text)
            case .email(let address): try await email.send(to: address, subject: "\(purpose.label)验证码", text: text)
            }
        } catch {
            try await codes.withdraw(id: id)
            let reason =
                (error as? SMSError)?.description ?? (error as? EmailError)?.description ?? "\(type(of: error))"
            logger.warning(
                "code provider failed", [("channel", .string(identity.channel)), ("reason", .string(reason))])
            throw CodeSendingRefusal.providerFailed
        }
        return code
    }
}
