import JSON
import Mesh
import ServiceKit

/// The yaf wording of the auth replies; messages come from the app base API document (003) where it
/// gives them (success messages of each section's example, "账号或密码不正确" of its failure example,
/// "验证码已失效" of `sms.verify`), the others are this platform's.
enum YafAuthReplies {
    static func ok(_ message: String, data: JSONValue? = nil) -> CanonicalReply {
        CanonicalReply(kind: .ok, message: message, data: data)
    }

    /// The document's `user.login` / `user.register` data: the session token and the account's public
    /// face. Head image, nickname and introduction come from the user service's profile (`face`);
    /// without one the nickname is the masked mobile, as in the document's example.
    static func signedIn(
        _ signedIn: SignedIn, face: ProfileFace?, message: String, displayTime: DisplayTime
    ) -> CanonicalReply {
        let account = signedIn.account
        return ok(
            message,
            data: .object([
                "token": .string(signedIn.token),
                "open_id": .string(account.openID),
                "mobile": .string(account.mobile ?? ""),
                "headimg": .string(face?.headImageURL ?? ""),
                "nickname": .string(face?.nickname ?? maskedMobile(account.mobile ?? "")),
                "intro": .string(face?.intro ?? ""),
                "reg_time": .string(displayTime.format(account.registeredAt)),
            ]))
    }

    /// `185****2691`: the first three and last four digits.
    static func maskedMobile(_ mobile: String) -> String {
        guard mobile.count > 7 else { return mobile }
        return mobile.prefix(3) + "****" + mobile.suffix(4)
    }
}
