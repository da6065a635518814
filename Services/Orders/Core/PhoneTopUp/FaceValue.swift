/// A face value of phone credit the mall sells, in whole yuan: 10, 20, 30, 50, 100 or 300 (document
/// 004, section 13: "目前可选：10、20、30、50、100、300").
struct FaceValue: Sendable, Hashable, Comparable {
    /// Every face value on sale, smallest first.
    static let all: [FaceValue] = [10, 20, 30, 50, 100, 300].map(FaceValue.init(yuan:))

    let yuan: Int

    private init(yuan: Int) {
        self.yuan = yuan
    }

    /// The face value written `text` (`20`, also `20.0` or `20.00`); nil for anything not on sale.
    init?(_ text: String) {
        var whole = Substring(text)
        if let dot = whole.firstIndex(of: ".") {
            guard whole[whole.index(after: dot)...].allSatisfy({ $0 == "0" }) else { return nil }
            whole = whole[..<dot]
        }
        guard (1...3).contains(whole.count), whole.allSatisfy({ $0.isASCII && $0.isNumber }), let yuan = Int(whole),
            let value = Self.all.first(where: { $0.yuan == yuan })
        else { return nil }
        self = value
    }

    /// The value in fen.
    var fen: Int64 { Int64(yuan) * 100 }

    static func < (lhs: FaceValue, rhs: FaceValue) -> Bool { lhs.yuan < rhs.yuan }
}
