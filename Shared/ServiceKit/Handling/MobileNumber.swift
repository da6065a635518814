/// A mainland China mobile number: 11 digits starting with 1 (the documents' "手机号11位").
public enum MobileNumber {
    public static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        return bytes.count == 11 && bytes.first == UInt8(ascii: "1") && bytes.allSatisfy(Parameters.isDigit)
    }
}
