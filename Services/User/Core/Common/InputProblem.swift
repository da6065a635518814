import Mesh

/// A parameter that is missing or malformed: which one and what is wrong with it, in words a
/// client developer can act on.
struct InputProblem: Error, Sendable, Equatable {
    /// What is wrong with the parameter.
    enum Reason: Sendable, Equatable {
        case missing
        /// An array, an object or a boolean where text or a number belongs.
        case notScalar
        case tooLong(maximum: Int)
        /// Present but not of the expected form; the text says which form.
        case malformed(String)
    }

    let field: String
    let reason: Reason

    init(_ field: String, _ reason: Reason) {
        self.field = field
        self.reason = reason
    }

    var message: String {
        switch reason {
        case .missing: "缺少参数 \(field)"
        case .notScalar: "参数 \(field) 须为字符串或数字"
        case .tooLong(let maximum): "参数 \(field) 不能超过 \(maximum) 个字符"
        case .malformed(let expected): "参数 \(field) 格式不正确：\(expected)"
        }
    }

    /// The canonical refusal, with the dialect's code for a parameter fault where one is given.
    func reply(code: String? = nil) -> CanonicalReply {
        .failure(reason == .missing ? .missingParameter : .invalidParams, message, code: code)
    }
}
