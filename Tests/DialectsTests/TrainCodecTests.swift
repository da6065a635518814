import Catalog
import Dialects
import Foundation
import HTTPCore
import JSON
import Testing

/// The key the train-ticket API document prints under every signed section.
private let trainDocumentKey = "319ceidcbweifbwi"

@Suite("Train signature")
struct TrainSignatureTests {
    // The vectors below were computed outside this code base, with `printf '%s' '<text>' | md5sum`, upper-cased.

    @Test func documentKeyVector() {
        // Text: code=061xYz&nonceStr=5K8264ILTKCH16CQ2502SI8ZNMTM67VS&key=319ceidcbweifbwi
        let fields: JSONObject = ["nonceStr": "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", "code": "061xYz"]
        #expect(TrainSignature.sign(fields, key: trainDocumentKey) == "DD56F96603CE4E833032C0B35CEB65C9")
    }

    @Test func valuesOfEveryKindSortedByByteOrder() throws {
        // Text (one line):
        // Zeta=z&amount=80.0&flag=true&list=[1,"2"]&nested={"b":1,"a":"x"}&nonceStr=abc&pageNum=1&pageSize=10
        // &key=k123
        let fields = try JSONValue.parse(
            #"""
            {"pageSize":10,"pageNum":1,"Zeta":"z","empty":"","nothing":null,"flag":true,"amount":80.0,
             "nested":{"b":1,"a":"x"},"list":[1,"2"],"nonceStr":"abc","sign":"IGNORED"}
            """#
        ).objectValue
        #expect(TrainSignature.sign(try #require(fields), key: "k123") == "58DB3DC74C09F6A0C85F3B4013994254")
    }

    @Test func nonASCIIValuesAreSignedAsUTF8() {
        // Text: indentity=411522198911174538&name=胡超&key=319ceidcbweifbwi
        let fields: JSONObject = ["name": "胡超", "indentity": "411522198911174538"]
        #expect(TrainSignature.sign(fields, key: trainDocumentKey) == "1772EC3AD5022A163D0EBABC02093FD4")
    }

    @Test func onlyTheKeyWhenNothingElseIsLeft() {
        // Text: key=319ceidcbweifbwi
        let fields: JSONObject = ["sign": "X", "blank": "", "none": .null]
        #expect(TrainSignature.sign(fields, key: trainDocumentKey) == "72B7A995441384A094B6CBF85183CD9D")
    }

    @Test func verifyAcceptsTheRightSignInEitherCaseOnly() {
        var fields: JSONObject = ["nonceStr": "5K8264ILTKCH16CQ2502SI8ZNMTM67VS", "code": "061xYz"]
        fields["sign"] = "DD56F96603CE4E833032C0B35CEB65C9"
        #expect(TrainSignature.verify(fields, key: trainDocumentKey))
        fields["sign"] = "dd56f96603ce4e833032c0b35ceb65c9"
        #expect(TrainSignature.verify(fields, key: trainDocumentKey))
        #expect(!TrainSignature.verify(fields, key: "another-key"))
        fields["sign"] = "DD56F96603CE4E833032C0B35CEB65C8"
        #expect(!TrainSignature.verify(fields, key: trainDocumentKey))
        fields["code"] = "changed"
        fields["sign"] = "DD56F96603CE4E833032C0B35CEB65C9"
        #expect(!TrainSignature.verify(fields, key: trainDocumentKey))
    }

    @Test func verifyRefusesMissingEmptyOrNonStringSigns() {
        var fields: JSONObject = ["code": "061xYz"]
        #expect(!TrainSignature.verify(fields, key: trainDocumentKey))
        fields["sign"] = ""
        #expect(!TrainSignature.verify(fields, key: trainDocumentKey))
        fields["sign"] = 12
        #expect(!TrainSignature.verify(fields, key: trainDocumentKey))
    }
}

@Suite("Train codec")
struct TrainCodecTests {
    let codec = TrainCodec(keys: ["XCX": trainDocumentKey])

    // MARK: decoding

    @Test func acceptsTheTrainPathsOnly() {
        #expect(codec.accepts(post("/api/v1/user/login")))
        #expect(codec.accepts(post("/api/v1/user/unknownThing")))
        #expect(!codec.accepts(post("/api/user/login")))
        #expect(!codec.accepts(post("/")))
    }

    @Test func loginFromAForm() throws {
        let data =
            #"{"code":"061xYz","nonceStr":"5K8264ILTKCH16CQ2502SI8ZNMTM67VS","#
            + #""sign":"DD56F96603CE4E833032C0B35CEB65C9"}"#
        let request = form("/api/v1/user/login", ["userRole": "customer", "appCode": "XCX", "data": data])
        let call = try codec.decode(request)
        #expect(call.dialect == .train)
        #expect(call.operation.name == "login")
        #expect(call.appID == "XCX")
        #expect(call.role == "customer")
        #expect(call.token == nil)
        #expect(call.claimedUserID == nil)
        #expect(call.nonce == "5K8264ILTKCH16CQ2502SI8ZNMTM67VS")
        #expect(call.parameters == ["code": "061xYz"])
        let fields = try #require(JSONValue.parse(data).objectValue)
        #expect(call.signature == .sortedFields(fields: fields, sign: "DD56F96603CE4E833032C0B35CEB65C9"))
        #expect(TrainSignature.verify(fields, key: trainDocumentKey))
    }

    @Test func orderListFromAJSONBodyWithDataAsAnObject() throws {
        let body = #"""
            {"userId":4,"userRole":"customer","appCode":"XCX",
             "data":{"pageNum":1,"pageSize":10,"nonceStr":"n1","sign":"S"}}
            """#
        let call = try codec.decode(json("/api/v1/user/getOrderList", body, loginKey: "LK-abc"))
        #expect(call.operation.name == "getOrderList")
        #expect(call.token == "LK-abc")
        #expect(call.claimedUserID == "4")
        #expect(call.parameters == ["pageNum": 1, "pageSize": 10])
        #expect(call.nonce == "n1")
        let fields: JSONObject = ["pageNum": 1, "pageSize": 10, "nonceStr": "n1", "sign": "S"]
        #expect(call.signature == .sortedFields(fields: fields, sign: "S"))
    }

    @Test func dataAsTextInsideAJSONBody() throws {
        let body = #"{"userId":"4","userRole":"business","appCode":"XCX","data":"{\"id\":9,\"sign\":\"S\"}"}"#
        let call = try codec.decode(json("/api/v1/user/cancleOrder", body, loginKey: "LK"))
        #expect(call.role == "business")
        #expect(call.parameters == ["id": 9])
        #expect(call.nonce == nil)
    }

    @Test func addContactsFromTheQueryString() throws {
        let data =
            #"{"indentity":"411522198911174538","name":"胡超","linkmanType":"成人","indentityType":"身份证","#
            + #""nonceStr":"n","sign":"S"}"#
        let query = encoded(["userId": "4", "userRole": "customer", "appCode": "XCX", "data": data])
        let call = try codec.decode(post("/api/v1/user/addContacts?\(query)", headers: ["loginKey": "LK"]))
        #expect(call.operation.name == "addContacts")
        #expect(call.parameters["name"] == "胡超")
        #expect(call.parameters.keys == ["indentity", "name", "linkmanType", "indentityType"])
    }

    @Test func aBodyParameterWinsOverTheQuery() throws {
        let data = #"{"nonceStr":"n","sign":"S"}"#
        let request = form(
            "/api/v1/user/selectContacts?userRole=business&appCode=Q",
            ["userId": "4", "userRole": "customer", "appCode": "XCX", "data": data], loginKey: "LK")
        let call = try codec.decode(request)
        #expect(call.role == "customer")
        #expect(call.appID == "XCX")
        #expect(call.parameters.isEmpty)
    }

    @Test func missingAppCodeIs0016() {
        let failure = decodeFailure(form("/api/v1/user/login", ["userRole": "customer", "data": #"{"sign":"S"}"#]))
        #expect(failure?.kind == .missingParameter)
        #expect(failure?.code == "0016")
        #expect(failure?.operation?.name == "login")
        #expect(encodedCode(failure) == "0016")
    }

    @Test func missingLoginKeyIs0007() {
        let failure = decodeFailure(form("/api/v1/user/getUserInfo", base(userId: "4")))
        #expect(failure?.kind == .notLoggedIn)
        #expect(failure?.code == "0007")
        #expect(encodedCode(failure) == "0007")
    }

    @Test func missingUserIdIs0008() {
        var fields = base(userId: nil)
        fields["userId"] = ""
        let failure = decodeFailure(form("/api/v1/user/getUserInfo", fields, loginKey: "LK"))
        #expect(failure?.kind == .missingParameter)
        #expect(failure?.code == "0008")
        #expect(encodedCode(failure) == "0008")
    }

    @Test func loginNeedsNeitherLoginKeyNorUserId() throws {
        let call = try codec.decode(form("/api/v1/user/login", base(userId: nil)))
        #expect(call.operation.name == "login")
    }

    @Test func missingOrUnknownUserRoleIs0013() {
        var fields = base(userId: "4")
        fields["userRole"] = nil
        let missing = decodeFailure(form("/api/v1/user/getUserInfo", fields, loginKey: "LK"))
        #expect(missing?.kind == .missingParameter)
        #expect(encodedCode(missing) == "0013")
        fields["userRole"] = "admin"
        let unknown = decodeFailure(form("/api/v1/user/getUserInfo", fields, loginKey: "LK"))
        #expect(unknown?.kind == .invalidParams)
        #expect(encodedCode(unknown) == "0013")
    }

    @Test func missingDataIs0013() {
        var fields = base(userId: "4")
        fields["data"] = nil
        let failure = decodeFailure(form("/api/v1/user/getUserInfo", fields, loginKey: "LK"))
        #expect(failure?.kind == .missingParameter)
        #expect(failure?.code == "0013")
    }

    @Test(arguments: ["not json", "{\"a\":", "[1,2]", "\"text\"", "12"])
    func dataThatIsNotAJSONObjectIs0013(data: String) {
        var fields = base(userId: "4")
        fields["data"] = data
        let failure = decodeFailure(form("/api/v1/user/getUserInfo", fields, loginKey: "LK"))
        #expect(failure?.kind == .invalidParams)
        #expect(failure?.code == "0013")
        #expect(encodedCode(failure) == "0013")
    }

    @Test func missingSignIs0018WhereTheSectionNamesTheKey() {
        var fields = base(userId: "4")
        fields["data"] = #"{"nonceStr":"n"}"#
        let failure = decodeFailure(form("/api/v1/user/getOrderList", fields, loginKey: "LK"))
        #expect(failure?.kind == .signatureMissing)
        #expect(failure?.code == "0018")
        #expect(encodedCode(failure) == "0018")
        fields["data"] = #"{"nonceStr":"n","sign":""}"#
        #expect(decodeFailure(form("/api/v1/user/getOrderList", fields, loginKey: "LK"))?.code == "0018")
    }

    @Test func missingOrEmptyNonceIs0013WhereTheSectionNamesTheKey() {
        var fields = base(userId: "4")
        for data in [#"{"sign":"S"}"#, #"{"nonceStr":"","sign":"S"}"#] {
            fields["data"] = data
            let failure = decodeFailure(form("/api/v1/user/payOrder", fields, loginKey: "LK"))
            #expect(failure?.kind == .missingParameter)
            #expect(failure?.code == "0013")
            #expect(encodedCode(failure) == "0013")
        }
    }

    @Test func otherOperationsMayLeaveSignOut() throws {
        var fields = base(userId: "4")
        fields["data"] = #"{}"#
        let bare = try codec.decode(form("/api/v1/user/getUserInfo", fields, loginKey: "LK"))
        #expect(bare.signature == nil)
        #expect(bare.nonce == nil)
        fields["data"] = #"{"nonceStr":"n","sign":"S"}"#
        let signed = try codec.decode(form("/api/v1/user/getUserInfo", fields, loginKey: "LK"))
        #expect(signed.signature == .sortedFields(fields: ["nonceStr": "n", "sign": "S"], sign: "S"))
        #expect(signed.nonce == "n")
    }

    @Test(arguments: [
        #"{"userId":{"id":4},"userRole":"customer","appCode":"XCX","data":{"sign":"S"}}"#,
        #"{"userId":"4","userRole":["customer"],"appCode":"XCX","data":{"sign":"S"}}"#,
        #"{"userId":"4","userRole":"customer","appCode":"XCX","data":12}"#,
        #"{"userId":"4","userRole":"customer","appCode":"XCX","data":[{"sign":"S"}]}"#,
        #"{"userId":"4","userRole":"customer","appCode":"XCX","data":{"sign":12}}"#,
        #"{"userId":"4","userRole":"customer","appCode":"XCX","data":{"sign":"S","nonceStr":{"n":1}}}"#,
        #"["userId","4"]"#,
        #"{"userId":"4","#,
    ])
    func wrongTypesAreInvalidParameters(body: String) {
        let failure = decodeFailure(json("/api/v1/user/getUserInfo", body, loginKey: "LK"))
        #expect(failure?.kind == .invalidParams)
        #expect(encodedCode(failure) == "0013")
    }

    @Test func aNonceLongerThan32CharactersIsRefused() {
        var fields = base(userId: "4")
        fields["data"] = #"{"nonceStr":"\#(String(repeating: "n", count: 33))","sign":"S"}"#
        let failure = decodeFailure(form("/api/v1/user/getUserInfo", fields, loginKey: "LK"))
        #expect(failure?.kind == .invalidParams)
        fields["data"] = #"{"nonceStr":"\#(String(repeating: "n", count: 32))","sign":"S"}"#
        #expect(decodeFailure(form("/api/v1/user/getUserInfo", fields, loginKey: "LK")) == nil)
    }

    @Test func oversizeValuesDoNotCrash() throws {
        let long = String(repeating: "x", count: 900_000)
        var fields = base(userId: long)
        fields["data"] = #"{"remark":"\#(long)","nonceStr":"n","sign":"S"}"#
        let call = try codec.decode(form("/api/v1/user/getUserInfo", fields, loginKey: long))
        #expect(call.claimedUserID?.count == long.count)
        #expect(call.parameters["remark"]?.stringValue?.count == long.count)

        fields["data"] = String(repeating: "[", count: 100_000)
        #expect(decodeFailure(form("/api/v1/user/getUserInfo", fields, loginKey: "LK"))?.kind == .invalidParams)
        fields["data"] = #"{"remark":"\#(String(repeating: "y", count: 2_000_000))","sign":"S"}"#
        #expect(decodeFailure(form("/api/v1/user/getUserInfo", fields, loginKey: "LK"))?.kind == .invalidParams)
    }

    @Test func unknownOperationsAndMethods() {
        let unknown = decodeFailure(form("/api/v1/user/deleteEverything", base(userId: "4"), loginKey: "LK"))
        #expect(unknown?.kind == .noSuchOperation)
        #expect(unknown?.operation == nil)
        #expect(encodedCode(unknown) == "9999")
        let get = decodeFailure(HTTPRequest(method: .get, target: "/api/v1/user/login"))
        #expect(get?.kind == .noSuchOperation)
        #expect(get?.operation?.name == "login")
    }

    // MARK: encoding

    @Test func orderListReplyMatchesTheDocumentExample() throws {
        // The example reply of 查询订单列表接口 in the train-ticket API document, without its comments.
        let data = try JSONValue.parse(
            #"""
            {
                "total":8, "pages":1,
                "datas": [ {
                    "id":9, "orderNo":"8818100520055000000100", "userId":4, "ticketIdentity":"411522198911174538",
                    "identityType":"身份证", "linkmanType":"成人", "ticketName":"胡超", "fromSite":"北京",
                    "toSite":"河南", "createDate":"2018-10-05 20:05:50", "orderStatus":"returning_amount",
                    "modifyDate":"2018-10-06 19:41:15", "orderAmount":80.0,
                    "ticketDetails": [
                        {"orderNo":"8818100520055000000100", "seatType":"硬座,硬卧", "departureDate":"2018-01-01",
                         "trainNum":"K180,K190"},
                        {"orderNo":"8818100520055000000100", "seatType":"硬座,硬卧", "departureDate":"2018-01-04",
                         "trainNum":"K180,K190"}
                    ]
                } ],
                "pageNum":1
            }
            """#)
        let response = codec.encode(.ok(data), call: nil, operation: operation("getOrderList"))
        let expected =
            #"{"code":"0000","msg":"成功","data":{"total":8,"pages":1,"datas":[{"id":9,"#
            + #""orderNo":"8818100520055000000100","userId":4,"ticketIdentity":"411522198911174538","#
            + #""identityType":"身份证","linkmanType":"成人","#
            + #""ticketName":"胡超","fromSite":"北京","toSite":"河南","createDate":"2018-10-05 20:05:50","#
            + #""orderStatus":"returning_amount","modifyDate":"2018-10-06 19:41:15","orderAmount":80.0,"#
            + #""ticketDetails":[{"orderNo":"8818100520055000000100","seatType":"硬座,硬卧","departureDate":"2018-01-01","#
            + #""trainNum":"K180,K190"},{"orderNo":"8818100520055000000100","seatType":"硬座,硬卧","#
            + #""departureDate":"2018-01-04","trainNum":"K180,K190"}]}],"pageNum":1}}"#
        #expect(text(response) == expected)
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "application/json;charset=UTF-8")
    }

    @Test func appConfigReplyMatchesTheDocumentExample() {
        // The example reply of 查询加油包配置接口 in the train-ticket API document, without its comments.
        let data: JSONValue = [
            ["amount": "20", "name": "铜小妞", "picture": "1"],
            ["amount": "40", "name": "银小妞", "picture": "12"],
            ["amount": "80", "name": "金小妞", "picture": "13"],
        ]
        let response = codec.encode(.ok(data), call: nil, operation: operation("appConfig"))
        #expect(
            text(response)
                == #"{"code":"0000","msg":"成功","data":[{"amount":"20","name":"铜小妞","picture":"1"},"#
                + #"{"amount":"40","name":"银小妞","picture":"12"},{"amount":"80","name":"金小妞","picture":"13"}]}"#)
    }

    @Test func failuresCarryTheTableCodeAndMessage() {
        let notLoggedIn = codec.encode(.failure(.tokenInvalid), call: nil, operation: operation("getUserInfo"))
        #expect(text(notLoggedIn) == #"{"code":"0006","msg":"用户未登陆","data":null}"#)
        let named = codec.encode(
            .failure(.alreadyExists, code: "0025"), call: nil, operation: operation("addContacts"))
        #expect(text(named) == #"{"code":"0025","msg":"该联系人已存在","data":null}"#)
        let ownMessage = codec.encode(.failure(.invalidState, "订单已支付", code: "1004"), call: nil, operation: nil)
        #expect(text(ownMessage) == #"{"code":"1004","msg":"订单已支付","data":null}"#)
        let undocumented = codec.encode(.failure(.internal, code: "4242"), call: nil, operation: nil)
        #expect(text(undocumented) == #"{"code":"9999","msg":"服务器异常","data":null}"#)
    }

    @Test func unknownOperationEncodesTheNoSuchAPICode() {
        let reply = DialectFailure(.noSuchOperation, "").reply
        #expect(text(codec.encode(reply, call: nil, operation: nil)) == #"{"code":"9999","msg":"服务器异常","data":null}"#)
    }

    @Test func repliesThatListSignAreSignedWithTheCallersKey() throws {
        let login = try codec.decode(form("/api/v1/user/login", base(userId: nil)))
        let data: JSONValue = ["userId": "4", "loginKey": "LK-abc"]
        // Text: loginKey=LK-abc&userId=4&key=319ceidcbweifbwi
        let signed = codec.encode(.ok(data), call: login, operation: login.operation)
        #expect(
            text(signed)
                == #"{"code":"0000","msg":"成功","data":{"userId":"4","loginKey":"LK-abc","#
                + #""sign":"052240D5E4AC29B99EBFF5B9EFF4E9D8"}}"#)

        let withoutCall = codec.encode(.ok(data), call: nil, operation: login.operation)
        #expect(text(withoutCall) == #"{"code":"0000","msg":"成功","data":{"userId":"4","loginKey":"LK-abc"}}"#)
        let unknownApp = TrainCodec(keys: [:]).encode(.ok(data), call: login, operation: login.operation)
        #expect(text(unknownApp) == text(withoutCall))
        let unsignedSection = codec.encode(.ok(data), call: login, operation: operation("selectContacts"))
        #expect(text(unsignedSection) == text(withoutCall))
    }

    // MARK: helpers

    private func base(userId: String?) -> [String: String] {
        var fields = ["userRole": "customer", "appCode": "XCX", "data": #"{"nonceStr":"n","sign":"S"}"#]
        fields["userId"] = userId
        return fields
    }

    private func decodeFailure(_ request: HTTPRequest) -> DialectFailure? {
        do {
            _ = try codec.decode(request)
            return nil
        } catch {
            return error
        }
    }

    private func encodedCode(_ failure: DialectFailure?) -> String? {
        guard let failure else { return nil }
        let response = codec.encode(failure.reply, call: nil, operation: failure.operation)
        return (try? JSONValue.parse(response.body))?["code"]?.stringValue
    }

    private func operation(_ name: String) -> Catalog.Operation? {
        OperationCatalog.find(.train, name: name)
    }

    private func post(_ target: String, headers: HTTPHeaders = [:]) -> HTTPRequest {
        HTTPRequest(method: .post, target: target, headers: headers)
    }

    private func form(_ target: String, _ fields: [String: String], loginKey: String? = nil) -> HTTPRequest {
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        if let loginKey { headers.add("loginKey", loginKey) }
        return HTTPRequest(method: .post, target: target, headers: headers, body: Array(encoded(fields).utf8))
    }

    private func json(_ target: String, _ body: String, loginKey: String? = nil) -> HTTPRequest {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let loginKey { headers.add("loginKey", loginKey) }
        return HTTPRequest(method: .post, target: target, headers: headers, body: Array(body.utf8))
    }

    private func encoded(_ fields: [String: String]) -> String {
        fields.sorted { $0.key < $1.key }.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
    }

    private func text(_ response: HTTPResponse) -> String {
        String(decoding: response.body, as: UTF8.self)
    }
}
