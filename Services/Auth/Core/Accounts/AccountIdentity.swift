/// What a person signs in with where a dialect takes either (the mobile mall's `username`): a mobile
/// number or an e-mail address. Each names at most one account.
enum AccountIdentity: Sendable, Equatable {
    case mobile(String)
    case email(String)

    /// The identity `text` is, or nil when it is neither a mobile number nor an e-mail address.
    /// E-mail addresses are compared in lower case.
    init?(_ text: String) {
        if CredentialFormat.isMobile(text) {
            self = .mobile(text)
        } else if CredentialFormat.isEmail(text) {
            self = .email(text.lowercased())
        } else {
            return nil
        }
    }

    var value: String {
        switch self {
        case .mobile(let mobile): mobile
        case .email(let email): email
        }
    }

    /// The `verification_codes.channel` codes for this identity travel on.
    var channel: String {
        switch self {
        case .mobile: "mobile"
        case .email: "email"
        }
    }
}
