extension CallInput {
    /// A WeChat login code in `key`: 1 to 128 visible ASCII characters.
    func loginCode(_ key: String) throws(CallRefusal) -> String {
        let code = try required(key)
        guard CallInput.isLoginCode(code) else { throw CallRefusal(.invalidParams, "code 格式不正确") }
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
