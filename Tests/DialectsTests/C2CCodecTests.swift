import Catalog
import Dialects
import HTTPCore
import JSON
import Mesh
import Testing

/// The C2C exchange dialect's codec, checked against the requests and replies of its API document (002).
@Suite("C2C exchange codec")
struct C2CCodecTests {
    /// The query of the document's "get customer details" request.
    private static let documentQuery =
        "mtoken=e856f9453a657db361881aebd78351af&cc=1539659992&ck=b7d7662bd8771012810857e2b9656bf5&_env={}"
    private static let serverTime = 1_539_667_765
    private let codec = C2CCodec(now: { C2CCodecTests.serverTime })

    private static func request(
        _ target: String, method: HTTPMethod = .post, body: String = "",
        contentType: String? = "application/json;charset=utf-8"
    ) -> HTTPRequest {
        var headers = HTTPHeaders()
        if let contentType { headers.add("Content-Type", contentType) }
        return HTTPRequest(method: method, target: target, headers: headers, body: Array(body.utf8))
    }

    private static func failure(_ decode: () throws(DialectFailure) -> ClientCall) -> DialectFailure? {
        do {
            _ = try decode()
            return nil
        } catch {
            return error
        }
    }

    private func encoded(_ reply: CanonicalReply, operation: String? = "user.user.getUserInfoById") -> String {
        let named = operation.flatMap { OperationCatalog.find(.c2c, name: $0) }
        return String(decoding: codec.encode(reply, call: nil, operation: named).body, as: UTF8.self)
    }

    // MARK: Recognising requests

    @Test func acceptsOnlyTheRootWithAnApiName() {
        #expect(codec.accepts(Self.request("/?_apiname=user.user.getUserInfoById")))
        #expect(codec.accepts(Self.request("/?mtoken=x&_apiname=anything", method: .get)))
        #expect(!codec.accepts(Self.request("/")))
        #expect(!codec.accepts(Self.request("/?data=1")))
        #expect(!codec.accepts(Self.request("/api?_apiname=user.user.getUserInfoById")))
    }

    @Test func theYafCodecTakesExactlyTheOtherRootRequests() {
        let yaf = YafCodec()
        let c2cRequest = Self.request("/?_apiname=user.user.getUserInfoById")
        let yafRequest = Self.request("/", contentType: "application/x-www-form-urlencoded")
        #expect(codec.accepts(c2cRequest) && !yaf.accepts(c2cRequest))
        #expect(yaf.accepts(yafRequest) && !codec.accepts(yafRequest))
    }

    // MARK: Decoding

    @Test func decodesTheDocumentsCustomerDetailsRequest() throws {
        let request = Self.request("/?_apiname=user.user.getUserInfoById&" + Self.documentQuery, body: #"{"id":"3"}"#)
        let call = try codec.decode(request)
        #expect(call.dialect == .c2c)
        #expect(call.operation.name == "user.user.getUserInfoById")
        #expect(call.parameters == ["id": "3"])
        #expect(call.token == "e856f9453a657db361881aebd78351af")
        #expect(call.timestamp == "1539659992")
        #expect(
            call.signature
                == .timeAndName(
                    cc: "1539659992", ck: "b7d7662bd8771012810857e2b9656bf5", apiName: "user.user.getUserInfoById"))
        #expect(call.appID == nil)
    }

