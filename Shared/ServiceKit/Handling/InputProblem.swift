import Mesh

/// A parameter that is missing or malformed: which one and what is wrong with it, in words a client
/// developer can act on.
public struct InputProblem: Refusal, Equatable {
    /// What is wrong with the parameter.
    public enum Reason: Sendable, Equatable {
        case missing
        /// An array, an object or a boolean where text or a number belongs.
        case notScalar
        case tooLong(maximum: Int)
        /// Present but not of the expected form; the text says which form.
        case malformed(String)
        /// The bytes of the value are not UTF-8.
        case invalidEncoding
    }

    public let field: String
    public let reason: Reason

    public init(_ field: String, _ reason: Reason) {
        self.field = field
        self.reason = reason
    }

    public var kind: ReplyKind { reason == .missing ? .missingParameter : .invalidParams }

    public var message: String {
        switch reason {
        case .missing: "缺少参数 \(field)"
        case .notScalar: "参数 \(field) 须为字符串或数字"
        case .tooLong(let maximum): "参数 \(field) 不能超过 \(maximum) 个字符"
        case .malformed(let expected): "参数 \(field) 格式不正确：\(expected)"
        case .invalidEncoding: "参数 \(field) 不是有效的 UTF-8 文本"
        }
    }
}
