import Crypto
import Testing

@testable import OrdersService

/// Alipay's notification is believed only when every check holds; forged ones are refused.
struct AlipayNotificationTests {
    static let tradeNo = "20261203120000123456"
    static let account = AlipayTestSupport.account()

    static func verify(
        _ body: [UInt8], account: AlipayAccount = account
    ) -> Result<
        AlipayNotification.Notice, NotificationRefusal
    > {
        AlipayNotification.verify(body, account: account)
    }

    @Test func aGenuineNotificationIsAPaymentInExactFen() throws {
        let body = try AlipayTestSupport.body(AlipayTestSupport.fields(tradeNo: Self.tradeNo))
        let payment = VerifiedPayment(
            tradeNo: Self.tradeNo, amount: 8800, transactionID: "2026120322001412345678901234")
        #expect(Self.verify(body) == .success(.payment(payment)))
        for (text, fen) in [("0.01", Int64(1)), ("9.9", 990), ("100", 10_000), ("12345678.91", 1_234_567_891)] {
            let body = try AlipayTestSupport.body(AlipayTestSupport.fields(tradeNo: Self.tradeNo, amount: text))
            guard case .success(.payment(let read)) = Self.verify(body) else {
                Issue.record("\(text) was not read")
                continue
            }
            #expect(read.amount == fen)
        }
        let finished = try AlipayTestSupport.body(
            AlipayTestSupport.fields(tradeNo: Self.tradeNo, status: "TRADE_FINISHED"))
        #expect(Self.verify(finished) == .success(.payment(payment)))
    }

    @Test func otherStatusesAreAcknowledgedWithoutAPayment() throws {
        for status in ["TRADE_CLOSED", "WAIT_BUYER_PAY"] {
            let body = try AlipayTestSupport.body(AlipayTestSupport.fields(tradeNo: Self.tradeNo, status: status))
            #expect(Self.verify(body) == .success(.status(status, tradeNo: Self.tradeNo)))
        }
        let unknown = try AlipayTestSupport.body(AlipayTestSupport.fields(tradeNo: Self.tradeNo, status: "TRADE_X"))
        #expect(Self.verify(unknown) == .failure(.notAPayment("TRADE_X")))
    }

    @Test func forgeriesAreRefused() throws {
        let fields = AlipayTestSupport.fields(tradeNo: Self.tradeNo)
        var foreignApp = fields
        foreignApp["app_id"] = "9021000000000002"
        let cases: [([UInt8], NotificationRefusal)] = [
            (try AlipayTestSupport.body(fields, signWith: AlipayTestSupport.appKey), .badSignature),
            (try AlipayTestSupport.body(fields, tamper: ["total_amount": "0.01"]), .badSignature),
            (try AlipayTestSupport.body(fields, tamper: ["out_trade_no": "20261203120000654321"]), .badSignature),
            (try AlipayTestSupport.body(fields, tamper: ["extra": "x"]), .badSignature),
            (try AlipayTestSupport.body(fields, tamper: ["buyer_id": nil]), .badSignature),
            (try AlipayTestSupport.body(fields, tamper: ["sign": "AAAA"]), .badSignature),
            (try AlipayTestSupport.body(fields, tamper: ["sign": nil]), .badSignature),
            (try AlipayTestSupport.body(fields, tamper: ["sign_type": "RSA"]), .malformed("sign_type must be RSA2")),
            (try AlipayTestSupport.body(foreignApp), .foreignAccount(field: "app_id")),
            (Array("sign=x&sign=y".utf8), .malformed("the field sign repeats")),
        ]
        for (body, refusal) in cases {
            #expect(Self.verify(body) == .failure(refusal), "\(String(decoding: body.prefix(80), as: UTF8.self))")
        }
    }

    @Test func aConfiguredSellerMustBeTheOneNamed() throws {
        let body = try AlipayTestSupport.body(AlipayTestSupport.fields(tradeNo: Self.tradeNo))
        #expect(
            Self.verify(body, account: AlipayTestSupport.account(sellerID: "2088000000000009"))
                == .failure(.foreignAccount(field: "seller_id")))
        guard case .success = Self.verify(body, account: AlipayTestSupport.account(sellerID: "2088000000000001")) else {
            Issue.record("the configured seller was refused")
            return
        }
    }

    @Test func amountsThatAreNotExactYuanAreRefused() throws {
        for text in ["0", "0.00", "-1.00", "1.001", "1e3", "", "88.00 ", "NaN"] {
            let body = try AlipayTestSupport.body(AlipayTestSupport.fields(tradeNo: Self.tradeNo, amount: text))
            guard case .failure(.malformed) = Self.verify(body) else {
                Issue.record("total_amount \(text) was accepted")
                continue
            }
        }
    }

    @Test func anOversizeOrBrokenBodyIsRefusedBeforeTheSignature() throws {
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: AlipayNotification.maximumBytes + 1)
        #expect(Self.verify(big) == .failure(.malformed("the body is larger than 65536 bytes")))
        guard case .failure(.malformed) = Self.verify(Array("a=%zz".utf8)) else {
            Issue.record("a broken escape was read")
            return
        }
        #expect(Self.verify([]) == .failure(.malformed("sign_type must be RSA2")))
    }
}
