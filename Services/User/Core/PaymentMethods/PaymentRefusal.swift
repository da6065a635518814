import Mesh
import ServiceKit

/// Why a payment-method operation was refused. The C2C document's codes: 1000 record not found,
/// 20012 / 20016 bank card number wrong / malformed, 20013 card already used (by this customer),
/// 304 exists, 1004 out of range.
enum PaymentRefusal: Refusal, Equatable {
    /// No method of that type and id belongs to the caller (another user's id reads the same).
    case notFound
    /// The caller already has this account number for this type.
    case duplicate(PaymentKind)
    case limitReached(Int)
    /// A bank card number that is not 12–19 digits.
    case cardMalformed
    /// A bank card number whose Luhn check digit is wrong.
    case cardCheckDigit
    /// An Alipay or WeChat account that is neither a mobile number nor an account name of that service.
    case accountMalformed(PaymentKind)

    var message: String {
        switch self {
        case .notFound: "支付方式不存在"
        case .duplicate(.bankCard): "银行卡号已经被使用"
        case .duplicate: "该支付帐号已存在"
        case .limitReached(let limit): "每种支付方式最多 \(limit) 个"
        case .cardMalformed: "银行卡格式不正确"
        case .cardCheckDigit: "银行卡号码不正确"
        case .accountMalformed(.alipay): "支付宝帐号须为手机号或邮箱"
        case .accountMalformed: "微信帐号须为手机号或 6-20 位字母开头的微信号"
        }
    }

    var kind: ReplyKind {
        switch self {
        case .notFound: .notFound
        case .duplicate: .alreadyExists
        case .limitReached, .cardMalformed, .cardCheckDigit, .accountMalformed: .invalidParams
        }
    }

    func wording(in dialect: Dialect) -> DialectWording? {
        guard dialect == .c2c else { return nil }
        return switch self {
        case .notFound: DialectWording(code: "1000")
        case .duplicate(.bankCard): DialectWording(code: "20013")
        case .duplicate: DialectWording(code: "304")
        case .limitReached: DialectWording(code: "1004")
        case .cardMalformed: DialectWording(code: "20016")
        case .cardCheckDigit: DialectWording(code: "20012")
        case .accountMalformed: nil
        }
    }
}
