import Mesh
import ServiceKit

/// Why a password sign-in was refused, with each dialect's documented code and words: the app base
/// API answers 605 for an unknown mobile, 503 for a wrong password and 607 for a lock; the mobile
/// mall answers an unknown identity like a wrong password; the C2C exchange 2002, 2003 and 60000 with
/// its document's "错误次数过多，请15分钟以后再试" naming the lock actually in force.
enum SignInRefusal: Refusal, Equatable {
    /// No account has the mobile number or e-mail address.
    case unknownAccount
    case wrongPassword
    /// Too many wrong passwords: the account, or the client address trying it, is locked for
    /// `seconds` more (possibly by this very try).
    case locked(seconds: Int)

    var kind: ReplyKind {
        switch self {
        case .unknownAccount: .accountNotFound
        case .wrongPassword: .wrongPassword
        case .locked: .accountLocked
        }
    }

    var message: String {
        switch self {
        case .unknownAccount: "账号未注册"
        case .wrongPassword: "账号或密码不正确"
        case .locked(let seconds): "密码错误次数过多，请\(LockDuration.words(seconds: seconds))后再试"
        }
    }

    func wording(in dialect: Dialect) -> DialectWording? {
        switch (dialect, self) {
        case (.mobile, .unknownAccount), (.mobile, .wrongPassword): DialectWording(message: "用户名或密码错误")
        case (.c2c, .locked(let seconds)):
            DialectWording(message: "错误次数过多，请\(LockDuration.words(seconds: seconds))以后再试")
        case (.c2c, _): DialectWording(message: "")
        default: nil
        }
    }
}
