import JSON
import Mesh

/// The O2O document's `userInfo` as auth answers it.
enum O2OAuthReplies {
    /// `{name, mobile}`: the name is the person's, from the profile the user service keeps (the real
    /// name, else the nickname); only without either (or without an answer) is it the masked mobile.
    static func userInfo(_ account: AccountRecord, face: ProfileFace?) -> JSONValue {
        let mobile = account.mobile ?? ""
        let name = [face?.realName, face?.nickname].lazy.compactMap { $0 }.first { !$0.isEmpty }
        return .object(["name": .string(name ?? YafAuthReplies.maskedMobile(mobile)), "mobile": .string(mobile)])
    }
}
