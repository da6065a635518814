import EventLoops
import HTTPClient
import HTTPCore
import JSON
import ServiceKit
import Synchronization
import Testing

@testable import OrdersService

/// Juhe's phone-credit protocol as the client speaks it: the order sign, the four requests, and the
/// strict reading of the answers, over a transport that records what was sent and answers as told.
struct JuheProtocolTests {
    static let credentials = JuheCredentials(
        openID: "JH1234567890abcdef1234567890abcdef", key: "0123456789abcdef0123456789abcdef")

    /// A transport that answers `body` (HTTP `status`) and keeps the requests.
    final class Recorder: Sendable {
        let requests = Mutex<[HTTPRequest]>([])
        let status: HTTPStatus
        let body: String

        init(_ body: String, status: HTTPStatus = .ok) {
            self.body = body
            self.status = status
        }

        var client: JuheClient {
            JuheClient(credentials: JuheProtocolTests.credentials) { request throws(ProviderUnreachable) in
                self.requests.withLock { $0.append(request) }
                return HTTPResponse(status: self.status, contentType: "application/json", body: self.body)
            }
        }

        var last: HTTPRequest? { requests.withLock { $0.last } }
    }

    static let twenty = FaceValue("20")!

    @Test func theSignIsTheMD5OfOpenIDKeyNumberAmountAndOrder() {
        #expect(
            JuheProtocol.sign(
                openID: Self.credentials.openID, key: Self.credentials.key, phone: "18913513535", cardNum: 100,
                orderID: "2014111111113") == "980b8636d318851b61dee6912b61314c")
        #expect(JuheProtocol.isOrderID("3700001001609191584"))
        #expect(!JuheProtocol.isOrderID("1234567") && !JuheProtocol.isOrderID("37000010016091915-4"))
        #expect(!JuheProtocol.isOrderID(String(repeating: "1", count: 33)))
    }

    @Test func requestsCarryTheDocumentedFields() throws {
        let check = JuheRequests.check(phone: "15698566598", faceValue: Self.twenty, credentials: Self.credentials)
        #expect(check.method == .get)
        #expect(check.target == "/telcheck?cardnum=20&phoneno=15698566598&key=0123456789abcdef0123456789abcdef")
        let status = JuheRequests.status(orderNo: "3712031200000012345", credentials: Self.credentials)
        #expect(status.target == "/ordersta?orderid=3712031200000012345&key=0123456789abcdef0123456789abcdef")
        let order = JuheRequests.order(
            orderNo: "3712031200000012345", phone: "15698566598", faceValue: Self.twenty, credentials: Self.credentials)
        #expect(order.method == .post && order.target == "/onlineorder")
        #expect(order.contentType == "application/x-www-form-urlencoded")
        let sign = JuheProtocol.sign(
            openID: Self.credentials.openID, key: Self.credentials.key, phone: "15698566598", cardNum: 20,
            orderID: "3712031200000012345")
        #expect(order.formValue("sign") == sign && order.formValue("orderid") == "3712031200000012345")
        #expect(order.formValue("cardnum") == "20" && order.formValue("phoneno") == "15698566598")
        #expect(JuheRequests.encoded([("key", "a b&c=d/é")]) == "key=a%20b%26c%3Dd%2F%C3%A9")
    }

    @Test func aQuoteReadsTheProductAndThePurchasePriceExactly() async throws {
        let recorder = Recorder(
            #"{"reason":"查询成功","result":{"cardid":"10674","cardname":"山西联通话费20元","inprice":"19.96","game_area":"山西太原联通"},"error_code":0}"#
        )
        let quote = try await recorder.client.quote(phone: "15698566598", faceValue: Self.twenty).get()
        #expect(quote == ProviderQuote(cardID: "10674", purchasePrice: 1996))
        #expect(recorder.last?.path == "/telquery")
        let numeric = Recorder(#"{"reason":"ok","result":{"cardid":191404,"inprice":98.4},"error_code":"0"}"#)
        #expect(
            try await numeric.client.quote(phone: "18913515635", faceValue: Self.twenty).get().purchasePrice == 9840)
    }

    @Test func amountsInYuanBecomeFenRoundedUp() {
        #expect(JuheAnswer.fen(ofYuan: "19.96") == 1996)
        #expect(JuheAnswer.fen(ofYuan: "5.000") == 500)
        #expect(JuheAnswer.fen(ofYuan: "49.25") == 4925)
        #expect(JuheAnswer.fen(ofYuan: "9.985") == 999)
        #expect(JuheAnswer.fen(ofYuan: "10") == 1000)
        #expect(JuheAnswer.fen(ofYuan: "1.5") == 150)
        for bad in ["", "-1", "1.", ".5", "1e3", "1,00", "1.23456", "abc", "10000000000"] {
            #expect(JuheAnswer.fen(ofYuan: bad) == nil, "\(bad)")
        }
    }

    @Test func ordersAndTheirStatesAreRead() async throws {
        let taken = Recorder(
            #"{"reason":"订单提交成功，等待充值","result":{"cardid":"1900212","cardnum":"1","ordercash":49.25,"cardname":"江苏电信话费50元直充","sporder_id":"J17022114321234567","uorderid":"3712031200000012345","game_userid":"18913515122","game_state":"0"},"error_code":0}"#
        )
        let order = try await taken.client.submit(
            orderNo: "3712031200000012345", phone: "18913515122", faceValue: FaceValue("50")!
        ).get()
        #expect(order == ProviderOrder(thirdNo: "J17022114321234567", progress: .charging))
        for (state, progress) in [("1", ProviderProgress.charged), ("9", .failed), ("-1", .failed), ("0", .charging)] {
            let answer = Recorder(
                #"{"reason":"查询成功","result":{"uordercash":"5.000","sporder_id":"S1","game_state":"\#(state)"},"error_code":0}"#
            )
            #expect(try await answer.client.status(orderNo: "3712031200000012345").get().progress == progress)
        }
    }

    @Test func refusalsSayWhetherTheOrderWasSurelyNotTaken() async throws {
        let wrongNumber = Recorder(#"{"reason":"错误的手机号码","result":null,"error_code":208505}"#)
        let refusal = try await wrongNumber.client.check(phone: "15698566598", faceValue: Self.twenty)
        #expect(refusal == ProviderRefusal(code: 208505, reason: "错误的手机号码", subject: .number, isDefinitive: true))
        let wrongAmount = Recorder(#"{"reason":"错误的充值金额","result":null,"error_code":208506}"#)
        let amount = try await wrongAmount.client.submit(
            orderNo: "37120312000000123", phone: "1", faceValue: Self.twenty)
        #expect(
            amount
                == .failure(ProviderRefusal(code: 208506, reason: "错误的充值金额", subject: .faceValue, isDefinitive: true)))
        let busy = Recorder(#"{"reason":"系统繁忙","result":null,"error_code":10014}"#)
        guard case .failure(let open) = try await busy.client.submit(orderNo: "x", phone: "1", faceValue: Self.twenty)
        else {
            Issue.record("a busy provider answered an order")
            return
        }
        #expect(!open.isDefinitive && open.subject == .other)
        let allowed = Recorder(#"{"reason":"允许充值的手机号码及金额","result":null,"error_code":0}"#)
        #expect(try await allowed.client.check(phone: "15698566598", faceValue: Self.twenty) == nil)
    }

    @Test func answersOutsideTheProtocolAreFailuresNotGuesses() async throws {
        let answers: [(String, HTTPStatus)] = [
            ("<html>bad gateway</html>", .badGateway), ("not json", .ok), (#"{"reason":"x"}"#, .ok),
            (#"{"reason":"ok","result":{"cardid":"1"},"error_code":0}"#, .ok),
            (#"{"reason":"ok","result":{"cardid":"1","inprice":"-3"},"error_code":0}"#, .ok),
            (#"{"reason":"ok","result":null,"error_code":0}"#, .ok),
        ]
        for (body, status) in answers {
            await #expect(throws: ProviderFailure.self, "\(body)") {
                try await Recorder(body, status: status).client.quote(phone: "15698566598", faceValue: Self.twenty)
            }
        }
        let unknownState = Recorder(#"{"reason":"ok","result":{"sporder_id":"J1","game_state":"7"},"error_code":0}"#)
        await #expect(throws: ProviderFailure.self) {
            try await unknownState.client.status(orderNo: "3712031200000012345")
        }
        let group = try EventLoopGroup(threads: 1)
        let http = HTTPClient(group: group)
        let closed = try ProviderEndpoint(url: "http://127.0.0.1:1/sandbox/juhe", variable: "PHONE_TOPUP_API_BASE")
        let unreachable = JuheClient(
            endpoint: closed, client: http, timeout: .seconds(5), credentials: Self.credentials)
        do {
            _ = try await unreachable.check(phone: "15698566598", faceValue: Self.twenty)
            Issue.record("an unreachable provider answered")
        } catch {
            #expect(error.cause == .unreachable)
            #expect(!error.detail.contains(Self.credentials.key))
        }
        http.shutdown()
        await group.shutdown()
    }
}
