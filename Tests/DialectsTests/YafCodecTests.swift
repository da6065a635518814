import Catalog
import Dialects
import HTTPCore
import JSON
import Mesh
import Testing

/// The app base API (yaf) dialect's codec, checked against the requests and replies of its API document (003).
@Suite("App base API (yaf) codec")
struct YafCodecTests {
    /// The unformatted JSON of the document's signing example, and the signature it gives with the example secret.
    private static let documentData =
        #"{"method":"user.login","v":"1.0.0","appid":"ios_app_id","timestamp":"1493898621","#
        + #""unique_id":"68f66b5b72b864dd389748bffe112f4f","username":"18575202691","password":"123456"}"#
    private static let documentSecret = "7512100214f62d7de8ba01b281d6da02"
    private static let documentSign = "01E62683A5D2B7CD901F5F98C08F10EF"
    private let codec = YafCodec()

    /// Fixed parameters every test request carries unless it leaves one out on purpose.
    private static let fixed = #""v":"1.0.0","appid":"ios_app_id","timestamp":"1493898621""#

    /// `application/x-www-form-urlencoded` encoding that escapes every byte but the unreserved ones.
    private static func formEncoded(_ text: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        return text.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : "%" + hex($0) }.joined()
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    private static func formRequest(_ fields: [(String, String)], target: String = "/") -> HTTPRequest {
        let body = fields.map { "\(formEncoded($0.0))=\(formEncoded($0.1))" }.joined(separator: "&")
        return HTTPRequest(
            method: .post, target: target, headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Array(body.utf8))
    }

    private static func dataRequest(_ data: String, sign: String = "SIGN") -> HTTPRequest {
        formRequest([("data", data), ("sign", sign)])
    }

    private static func failure(_ decode: () throws(DialectFailure) -> ClientCall) -> DialectFailure? {
        do {
            _ = try decode()
            return nil
        } catch {
            return error
        }
    }

    private func decodeFailure(data: String) -> DialectFailure? {
        Self.failure { () throws(DialectFailure) in try codec.decode(Self.dataRequest(data)) }
    }

    private func encoded(_ reply: CanonicalReply, operation: String? = "user.login") -> String {
        let named = operation.flatMap { OperationCatalog.find(.yaf, name: $0) }
        return String(decoding: codec.encode(reply, call: nil, operation: named).body, as: UTF8.self)
    }

    // MARK: Recognising requests

    @Test func acceptsPostsToTheRootWithoutAnApiName() {
        #expect(codec.accepts(Self.dataRequest("{}")))
        #expect(!codec.accepts(Self.formRequest([("data", "{}")], target: "/?_apiname=user.user.login")))
        #expect(!codec.accepts(HTTPRequest(method: .get, target: "/")))
        #expect(!codec.accepts(Self.formRequest([("data", "{}")], target: "/api")))
    }

    // MARK: Decoding

