/// The `cat_code` scheme of the app base API's categories: 30 digits, three per level, the first
/// category of a level numbered `100`, the next `101` and so on up to `999`, zeros after the
/// category's own level (`100000…` a top category, `100101000…` its second child).
enum CategoryCode {
    static let length = 30
    static let segment = 3
    static let maximumDepth = length / segment
    static let firstNumber = 100
    static let lastNumber = 999

    /// The number of levels a code fills (1 for a top category).
    static func depth(of code: String) -> Int {
        prefix(of: code).count / segment
    }

    /// The code without its trailing empty levels (`100101`); every category below it starts with it.
    static func prefix(of code: String) -> Substring {
        var digits = Substring(code)
        while digits.count >= segment, digits.hasSuffix("000") { digits = digits.dropLast(segment) }
        return digits
    }

    /// The code of the child numbered `number` of the category with `parentCode` (nil for a top category).
    static func code(parentCode: String?, number: Int) -> String {
        let head = parentCode.map { String(prefix(of: $0)) } ?? ""
        let code = head + String(number)
        return code + String(repeating: "0", count: length - code.count)
    }

    /// The number of a code at `depth` (1-based).
    static func number(of code: String, depth: Int) -> Int? {
        let digits = Array(code)
        let start = (depth - 1) * segment
        guard depth >= 1, start + segment <= digits.count else { return nil }
        return Int(String(digits[start..<(start + segment)]))
    }
}
