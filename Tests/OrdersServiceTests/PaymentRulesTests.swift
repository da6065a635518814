import ServiceKit
import Testing

@testable import OrdersService

/// WeChat Pay's v2 signature against the example of its API documentation ("安全规范": the fields
/// appid, body, device_info, mch_id and nonce_str under the key 192006250b4c09247ec02edce69f6a2d).
struct WeChatPaySignatureTests {
    static let fields = [
        "appid": "wxd930ea5d5a258f4f", "mch_id": "10000100", "device_info": "1000", "body": "test",
        "nonce_str": "ibuaiVcKdpRxkhJA",
    ]
    static let key = "192006250b4c09247ec02edce69f6a2d"

    @Test func documentedExampleSignsWithBothKinds() {
        #expect(
            WeChatPaySignature.signedText(Self.fields, key: Self.key)
                == "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA"
                + "&key=192006250b4c09247ec02edce69f6a2d")
        #expect(WeChatPaySignature.sign(Self.fields, key: Self.key, kind: .md5) == "9A0A8659F005D6984697E2CA0A9CF3B7")
        #expect(
            WeChatPaySignature.sign(Self.fields, key: Self.key, kind: .hmacSHA256)
                == "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6")
    }

    @Test func emptyFieldsAndTheSignItselfAreLeftOut() {
        var fields = Self.fields
        fields["attach"] = ""
        fields["sign"] = "ANYTHING"
        #expect(WeChatPaySignature.sign(fields, key: Self.key, kind: .md5) == "9A0A8659F005D6984697E2CA0A9CF3B7")
    }

    @Test func verificationNeedsTheRightSignKindAndKey() {
        var signed = Self.fields
        signed["sign"] = "9A0A8659F005D6984697E2CA0A9CF3B7"
        #expect(WeChatPaySignature.verify(signed, key: Self.key))
        #expect(!WeChatPaySignature.verify(signed, key: "0" + Self.key.dropFirst()))
        var tampered = signed
        tampered["body"] = "test2"
        #expect(!WeChatPaySignature.verify(tampered, key: Self.key))
        var sha = Self.fields
        sha["sign_type"] = "HMAC-SHA256"
        sha["sign"] = WeChatPaySignature.sign(sha, key: Self.key, kind: .hmacSHA256)
        #expect(WeChatPaySignature.verify(sha, key: Self.key))
        sha["sign_type"] = "SHA1"
        #expect(!WeChatPaySignature.verify(sha, key: Self.key))
        #expect(!WeChatPaySignature.verify(Self.fields, key: Self.key))
    }
}

/// The trade's life without a database.
struct TradeStateTests {
    @Test func aConfirmedPaymentSettlesOnce() throws {
        let first = try TradeState.created.apply(
            .paymentConfirmed(amount: 500, transactionID: "T1"), amount: 500, paidTransaction: nil
        ).get()
        #expect(first == .init(next: .paid, effects: [.settleBusiness], changes: true))
        let again = try TradeState.paid.apply(
            .paymentConfirmed(amount: 500, transactionID: "T1"), amount: 500, paidTransaction: "T1"
        ).get()
        #expect(again == .init(next: .paid, effects: [], changes: false))
    }

    @Test func aWrongAmountChangesNothing() {
        for state in TradeState.allCases {
            let decision = state.apply(
                .paymentConfirmed(amount: 499, transactionID: "T1"), amount: 500, paidTransaction: nil)
            #expect(decision == .failure(.amountMismatch(expected: 500, confirmed: 499)), "\(state)")
        }
    }

    @Test func paymentsThatCannotBeKeptAreRefunded() throws {
        let late = try TradeState.closed.apply(
            .paymentConfirmed(amount: 500, transactionID: "T9"), amount: 500, paidTransaction: nil
        ).get()
        #expect(late == .init(next: .closed, effects: [.refundUnwantedPayment(transactionID: "T9")], changes: true))
        let second = try TradeState.paid.apply(
            .paymentConfirmed(amount: 500, transactionID: "T2"), amount: 500, paidTransaction: "T1"
        ).get()
        #expect(second.next == .paid && second.effects == [.refundUnwantedPayment(transactionID: "T2")])
    }

    @Test func closingIsForUnpaidTrades() throws {
        #expect(try TradeState.created.apply(.close, amount: 1, paidTransaction: nil).get().next == .closed)
        #expect(try TradeState.closed.apply(.close, amount: 1, paidTransaction: nil).get().changes == false)
        #expect(TradeState.paid.apply(.close, amount: 1, paidTransaction: "T1") == .failure(.alreadyPaid))
    }
}