    @Test func decodesTheDocumentsSignedLoginRequest() throws {
        let call = try codec.decode(Self.dataRequest(Self.documentData, sign: Self.documentSign))
        #expect(call.dialect == .yaf)
        #expect(call.operation.name == "user.login")
        #expect(call.appID == "ios_app_id")
        #expect(call.timestamp == "1493898621")
        #expect(call.token == nil)
        #expect(
            call.parameters
                == ["unique_id": "68f66b5b72b864dd389748bffe112f4f", "username": "18575202691", "password": "123456"])
        #expect(call.signature == .rawData(data: Self.documentData, sign: Self.documentSign))
        #expect(YafSignature.verify(sign: Self.documentSign, data: Self.documentData, secret: Self.documentSecret))
    }

    @Test func theSignedTextIsKeptExactlyAsPosted() throws {
        let data = "{ \"method\" : \"news.list\",\n " + Self.fixed + ", \"title\":\"端午 + 龙舟\", \"cat_id\":-1 }"
        let call = try codec.decode(Self.dataRequest(data))
        #expect(call.signature == .rawData(data: data, sign: "SIGN"))
        #expect(call.parameters == ["title": "端午 + 龙舟", "cat_id": -1])
    }

    @Test func theSessionTokenLeavesTheBusinessParameters() throws {
        let call = try codec.decode(
            Self.dataRequest(#"{"method":"user.detail","token":"dad3a37aa9d50688b5157698acfd7aee",\#(Self.fixed)}"#))
        #expect(call.token == "dad3a37aa9d50688b5157698acfd7aee")
        #expect(call.parameters.isEmpty)
        let anonymous = try codec.decode(Self.dataRequest(#"{"method":"system.init","token":"",\#(Self.fixed)}"#))
        #expect(anonymous.token == nil)
    }

    @Test func deviceFixedParametersStayForTheOperation() throws {
        let data =
            #"{"method":"system.upgrade",\#(Self.fixed),"app_v":"1.0.0","platform":1,"channel":"","#
            + #""device_token":"","unique_id":"u1"}"#
        let call = try codec.decode(Self.dataRequest(data))
        #expect(call.operation.name == "system.upgrade")
        #expect(
            call.parameters == ["app_v": "1.0.0", "platform": 1, "channel": "", "device_token": "", "unique_id": "u1"])
    }

    @Test func theUpgradeSectionsMethodValueReachesTheUpgradeOperation() throws {
        let call = try codec.decode(Self.dataRequest(#"{"method":"app.upgrade",\#(Self.fixed)}"#))
        #expect(call.operation.name == "system.upgrade")
    }

    @Test func aNumericTimestampCountsByItsText() throws {
        let call = try codec.decode(
            Self.dataRequest(#"{"method":"news.list","v":"1.0.0","appid":"a","timestamp":1493898621}"#))
        #expect(call.timestamp == "1493898621")
    }

    @Test func anEmptySignIsAbsent() throws {
        let call = try codec.decode(Self.dataRequest(#"{"method":"news.list",\#(Self.fixed)}"#, sign: ""))
        #expect(call.signature == .rawData(data: #"{"method":"news.list",\#(Self.fixed)}"#, sign: nil))
        let unsigned = try codec.decode(Self.formRequest([("data", #"{"method":"news.list",\#(Self.fixed)}"#)]))
        #expect(unsigned.signature == .rawData(data: #"{"method":"news.list",\#(Self.fixed)}"#, sign: nil))
    }

    @Test(arguments: [
        (#"{"v":"1.0.0","appid":"a","timestamp":"1"}"#, "504"),
        (#"{"method":"","v":"1.0.0","appid":"a","timestamp":"1"}"#, "504"),
        (#"{"method":null,"appid":"a","timestamp":"1"}"#, "504"),
        (#"{"method":"news.list","appid":"a","timestamp":"1"}"#, "505"),
        (#"{"method":"news.list","v":"","appid":"a","timestamp":"1"}"#, "505"),
        (#"{"method":"news.list","v":"1.0.0","timestamp":"1"}"#, "506"),
        (#"{"method":"news.list","v":"1.0.0","appid":null,"timestamp":"1"}"#, "506"),
        (#"{"method":"news.list","v":"1.0.0","appid":"a"}"#, "507"),
        (#"{"method":"news.list","v":"1.0.0","appid":"a","timestamp":""}"#, "507"),
        (#"{"method":"nothing.here"}"#, "505"),
        (#"{}"#, "504"),
    ])
    func eachMissingFixedParameterHasItsDocumentedCode(data: String, code: String) {
        let failure = decodeFailure(data: data)
        #expect(failure?.kind == .missingParameter)
        #expect(failure?.code == code)
        let response = failure.map { codec.encode($0.reply, call: nil, operation: $0.operation) }
        let body = response.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(body?.hasPrefix("{\"code\":\(code),\"msg\":") == true)
        #expect(body?.contains("\"data\"") == false)
    }

    @Test func aMissingFixedParameterOfAKnownMethodNamesTheOperation() {
        #expect(decodeFailure(data: #"{"method":"news.list"}"#)?.operation?.name == "news.list")
    }

    @Test func aRequestWithoutDataHasNoMethod() {
        for request in [Self.formRequest([("sign", "S")]), Self.formRequest([("data", ""), ("sign", "S")])] {
            let failure = Self.failure { () throws(DialectFailure) in try codec.decode(request) }
            #expect(failure?.kind == .missingParameter)
            #expect(failure?.code == "504")
        }
    }

    @Test func anUnknownMethodIsNoSuchOperationAnsweredWith509() {
        let failure = decodeFailure(data: #"{"method":"user.nothing",\#(Self.fixed)}"#)
        #expect(failure?.kind == .noSuchOperation)
        #expect(failure?.operation == nil)
        #expect(
            failure.map { encoded($0.reply, operation: nil) }
                == #"{"code":509,"msg":"the yaf API has no method user.nothing"}"#)
        #expect(encoded(.failure(.noSuchOperation), operation: nil) == #"{"code":509,"msg":"访问的接口不存在"}"#)
    }

    @Test(arguments: [
        #"{"method":"news.list","#, "method=news.list", #"["news.list"]"#, #""news.list""#, "null",
    ])
    func dataThatIsNotOneJSONObjectIsInvalid(data: String) {
        #expect(decodeFailure(data: data)?.kind == .invalidParams)
    }

    @Test(arguments: [
        #"{"method":7,"v":"1.0.0","appid":"a","timestamp":"1"}"#,
        #"{"method":"news.list","v":["1"],"appid":"a","timestamp":"1"}"#,
        #"{"method":"news.list","v":"1.0.0","appid":{"id":"a"},"timestamp":"1"}"#,
        #"{"method":"news.list","v":"1.0.0","appid":"a","timestamp":true}"#,
        #"{"method":"news.list","v":"1.0.0","appid":"a","timestamp":"yesterday"}"#,
        #"{"method":"news.list","v":"1.0.0","appid":"a","timestamp":1.5e9}"#,
        #"{"method":"news.list","v":"1.0.0","appid":"a","timestamp":"1","token":42}"#,
    ])
    func fixedParametersOfTheWrongTypeAreInvalid(data: String) {
        #expect(decodeFailure(data: data)?.kind == .invalidParams)
    }

    @Test func aFieldPostedTwiceIsInvalid() {
        let data = #"{"method":"news.list",\#(Self.fixed)}"#
        for fields in [[("data", data), ("data", data)], [("data", data), ("sign", "A"), ("sign", "B")]] {
            let failure = Self.failure { () throws(DialectFailure) in try codec.decode(Self.formRequest(fields)) }
            #expect(failure?.kind == .invalidParams)
        }
    }

    @Test func otherFormFieldsAreNotParameters() throws {
        let request = Self.formRequest([("data", #"{"method":"news.list",\#(Self.fixed)}"#), ("page", "2")])
        #expect(try codec.decode(request).parameters.isEmpty)
    }

    // MARK: Uploads

    private static let boundary = "----YafUploadBoundary7MA4YWxk"

    private static func multipartRequest(_ parts: [(headers: String, body: [UInt8])]) -> HTTPRequest {
        var body: [UInt8] = []
        for part in parts {
            body += Array("--\(boundary)\r\n\(part.headers)\r\n\r\n".utf8) + part.body + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return HTTPRequest(
            method: .post, target: "/", headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"],
            body: body)
    }

    private static let image: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0x2D, 0x2D]

    @Test func decodesAMultipartUploadWithTheFileOutsideTheSignature() throws {
        let data = #"{"method":"system.upload","token":"t0k3n",\#(Self.fixed)}"#
        let request = Self.multipartRequest([
            ("Content-Disposition: form-data; name=\"data\"", Array(data.utf8)),
            ("Content-Disposition: form-data; name=\"sign\"", Array("ABC".utf8)),
            (
                "Content-Disposition: form-data; name=\"image\"; filename=\"head.png\"\r\nContent-Type: image/png",
                Self.image
            ),
        ])
        let call = try codec.decode(request)
        #expect(call.operation.name == "system.upload")
        #expect(call.token == "t0k3n")
        #expect(call.signature == .rawData(data: data, sign: "ABC"))
        #expect(Array(call.parameters.keys) == ["image"])
        let file = call.parameters["image"].flatMap { YafUploadedFile(json: $0) }
        #expect(file == YafUploadedFile(filename: "head.png", contentType: "image/png", bytes: Self.image))
    }

    @Test func aMalformedOrAmbiguousMultipartBodyIsInvalid() {
        let data = Array(#"{"method":"system.upload",\#(Self.fixed),"image":"x"}"#.utf8)
        let broken = HTTPRequest(
            method: .post, target: "/", headers: ["Content-Type": "multipart/form-data; boundary=b"],
            body: Array("--b\r\nno end".utf8))
        let clash = Self.multipartRequest([
            ("Content-Disposition: form-data; name=\"data\"", data),
            ("Content-Disposition: form-data; name=\"image\"; filename=\"a.png\"", Self.image),
        ])
        let twice = Self.multipartRequest([
            ("Content-Disposition: form-data; name=\"data\"", data),
            ("Content-Disposition: form-data; name=\"data\"", data),
        ])
        let notText = Self.multipartRequest([("Content-Disposition: form-data; name=\"data\"", [0xFF, 0xFE])])
        for request in [broken, clash, twice, notText] {
            let failure = Self.failure { () throws(DialectFailure) in try codec.decode(request) }
            #expect(failure?.kind == .invalidParams)
        }
    }

    @Test func anUploadedFileReadsBackFromItsJSON() {
        let file = YafUploadedFile(filename: nil, contentType: nil, bytes: [1, 2, 3])
        #expect(file.json == ["size": 3, "base64": "AQID"])
        #expect(YafUploadedFile(json: file.json) == file)
        #expect(YafUploadedFile(json: ["size": 4, "base64": "AQID"]) == nil)
        #expect(YafUploadedFile(json: ["base64": "%%%"]) == nil)
    }

    // MARK: Encoding

    @Test func writesTheDocumentsRequestTokenReplyByteForByte() {
        #expect(
            encoded(.ok(["token": "b5a6ff4719eae157f0af837f94f915ca"]), operation: "system.request.token")
                == #"{"code":200,"msg":"success","data":{"token":"b5a6ff4719eae157f0af837f94f915ca"}}"#)
    }

    @Test func keepsTheTypesOfTheData() {
        let data: JSONValue = ["list": [], "total": 2, "page": 1, "count": 20, "isnext": false, "done_time": nil]
        #expect(
            encoded(.ok(data), operation: "notice.list")
                == #"{"code":200,"msg":"success","data":{"list":[],"total":2,"page":1,"count":20,"isnext":false,"#
                + #""done_time":null}}"#)
    }

    @Test func aSuccessWithoutDataIsCodeAndMessageAsTheLogoutExampleShows() {
        #expect(
            encoded(CanonicalReply(kind: .ok, message: "退出成功"), operation: "user.logout")
                == #"{"code":200,"msg":"退出成功"}"#)
        #expect(encoded(.ok(.null), operation: "sms.send") == #"{"code":200,"msg":"success"}"#)
    }

    @Test func anErrorNeverCarriesData() {
        let reply = CanonicalReply(kind: .wrongPassword, message: "账号或密码不正确", data: ["attempts": 3])
        #expect(encoded(reply) == #"{"code":503,"msg":"账号或密码不正确"}"#)
    }

    @Test func aCodeTheReplyNamesWinsWhenTheDocumentHasIt() {
        #expect(encoded(.failure(.codeExpired, code: "700")) == #"{"code":700,"msg":"短信验证码不正确"}"#)
        #expect(encoded(.failure(.tokenInvalid, code: "999")) == #"{"code":601,"msg":"登录超时，请重新登录"}"#)
    }

    @Test func theReplyIsJSONWithStatus200() {
        let response = codec.encode(.failure(.internal), call: nil, operation: nil)
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "application/json;charset=UTF-8")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"code":500,"msg":"服务器发生了异常"}"#)
    }

    // MARK: Signature

    @Test func theDocumentsWorkedExampleIsATestVector() {
        #expect(YafSignature.sign(data: Self.documentData, secret: Self.documentSecret) == Self.documentSign)
    }

    @Test func signsTheUTF8BytesOfTheText() {
        // MD5 of the UTF-8 bytes of {"method":"news.list","title":"端午"} followed by "secret", upper-case,
        // computed with Python's hashlib.
        #expect(
            YafSignature.sign(data: #"{"method":"news.list","title":"端午"}"#, secret: "secret")
                == "E87F2FE81A94A73F1A14F0491F279301")
    }

    @Test func verificationAcceptsOnlyTheExactUpperCaseSignature() {
        let data = Self.documentData
        let secret = Self.documentSecret
        #expect(YafSignature.verify(sign: Self.documentSign, data: data, secret: secret))
        #expect(!YafSignature.verify(sign: Self.documentSign.lowercased(), data: data, secret: secret))
        #expect(!YafSignature.verify(sign: Self.documentSign, data: data + " ", secret: secret))
        #expect(!YafSignature.verify(sign: Self.documentSign, data: data, secret: "other"))
        #expect(!YafSignature.verify(sign: "", data: data, secret: secret))
    }
}
