import ServiceKit

/// The `key` of yaf `sms.send` and `sms.verify`, naming the message template and so the code's
/// purpose. The app base API document lists the register and login keys; the password-reset key is
/// this platform's addition, since `user.pwd.find` needs a code that `sms.send` sends.
enum YafSMSKey {
    static let purposes: [String: CodePurpose] = [
        "USER_REGISTER_CODE": .register,
        "USER_LOGIN_CODE": .login,
        "USER_FIND_PWD_CODE": .reset,
    ]

    static func purpose(_ input: Parameters) throws -> CodePurpose {
        guard let purpose = purposes[try input.code("key")] else { throw CallRefusal(.invalidParams, "短信模板标识不正确") }
        return purpose
    }
}
