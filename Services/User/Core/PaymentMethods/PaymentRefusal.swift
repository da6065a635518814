/// Why a payment-method operation was refused.
enum PaymentRefusal: Error, Sendable, Equatable {
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
}
