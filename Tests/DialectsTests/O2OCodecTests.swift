import Catalog
import Dialects
import HTTPCore
import JSON
import Mesh
import Testing

@Suite("O2O codec")
struct O2OCodecTests {
    let codec = O2OCodec()
    let referer = "https://servicewechat.com/wx1234567890abcdef/0/page-frame.html"

    // MARK: decoding

    @Test func acceptsTheO2OPathsOnly() {
        #expect(codec.accepts(HTTPRequest(method: .get, target: "/api/user/area/tree")))
        #expect(codec.accepts(HTTPRequest(method: .post, target: "/api/user/nothing")))
        #expect(!codec.accepts(HTTPRequest(method: .post, target: "/api/v1/user/login")))
        #expect(!codec.accepts(HTTPRequest(method: .get, target: "/api/users")))
    }

    @Test func wxLoginFromAJSONBodyTakesTheAppIDFromTheReferer() throws {
        let call = try codec.decode(request(.post, "/api/user/wxLogin", json: #"{"code":"user"}"#, referer: referer))
        #expect(call.dialect == .o2o)
        #expect(call.operation.name == "wxLogin")
        #expect(call.appID == "wx1234567890abcdef")
        #expect(call.token == nil)
        #expect(call.parameters == ["code": "user"])
    }

    @Test func loginFromAFormTakesTheTokenOut() throws {
        let call = try codec.decode(
            request(.post, "/api/user/login", form: "mobile=13800138000&verify_code=123456&token=T-1"))
        #expect(call.operation.name == "login")
        #expect(call.token == "T-1")
        #expect(call.parameters == ["mobile": "13800138000", "verify_code": "123456"])
    }

    @Test func getReadsTheQueryStringOnly() throws {
        let call = try codec.decode(
            request(.get, "/api/user/area/tree?tier=2&token=T-2", form: "tier=3&extra=1", referer: referer))
        #expect(call.operation.name == "area/tree")
        #expect(call.token == "T-2")
        #expect(call.parameters == ["tier": "2"])
    }

    @Test func merchantsNearMe() throws {
        let target =
            "/api/user/merchants?city_id=440100&keyword=%E7%81%AB%E9%94%85&lng=113.32&lat=23.13&radius=5000"
            + "&page=1&token=T"
        let call = try codec.decode(request(.get, target))
        #expect(call.operation.name == "merchants")
        #expect(call.parameters["keyword"] == "火锅")
        #expect(call.parameters.keys == ["city_id", "keyword", "lng", "lat", "radius", "page"])
    }

    @Test func postMergesTheQueryAndTheBodyWins() throws {
        let call = try codec.decode(
            request(.post, "/api/user/order/buy?token=T-3&number=9", json: #"{"goods_id":12,"number":2}"#))
        #expect(call.token == "T-3")
        #expect(call.parameters == ["number": 2, "goods_id": 12])
    }

    @Test func appIDFallsBackToTheParameter() throws {
        let plain = try codec.decode(request(.post, "/api/user/wxLogin", form: "code=c&appid=wxabc"))
        #expect(plain.appID == "wxabc")
        #expect(plain.parameters == ["code": "c"])
        let badReferer = try codec.decode(
            request(.post, "/api/user/wxLogin", form: "code=c&appid=wxabc", referer: "https://servicewechat.com//0/"))
        #expect(badReferer.appID == "wxabc")
        let otherSite = try codec.decode(
            request(.post, "/api/user/wxLogin", form: "code=c", referer: "https://example.com/wxevil/0/page.html"))
        #expect(otherSite.appID == nil)
        let refererWins = try codec.decode(
            request(.post, "/api/user/wxLogin", form: "code=c&appid=wxabc", referer: referer))
        #expect(refererWins.appID == "wx1234567890abcdef")
    }

    @Test func unknownOperationsAndMethods() {
        let unknown = decodeFailure(request(.get, "/api/user/secrets?token=T"))
        #expect(unknown?.kind == .noSuchOperation)
        #expect(unknown.map(encodedText)?.hasPrefix(#"{"code":10000,"message":"#) == true)
        let wrongMethod = decodeFailure(request(.post, "/api/user/area/tree", form: "token=T"))
        #expect(wrongMethod?.kind == .noSuchOperation)
        #expect(wrongMethod?.operation?.name == "area/tree")
    }

    @Test(arguments: [#"{"goods_id":"#, "[1,2]", #""text""#])
    func aJSONBodyThatIsNotAnObjectIsInvalid(body: String) {
        let failure = decodeFailure(request(.post, "/api/user/order/buy", json: body))
        #expect(failure?.kind == .invalidParams)
        #expect(failure.map(encodedText)?.hasPrefix(#"{"code":10001,"message":"#) == true)
    }

    @Test func aTokenThatIsNotTextIsInvalid() {
        let failure = decodeFailure(request(.post, "/api/user/order/buy", json: #"{"token":{"t":1},"goods_id":1}"#))
        #expect(failure?.kind == .invalidParams)
        let appid = decodeFailure(request(.post, "/api/user/wxLogin", json: #"{"appid":[1],"code":"c"}"#))
        #expect(appid?.kind == .invalidParams)
    }

    @Test func oversizeValuesDoNotCrash() throws {
        let long = String(repeating: "k", count: 2_000_000)
        let call = try codec.decode(request(.get, "/api/user/merchants?keyword=\(long)&token=T", referer: referer))
        #expect(call.parameters["keyword"]?.stringValue?.count == long.count)
        let nested = String(repeating: #"{"a":"#, count: 50_000)
        let deep = decodeFailure(request(.post, "/api/user/order/buy", json: nested))
        #expect(deep?.kind == .invalidParams)
    }

    // MARK: encoding

    @Test func refundReplyWrapsTheDocumentExample() {
        // The data of the refund example (退款接口) in the O2O mini-program API document.
        let data: JSONValue = [
            "id": 16, "order_id": 893_846_835, "order_no": "020180415222010166615", "amount": "0.01",
            "updated_at": "2018-04-16 19:30:45", "created_at": "2018-04-16 19:30:44",
            "refund_id": "50000206712018041604196575582", "status": 2,
        ]
        let response = codec.encode(.ok(data), call: nil, operation: OperationCatalog.find(.o2o, name: "order/refund"))
        #expect(
            encoded(response)
                == #"{"code":0,"message":"请求成功","data":{"id":16,"order_id":893846835,"#
                + #""order_no":"020180415222010166615","amount":"0.01","updated_at":"2018-04-16 19:30:45","#
                + #""created_at":"2018-04-16 19:30:44","refund_id":"50000206712018041604196575582","status":2}}"#)
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "application/json;charset=UTF-8")
    }

    @Test func successAlwaysHasADataObject() {
        let response = codec.encode(.ok(), call: nil, operation: OperationCatalog.find(.o2o, name: "login"))
        #expect(encoded(response) == #"{"code":0,"message":"请求成功","data":{}}"#)
    }

    @Test func failuresLeaveDataOutUnlessTheyCarrySome() {
        #expect(
            encoded(codec.encode(.failure(.tokenInvalid), call: nil, operation: nil))
                == #"{"code":10007,"message":"token无效或不存在"}"#)
        #expect(
            encoded(codec.encode(.failure(.notLoggedIn), call: nil, operation: nil))
                == #"{"code":10003,"message":"未登录"}"#)
        #expect(
            encoded(codec.encode(.failure(.unknownApp, "wx0 is not registered"), call: nil, operation: nil))
                == #"{"code":70011,"message":"wx0 is not registered"}"#)
        let withData = CanonicalReply(kind: .invalidParams, message: "", data: ["field": "mobile"])
        #expect(
            encoded(codec.encode(withData, call: nil, operation: nil))
                == #"{"code":10001,"message":"参数不合法","data":{"field":"mobile"}}"#)
        let named = CanonicalReply.failure(.internal, code: "70010")
        #expect(encoded(codec.encode(named, call: nil, operation: nil)) == #"{"code":70010,"message":"微信openId不存在"}"#)
    }

    // MARK: helpers

    private func request(
        _ method: HTTPMethod, _ target: String, json: String? = nil, form: String? = nil, referer: String? = nil
    ) -> HTTPRequest {
        var headers = HTTPHeaders()
        var body: [UInt8] = []
        if let json {
            headers.add("Content-Type", "application/json")
            body = Array(json.utf8)
        } else if let form {
            headers.add("Content-Type", "application/x-www-form-urlencoded")
            body = Array(form.utf8)
        }
        if let referer { headers.add("Referer", referer) }
        return HTTPRequest(method: method, target: target, headers: headers, body: body)
    }

    private func decodeFailure(_ request: HTTPRequest) -> DialectFailure? {
        do {
            _ = try codec.decode(request)
            return nil
        } catch {
            return error
        }
    }

    private func encodedText(_ failure: DialectFailure) -> String {
        encoded(codec.encode(failure.reply, call: nil, operation: failure.operation))
    }

    private func encoded(_ response: HTTPResponse) -> String {
        String(decoding: response.body, as: UTF8.self)
    }
}
