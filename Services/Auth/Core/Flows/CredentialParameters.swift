import ServiceKit

/// The credential shapes of the auth operations, read with the one parameter rule set: passwords and
/// codes are taken as sent (`Parameters.secret`), then held to the credential rules.
extension Parameters {
    /// A password under the app base API document's rule (`CredentialFormat.isPassword`).
    func password(_ key: String) throws -> String {
        guard let password = try secret(key, maxLength: 64) else { throw InputProblem(key, .missing) }
        guard CredentialFormat.isPassword(password) else {
            throw CallRefusal(.invalidParams, "密码须为 6-20 位字母、数字、下划线或破折号")
        }
        return password
    }

    /// A verification code, SMS key or other short token that must be given; a malformed code reads as
    /// a wrong one to the code store.
    func code(_ key: String) throws(InputProblem) -> String {
        guard let code = try secret(key, maxLength: 64) else { throw InputProblem(key, .missing) }
        return code.trimmingWhitespace
    }

    /// A WeChat login code: 1 to 128 visible ASCII characters.
    func loginCode(_ key: String) throws -> String {
        let code = try required(key, maxLength: 128)
        guard Self.isLoginCode(code) else { throw CallRefusal(.invalidParams, "code 格式不正确") }
        return code
    }

    static func isLoginCode(_ text: String) -> Bool {
        (1...128).contains(text.utf8.count) && text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// An app id, app code or simulated person: 1 to 64 letters, digits, `_`, `-` or `.`.
    static func isAppName(_ text: some StringProtocol) -> Bool {
        (1...64).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
                    true
                default: false
                }
            }
    }
}
