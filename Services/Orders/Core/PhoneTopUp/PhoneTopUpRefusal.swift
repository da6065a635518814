import Mesh
import ServiceKit

/// Why the phone top-up says no, with the mobile mall's codes where its document gives one: a wrong
/// number 208505, a wrong face value 208506 (section 13.2), an unknown order 1007 (13.6).
struct PhoneTopUpRefusal: Refusal, Equatable {
    /// What is refused.
    enum Code: Sendable, Equatable {
        /// Not 11 digits starting with 1, or a prefix nobody was given.
        case badNumber
        /// A real number that this top-up cannot serve (virtual operator, data-only, satellite).
        case unsupportedNumber
        /// Not one of the face values on sale.
        case badFaceValue
        /// The provider refused the number or the amount for a reason of its own.
        case providerRefused
        /// No order of the caller has that number.
        case unknownOrder
    }

    let code: Code
    let message: String

    var kind: ReplyKind {
        switch code {
        case .badNumber, .unsupportedNumber, .badFaceValue: .invalidParams
        case .providerRefused: .providerFailed
        case .unknownOrder: .notFound
        }
    }

    func wording(in dialect: Dialect) -> DialectWording? {
        guard dialect == .mobile else { return nil }
        switch code {
        case .badNumber, .unsupportedNumber: return DialectWording(code: "208505")
        case .badFaceValue: return DialectWording(code: "208506")
        case .providerRefused: return nil
        case .unknownOrder: return DialectWording(code: "1007")
        }
    }

    static let badNumber = PhoneTopUpRefusal(code: .badNumber, message: "错误的手机号码")
    static let badFaceValue = PhoneTopUpRefusal(code: .badFaceValue, message: "错误的充值金额")
    static let unknownOrder = PhoneTopUpRefusal(code: .unknownOrder, message: "查询无结果")

    /// A number of `allocation` that cannot be topped up here.
    static func unsupported(_ allocation: NumberAllocation) -> PhoneTopUpRefusal {
        let words =
            switch allocation {
            case .virtualOperator: "虚拟运营商号码暂不支持充值"
            case .dataOnly: "物联网和数据卡号码不支持话费充值"
            case .satellite: "卫星电话号码不支持话费充值"
            case .carrier, .unallocated: "错误的手机号码"
            }
        return PhoneTopUpRefusal(code: .unsupportedNumber, message: words)
    }

    /// The provider's own refusal, in its words.
    static func provider(_ reason: String) -> PhoneTopUpRefusal {
        PhoneTopUpRefusal(code: .providerRefused, message: reason.isEmpty ? "充值服务商拒绝了该号码或金额" : reason)
    }
}
