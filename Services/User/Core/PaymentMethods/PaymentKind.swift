/// A payment method's type with the c2c document's number: 1 bank card, 2 Alipay, 3 WeChat Pay.
enum PaymentKind: Int, Sendable, CaseIterable {
    case bankCard = 1
    case alipay = 2
    case wechatPay = 3

    /// The key of this type's list in `getPaymentList`.
    var listKey: String {
        switch self {
        case .bankCard: "bank_cards"
        case .alipay: "alipay"
        case .wechatPay: "wxpay"
        }
    }
}
