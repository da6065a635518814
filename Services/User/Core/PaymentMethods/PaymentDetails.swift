import ServiceKit

/// The fields of a payment method as the c2c document's tables give them per type, checked: a bank
/// card has a Luhn-valid number, the account holder, bank and branch address; Alipay and WeChat have
/// an account and the URL of its payment QR code.
enum PaymentDetails: Sendable, Equatable {
    case bankCard(number: String, holder: String, bank: String, branchAddress: String)
    case wallet(PaymentKind, account: String, qrcode: String)

    var kind: PaymentKind {
        switch self {
        case .bankCard: .bankCard
        case .wallet(let kind, _, _): kind
        }
    }

    var accountNumber: String {
        switch self {
        case .bankCard(let number, _, _, _): number
        case .wallet(_, let account, _): account
        }
    }

    /// Reads the fields of `kind` from the c2c body, with the document's maximum lengths.
    init(kind: PaymentKind, parameters: Parameters) throws {
        switch kind {
        case .bankCard:
            // Card numbers are often written in groups of four: up to 19 digits and 4 spaces.
            let number = try parameters.required("account_number", maxLength: 23).filter { $0 != " " }
            do {
                try BankCardNumber.check(number)
            } catch .malformed {
                throw PaymentRefusal.cardMalformed
            } catch {
                throw PaymentRefusal.cardCheckDigit
            }
            self = .bankCard(
                number: number, holder: try parameters.required("account_name", maxLength: 50),
                bank: try parameters.required("bank_name", maxLength: 50),
                branchAddress: try parameters.required("bank_address", maxLength: 100))
        case .alipay, .wechatPay:
            let account = try parameters.required("account_number", maxLength: 20)
            guard Self.isWalletAccount(account, kind: kind) else { throw PaymentRefusal.accountMalformed(kind) }
            let qrcode = try parameters.required("qrcode", maxLength: 100)
            guard Self.isLink(qrcode) else {
                throw InputProblem("qrcode", .malformed("须为收款二维码图片的地址"))
            }
            self = .wallet(kind, account: account, qrcode: qrcode)
        }
    }

    /// Alipay: a mobile number or an e-mail address; WeChat: a mobile number or a WeChat id (6–20
    /// letters, digits, `_` or `-`, starting with a letter).
    static func isWalletAccount(_ text: String, kind: PaymentKind) -> Bool {
        if MobileNumber.isValid(text) { return true }
        let bytes = Array(text.utf8)
        switch kind {
        case .alipay:
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
                && bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        case .wechatPay, .bankCard:
            guard (6...20).contains(bytes.count), let first = bytes.first, isLetter(first) else { return false }
            return bytes.allSatisfy {
                isLetter($0) || Parameters.isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
            }
        }
    }

    /// An `http(s)://` URL or a site-relative path: visible ASCII only.
    static func isLink(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return false }
        return text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("/")
            || !text.contains(":")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
