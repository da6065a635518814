/// A mainland China mobile number: 11 digits starting with 1 (the mobile document's "手机号11位").
enum MobileNumber {
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 11 && bytes[0] == UInt8(ascii: "1") && bytes.allSatisfy(isDigit)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