    @Test func apiNameIsCaseInsensitiveAndSignedAsSent() throws {
        let request = Self.request("/?_apiname=USER.User.GETUSERINFOBYID&cc=1&ck=2", body: #"{"id":"3"}"#)
        let call = try codec.decode(request)
        #expect(call.operation.name == "user.user.getUserInfoById")
        #expect(call.signature == .timeAndName(cc: "1", ck: "2", apiName: "USER.User.GETUSERINFOBYID"))
    }

    @Test func theOrderSectionsSecondSpellingReachesTheSameOperation() throws {
        let call = try codec.decode(
            Self.request("/?_apiname=coin.coin.addOrder", body: #"{"coin_id":"1","volume":"10000","type":"1"}"#))
        #expect(call.operation.name == "order.order.addOrder")
        #expect(call.parameters == ["coin_id": "1", "volume": "10000", "type": "1"])
    }

    @Test func anEmptyBodyHasNoParametersWhateverItsContentType() throws {
        for contentType in [nil, "application/x-www-form-urlencoded", "application/json"] {
            let call = try codec.decode(
                Self.request("/?_apiname=user.payment.getPaymentList", body: " \r\n", contentType: contentType))
            #expect(call.parameters.isEmpty)
        }
    }

    @Test func absentSessionAndCheckFieldsStayAbsent() throws {
        let call = try codec.decode(Self.request("/?_apiname=user.user.login&mtoken=&cc=", body: "{}"))
        #expect(call.token == nil)
        #expect(call.timestamp == nil)
        #expect(call.signature == .timeAndName(cc: nil, ck: nil, apiName: "user.user.login"))
    }

    @Test func businessParametersMayRideInTheQueryButSystemOnesDoNot() throws {
        let request = Self.request(
            "/?_apiname=order.order.getOrderList&type=1&_env=%7B%7D&_=1539659992", body: #"{"page_size":"20"}"#)
        let call = try codec.decode(request)
        #expect(call.parameters == ["page_size": "20", "type": "1"])
    }

    @Test func unknownOrMissingApiNamesAreNoSuchOperation() {
        for target in ["/?_apiname=user.user.nothing", "/?_apiname="] {
            let failure = Self.failure { () throws(DialectFailure) in try codec.decode(Self.request(target)) }
            #expect(failure?.kind == .noSuchOperation)
            #expect(failure?.operation == nil)
        }
    }

    @Test func anotherMethodThanPostIsRefusedInTheDialect() {
        let failure = Self.failure { () throws(DialectFailure) in
            try codec.decode(Self.request("/?_apiname=user.user.getUserInfoById", method: .get))
        }
        #expect(failure?.kind == .noSuchOperation)
        #expect(failure?.operation?.name == "user.user.getUserInfoById")
    }

    @Test(arguments: [
        #"{"id":"3""#, "id=3", #"["3"]"#, #""3""#, "null",
    ])
    func aBodyThatIsNotOneJSONObjectIsInvalid(body: String) {
        let failure = Self.failure { () throws(DialectFailure) in
            try codec.decode(Self.request("/?_apiname=user.user.getUserInfoById", body: body))
        }
        #expect(failure?.kind == .invalidParams)
        #expect(failure?.operation?.name == "user.user.getUserInfoById")
    }

    @Test func aMultipartBodyIsInvalid() {
        let request = Self.request(
            "/?_apiname=user.payment.addPayment",
            body: "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b--",
            contentType: "multipart/form-data; boundary=b")
        let failure = Self.failure { () throws(DialectFailure) in try codec.decode(request) }
        #expect(failure?.kind == .invalidParams)
    }

    @Test(arguments: [
        "/?_apiname=user.user.getUserInfoById&mtoken=a&mtoken=b",
        "/?_apiname=user.user.getUserInfoById&_apiname=user.user.login",
        "/?_apiname=user.user.getUserInfoById&id=3&id=4",
        "/?_apiname=user.user.getUserInfoById&id=4",
    ])
    func ambiguousParametersAreInvalid(target: String) {
        let failure = Self.failure { () throws(DialectFailure) in
            try codec.decode(Self.request(target, body: #"{"id":"3"}"#))
        }
        #expect(failure?.kind == .invalidParams)
    }

    // MARK: Encoding

    @Test func writesTheDocumentsAddPaymentReplyByteForByte() {
        let reply = CanonicalReply.ok(["id": 10])
        #expect(
            encoded(reply, operation: "user.payment.addPayment")
                == #"{"code":"200","msg":"success","time":"1539667765","data":{"id":"10"}}"#)
    }

    @Test func writesTheDocumentsAssetsReplyByteForByte() {
        let data: JSONValue = [
            "available_balance": .number(JSONNumber(text: "158535.42328589")!),
            "freeze_balance": "75829.27561772",
            "delay_balance": .number(JSONNumber(text: "0.00000000")!),
        ]
        #expect(
            encoded(.ok(data), operation: "wallet.wallet.getUserAssets")
                == #"{"code":"200","msg":"success","time":"1539667765","data":{"available_balance":"158535.42328589","#
                + #""freeze_balance":"75829.27561772","delay_balance":"0.00000000"}}"#)
    }

    @Test func everyValueBecomesAStringAtEveryDepth() {
        let data: JSONValue = [
            "total_page": 11,
            "list": [
                ["order_no": "c20181018900", "price": .number(JSONNumber(text: "10.00")!), "close_time": nil],
                ["paid": true, "refunded": false, "tags": [1, "2", nil], "nested": ["depth": [3]]],
            ],
        ]
        #expect(
            encoded(.ok(data), operation: "order.order.getOrderList")
                == #"{"code":"200","msg":"success","time":"1539667765","data":{"total_page":"11","list":["#
                + #"{"order_no":"c20181018900","price":"10.00","close_time":""},"#
                + #"{"paid":"true","refunded":"false","tags":["1","2",""],"nested":{"depth":["3"]}}]}}"#)
    }

    @Test func scalarAndArrayDataAreStringsToo() {
        #expect(encoded(.ok(123)) == #"{"code":"200","msg":"success","time":"1539667765","data":"123"}"#)
        #expect(encoded(.ok([1, 2])) == #"{"code":"200","msg":"success","time":"1539667765","data":["1","2"]}"#)
    }

    @Test func aSuccessWithoutDataCarriesAnEmptyObjectAsTheOrderStatusExampleDoes() {
        let expected = #"{"code":"200","msg":"success","time":"1539667765","data":{}}"#
        #expect(encoded(.ok(), operation: "order.order.updateOrderStatus") == expected)
        #expect(encoded(.ok(.null), operation: "order.order.updateOrderStatus") == expected)
    }

    @Test func failuresUseTheTableAndCarryNoDataOfTheirOwn() {
        #expect(encoded(.failure(.notLoggedIn)) == #"{"code":"104","msg":"用户未登录","time":"1539667765"}"#)
        #expect(
            encoded(.failure(.invalidParams, "id must be a number"))
                == #"{"code":"404","msg":"id must be a number","time":"1539667765"}"#)
        let withData = CanonicalReply(kind: .insufficientBalance, data: ["available": 5])
        #expect(
            encoded(withData) == #"{"code":"30001","msg":"余额不足","time":"1539667765","data":{"available":"5"}}"#)
    }

    @Test func aCodeTheReplyNamesWinsWhenTheDocumentHasIt() {
        #expect(
            encoded(.failure(.invalidParams, code: "60040"), operation: "order.order.addOrder")
                == #"{"code":"60040","msg":"超出C2C最低买入金额","time":"1539667765"}"#)
        #expect(
            encoded(.failure(.invalidParams, code: "77777"))
                == #"{"code":"404","msg":"参数有误","time":"1539667765"}"#)
    }

    @Test func aDecodingFailureIsAnsweredWithoutAnOperation() {
        let failure = DialectFailure(.noSuchOperation, "")
        #expect(encoded(failure.reply, operation: nil) == #"{"code":"408","msg":"请求无效","time":"1539667765"}"#)
    }

    @Test func theReplyIsJSONWithStatus200AndTheServerTime() {
        let response = C2CCodec(now: { 42 }).encode(.failure(.internal), call: nil, operation: nil)
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "application/json;charset=utf-8")
        #expect(String(decoding: response.body, as: UTF8.self).contains(#""time":"42""#))
    }

    @Test func theCallsOperationIsUsedWhenNoneIsGiven() throws {
        let call = try codec.decode(Self.request("/?_apiname=wallet.wallet.getUserAssets"))
        let response = codec.encode(.ok(), call: call, operation: nil)
        #expect(
            String(decoding: response.body, as: UTF8.self)
                == #"{"code":"200","msg":"success","time":"1539667765","data":{}}"#)
    }

    // MARK: Check code

    @Test func checkCodesMatchIndependentlyComputedDigests() {
        // md5("1539659992" + "c2c-test-secret" + "user.user.getUserInfoById"), computed with Python's hashlib.
        #expect(
            C2CSignature.ck(cc: "1539659992", secret: "c2c-test-secret", apiName: "user.user.getUserInfoById")
                == "98257f04c8347d6a957b5f9bdac790b8")
        // md5("1539659992" + "c2c-test-secret" + "USER.user.GetUserInfoById"): the name is hashed as sent.
        #expect(
            C2CSignature.ck(cc: "1539659992", secret: "c2c-test-secret", apiName: "USER.user.GetUserInfoById")
                == "75534fb1f2079fdcaf2cbc8cd8740b98")
        // printf '%s' '1700000000k3yorder.order.addOrder' | md5sum
        #expect(
            C2CSignature.ck(cc: "1700000000", secret: "k3y", apiName: "order.order.addOrder")
                == "08996219b84b8751154ce28b851c23ae")
    }

    @Test func verificationAcceptsOnlyTheExactLowerCaseCode() {
        let good = "98257f04c8347d6a957b5f9bdac790b8"
        let name = "user.user.getUserInfoById"
        #expect(C2CSignature.verify(ck: good, cc: "1539659992", secret: "c2c-test-secret", apiName: name))
        #expect(!C2CSignature.verify(ck: good.uppercased(), cc: "1539659992", secret: "c2c-test-secret", apiName: name))
        #expect(!C2CSignature.verify(ck: good, cc: "1539659993", secret: "c2c-test-secret", apiName: name))
        #expect(!C2CSignature.verify(ck: good, cc: "1539659992", secret: "other", apiName: name))
        #expect(!C2CSignature.verify(ck: "", cc: "1539659992", secret: "c2c-test-secret", apiName: name))
    }
}
