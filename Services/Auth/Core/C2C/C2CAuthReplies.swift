import Mesh

/// The C2C wording of sign-in refusals; the C2C code table gives 20005 (wrong code), 20004 (expired
/// code), 2002 (no such user), 2003 (wrong password) and 60000 (locked).
enum C2CAuthReplies {
    static func refusal(_ refusal: CredentialRefusal, _ settings: C2CSettings) -> CanonicalReply {
        switch refusal {
        case .codeWrong: .failure(.codeWrong)
        case .codeExpired: .failure(.codeExpired)
        case .accountNotFound: .failure(.accountNotFound)
        case .accountExists: .failure(.accountExists)
        case .wrongPassword: .failure(.wrongPassword)
        case .accountLocked: .failure(.accountLocked, settings.lockMessage)
        }
    }
}
