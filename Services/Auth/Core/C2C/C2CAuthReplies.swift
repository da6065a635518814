import Mesh

/// The C2C wording of code sign-in refusals; the C2C code table gives 20005 (wrong code), 20004
/// (expired code) and 2002 (no such user). Password refusals are `SignInRefusal`'s.
enum C2CAuthReplies {
    static func refusal(_ refusal: CredentialRefusal) -> CanonicalReply {
        switch refusal {
        case .codeWrong: .failure(.codeWrong)
        case .codeExpired: .failure(.codeExpired)
        case .accountNotFound: .failure(.accountNotFound)
        case .accountExists: .failure(.accountExists)
        case .wrongPassword: .failure(.wrongPassword)
        case .accountLocked: .failure(.accountLocked)
        }
    }
}
