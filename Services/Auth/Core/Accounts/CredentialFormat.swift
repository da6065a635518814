/// The shapes every dialect's credentials must have before they are looked up or stored: mainland
/// mobile numbers, e-mail addresses, and the password rule of the app base API document (003),
/// applied to login and pay passwords in every dialect.
enum CredentialFormat {
    /// 11 digits starting with 1.
    static func isMobile(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 11 && bytes[0] == UInt8(ascii: "1")
            && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// `local@domain.tld` in printable ASCII without spaces, at most 254 bytes, as the accounts table checks.
    static func isEmail(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (6...254).contains(bytes.count), bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...64).contains(parts[0].utf8.count) else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
            && parts[1].utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
                    true
                default: false
                }
            }
    }

    /// The app base API document's password length (and every pay password's).
    static let passwordLengths = 6...20
    /// The mobile mall document's login password length.
    static let mobilePasswordLengths = 6...32

    /// Letters, digits, underscores or hyphens, 6 to 20 of them unless `lengths` says otherwise.
    static func isPassword(_ text: String, lengths: ClosedRange<Int> = passwordLengths) -> Bool {
        lengths.contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                    true
                default: false
                }
            }
    }
}