/// Refunds never add up to more than was paid; a number is one refund.
struct RefundBookTests {
    @Test func partialRefundsUpToThePayment() throws {
        var book = RefundBook(paid: 1000)
        #expect(
            try book.request(number: "R1", amount: 600).get() == .new(.init(number: "R1", amount: 600, state: .pending))
        )
        #expect(book.request(number: "R2", amount: 401) == .failure(.exceedsPaid(available: 400, asked: 401)))
        #expect(
            try book.request(number: "R2", amount: 400).get() == .new(.init(number: "R2", amount: 400, state: .pending))
        )
        #expect(book.available == 0)
        #expect(book.request(number: "R3", amount: 0) == .failure(.notPositive))
    }

    @Test func aNumberIsReusedOnlyForTheSameRefund() throws {
        var book = RefundBook(paid: 1000)
        _ = try book.request(number: "R1", amount: 300).get()
        #expect(
            try book.request(number: "R1", amount: 300).get()
                == .existing(.init(number: "R1", amount: 300, state: .pending)))
        #expect(book.request(number: "R1", amount: 301) == .failure(.numberReused(number: "R1", amount: 300)))
        #expect(book.refunds.count == 1)
    }

    @Test func aFailedRefundGivesItsAmountBackAndAnswersStayFirm() throws {
        var book = RefundBook(paid: 1000)
        _ = try book.request(number: "R1", amount: 1000).get()
        #expect(try book.settle(number: "R1", succeeded: false).get().state == .failed)
        #expect(book.available == 1000)
        #expect(try book.settle(number: "R1", succeeded: false).get().state == .failed)
        #expect(book.settle(number: "R1", succeeded: true) == .failure(.alreadySettled("R1", .failed)))
        #expect(book.settle(number: "R9", succeeded: true) == .failure(.unknownRefund("R9")))
        _ = try book.request(number: "R2", amount: 1000).get()
        #expect(try book.settle(number: "R2", succeeded: true).get().state == .succeeded)
        #expect(book.available == 0)
    }
}

/// The WeChat Pay merchant settings.
struct PaymentSettingsTests {
    static func settings(_ values: [String: String]) throws -> PaymentSettings {
        var all = [
            "INTERNAL_KEY": "a-long-production-internal-key-0123456789", "DATABASE_URL": "postgres://x@127.0.0.1/x",
        ]
        all.merge(values) { _, new in new }
        let configuration = try ServiceConfiguration(
            descriptor: OrdersService.descriptor, environment: Environment(prefix: "orders", values: all))
        return try PaymentSettings(configuration: configuration)
    }

    @Test func productionNeedsItsOwnKey() throws {
        #expect(throws: ConfigurationError.self) { try Self.settings(["APP_ENV": "production"]) }
        #expect(throws: ConfigurationError.self) {
            try Self.settings(["APP_ENV": "production", "WECHAT_PAY_API_KEY": "short"])
        }
        let own = try Self.settings([
            "APP_ENV": "production", "ORDERS_WECHAT_PAY_API_KEY": String(repeating: "k", count: 32),
        ])
        #expect(own.wechat.apiKey == String(repeating: "k", count: 32))
        let development = try Self.settings(["APP_ENV": "development", "WECHAT_PAY_SIGN_TYPE": "HMAC-SHA256"])
        #expect(development.wechat.signKind == .hmacSHA256)
        #expect(development.wechat.merchantID == "1900000109")
    }

    @Test func theProviderEndpointIsTheSimulatorOnlyOutsideProduction() throws {
        let key = String(repeating: "k", count: 32)
        let development = try Self.settings(["APP_ENV": "development", "ORDERS_URL": "http://127.0.0.1:9103"])
        #expect(
            development.wechatEndpoint.url("/pay/orderquery")
                == "http://127.0.0.1:9103/sandbox/wechatpay/pay/orderquery")
        #expect(development.servesSandbox)
        let production = try Self.settings(["APP_ENV": "production", "WECHAT_PAY_API_KEY": key])
        #expect(production.wechatEndpoint.url("/pay/orderquery") == "https://api.mch.weixin.qq.com/pay/orderquery")
        #expect(!production.servesSandbox)
        #expect(throws: ConfigurationError.self) {
            try Self.settings([
                "APP_ENV": "production", "WECHAT_PAY_API_KEY": key,
                "WECHAT_PAY_API_BASE": "http://127.0.0.1:9103/sandbox/wechatpay",
            ])
        }
        #expect(throws: ConfigurationError.self) {
            try Self.settings(["APP_ENV": "production", "WECHAT_PAY_API_KEY": key, "WECHAT_PAY_CERT_FILE": "/c.pem"])
        }
        let certified = try Self.settings([
            "APP_ENV": "production", "WECHAT_PAY_API_KEY": key, "WECHAT_PAY_CERT_FILE": "/c.pem",
            "WECHAT_PAY_KEY_FILE": "/k.pem",
        ])
        #expect(certified.wechatEndpoint.clientCertificate?.keyFile == "/k.pem")
    }
}
