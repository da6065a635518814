/// Ad position codes: each place in the apps that shows ads has one (`app_start`, `app_home` …),
/// chosen by the operators.
enum AdPosition {
    static func isValid(_ code: String) -> Bool {
        (1...50).contains(code.utf8.count)
            && code.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
                    true
                default: false
                }
            }
    }
}
