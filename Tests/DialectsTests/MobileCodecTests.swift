import Catalog
import Dialects
import HTTPCore
import JSON
import Mesh
import Testing

@Suite("Mobile codec")
struct MobileCodecTests {
    let codec = MobileCodec()

    // MARK: decoding

    @Test func acceptsTheCatalogPathsOnly() {
        #expect(codec.accepts(request(.post, "/mobile/login")))
        #expect(codec.accepts(request(.get, "/mobile/code/validcode")))
        #expect(codec.accepts(request(.post, "/weixinapi/address")))
        #expect(codec.accepts(request(.post, "/web/member/checkpaypwd")))
        #expect(!codec.accepts(request(.get, "/mobile/member/shopcart")))
        #expect(!codec.accepts(request(.post, "/mobile/")))
        #expect(!codec.accepts(request(.post, "/api/user/login")))
    }

    @Test func aContextPathPrefixesEveryPath() throws {
        for given in ["/shop", "shop", "/shop/"] {
            let shop = MobileCodec(contextPath: given)
            #expect(shop.contextPath == "/shop")
            #expect(shop.accepts(request(.post, "/shop/mobile/login")))
            #expect(!shop.accepts(request(.post, "/mobile/login")))
            #expect(!shop.accepts(request(.post, "/shopmobile/login")))
        }
        let shop = MobileCodec(contextPath: "/shop")
        let call = try shop.decode(request(.post, "/shop/mobile/register", form: "username=a"))
        #expect(call.operation.name == "register")
        #expect(MobileCodec(contextPath: "/").contextPath == "")
    }

    @Test func loginFromAJSONBody() throws {
        let body = #"{"username":"13242322015","pwd":"secret1"}"#
        let call = try codec.decode(request(.post, "/mobile/login", json: body))
        #expect(call.dialect == .mobile)
        #expect(call.operation.name == "login")
        #expect(call.token == nil)
        #expect(call.parameters == ["username": "13242322015", "pwd": "secret1"])
    }

    @Test func phoneCodeFromAForm() throws {
        let form = "phone=13242322015&validcode=x7Kp&type=1"
        let call = try codec.decode(request(.post, "/mobile/phonecode", form: form))
        #expect(call.operation.name == "phonecode")
        #expect(call.parameters == ["phone": "13242322015", "validcode": "x7Kp", "type": "1"])
    }

    @Test func phoneCheckFromTheQueryString() throws {
        let call = try codec.decode(
            request(.get, "/mobile/member/phonecheck?phone=15698566598&facevalue=20", headers: ["token": "T-h"]))
        #expect(call.operation.name == "member/phonecheck")
        #expect(call.token == "T-h")
        #expect(call.parameters == ["phone": "15698566598", "facevalue": "20"])
    }

    @Test func theTokenComesFromTheHeaderThenTheParameterThenTheCookie() throws {
        let all = try codec.decode(
            request(.post, "/mobile/member/im?token=T-p", headers: ["token": "T-h", "Cookie": "token=T-c"]))
        #expect(all.token == "T-h")
        #expect(all.parameters.isEmpty)
        let parameterAndCookie = try codec.decode(
            request(.post, "/mobile/member/im", form: "token=T-p", headers: ["Cookie": "a=1; token=T-c"]))
        #expect(parameterAndCookie.token == "T-p")
        #expect(parameterAndCookie.parameters.isEmpty)
        let cookieOnly = try codec.decode(request(.post, "/mobile/member/im", headers: ["Cookie": "a=1; token=T-c"]))
        #expect(cookieOnly.token == "T-c")
        let none = try codec.decode(request(.post, "/mobile/member/im", headers: ["Cookie": "token="]))
        #expect(none.token == nil)
    }

    @Test func theCaptchaCookieBecomesAParameterUnlessOneIsGiven() throws {
        let fromCookie = try codec.decode(
            request(
                .post, "/mobile/phonecode", form: "phone=13800000000", headers: ["Cookie": "captchaId=c-1; token=T"]))
        #expect(fromCookie.parameters["captchaId"] == "c-1")
        let given = try codec.decode(
            request(.post, "/mobile/phonecode", form: "captchaId=c-2", headers: ["Cookie": "captchaId=c-1"]))
        #expect(given.parameters["captchaId"] == "c-2")
        let none = try codec.decode(
            request(.post, "/mobile/phonecode", form: "phone=1", headers: ["Cookie": "captchaId="]))
        #expect(none.parameters["captchaId"] == nil)
    }

    @Test func unknownPathsAndMethods() {
        let unknown = decodeFailure(request(.post, "/mobile/member/shopcart"))
        #expect(unknown?.kind == .noSuchOperation)
        #expect(unknown?.operation == nil)
        let reply = codec.encode(.failure(.noSuchOperation), call: nil, operation: nil)
        #expect(encoded(reply) == #"{"code":"300","msg":"操作失败"}"#)
        let page = decodeFailure(request(.get, "/mobile/login"))
        #expect(page?.kind == .noSuchOperation)
        #expect(page?.operation?.name == "login")
        #expect(page.map(encodedText)?.hasPrefix(#"{"memInfo"#) == false)
        #expect(page.map(encodedText)?.hasPrefix(#"{"code":"300","msg":"#) == true)
    }

    @Test(arguments: [#"{"username":"#, "[1]", "null"])
    func aJSONBodyThatIsNotAnObjectIsInvalid(body: String) {
        let failure = decodeFailure(request(.post, "/mobile/register", json: body))
        #expect(failure?.kind == .invalidParams)
        #expect(failure.map(encodedText)?.hasPrefix(#"{"code":"300","msg":"#) == true)
    }

    @Test func aTokenParameterThatIsNotTextIsInvalid() {
        let failure = decodeFailure(request(.post, "/mobile/member/im", json: #"{"token":["T"]}"#))
        #expect(failure?.kind == .invalidParams)
    }

    @Test func aMalformedMultipartBodyIsInvalidAndAGoodOneIsRead() throws {
        let type = "multipart/form-data; boundary=XyZ"
        let broken = decodeFailure(request(.post, "/mobile/register", body: "no parts here", type: type))
        #expect(broken?.kind == .invalidParams)
        let body =
            "--XyZ\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nwicky\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nignored\r\n--XyZ--\r\n"
        let call = try codec.decode(request(.post, "/mobile/register", body: body, type: type))
        #expect(call.parameters == ["username": "wicky"])
    }

    @Test func oversizeValuesDoNotCrash() throws {
        let picture = String(repeating: "QUJD", count: 500_000)
        let call = try codec.decode(
            request(.post, "/mobile/member/updateheadpic", form: "headpic=\(picture)", headers: ["token": "T"]))
        #expect(call.parameters["headpic"]?.stringValue?.count == picture.count)
        let long = String(repeating: "t", count: 100_000)
        let cookie = try codec.decode(request(.post, "/mobile/member/im", headers: ["Cookie": "token=\(long)"]))
        #expect(cookie.token?.count == long.count)
    }

    // MARK: encoding: the document's examples

    @Test func loginMatchesTheExampleAndSetsTheTokenCookie() {
        let memInfo: JSONValue = ["phone": "13242322015", "realName": nil, "sex": 1, "nickName": "Wickywe"]
        let example = encode("login", CanonicalReply(kind: .ok, message: "登录成功", data: ["memInfo": memInfo]))
        #expect(
            encoded(example)
                == #"{"memInfo":{"phone":"13242322015","realName":null,"sex":1,"nickName":"Wickywe"},"#
                + #""code":"200","msg":"登录成功"}"#)
        #expect(example.headers["Set-Cookie"] == nil)

        let withToken = encode("login", .ok(["memInfo": memInfo, "token": "tok_123"]))
        #expect(
            encoded(withToken)
                == #"{"memInfo":{"phone":"13242322015","realName":null,"sex":1,"nickName":"Wickywe"},"#
                + #""token":"tok_123","code":"200","msg":"操作成功"}"#)
        #expect(withToken.headers["Set-Cookie"] == "token=tok_123; Path=/; HttpOnly; SameSite=Lax")
        let shop = MobileCodec(contextPath: "/shop").encode(
            .ok(["token": "tok_123"]), call: nil, operation: operation("member/relatelogin"))
        #expect(encoded(shop) == #"{"code":"200","msg":"操作成功","token":"tok_123"}"#)
        #expect(shop.headers["Set-Cookie"] == "token=tok_123; Path=/shop; HttpOnly; SameSite=Lax")
        let badToken = encode("login", .ok(["token": "a b;c"]))
        #expect(badToken.headers["Set-Cookie"] == nil)
        let failed = encode("login", .failure(.wrongPassword, "密码错误"))
        #expect(encoded(failed) == #"{"code":"300","msg":"密码错误"}"#)
        #expect(failed.headers["Set-Cookie"] == nil)
    }

    @Test func genericTemplates() {
        #expect(
            encoded(encode("phonecode", CanonicalReply(kind: .ok, message: "校验码已发送")))
                == #"{"code":"200","msg":"校验码已发送"}"#)
        #expect(
            encoded(encode("checkcode", CanonicalReply(kind: .ok, message: "校验码正确")))
                == #"{"code":"200","msg":"校验码正确"}"#)
        #expect(encoded(encode("register", .failure(.accountExists))) == #"{"code":"300","msg":"操作失败"}"#)
        #expect(encoded(encode("member/modify", .ok(["addrId": 309]))) == #"{"code":"200","msg":"操作成功","addrId":309}"#)
    }

    @Test func addressListMatchesTheExample() throws {
        // The example of 收货地址列表 in the mobile mall API document.
        let list = try JSONValue.parse(
            #"""
            [{"id":290,"country":"CN","province":"101101","city":"101101101","area":"101101101101","countryName":null,
              "provinceName":"北京市","cityName":"北京","areaName":"东城区","detail":"dsfgdsg","postCode":"123456",
              "phone":"18122457730","tel":null,"reciver":"adds","isdefault":2,"memberId":289,
              "createtime":1466070586000,"updatetime":1466070586000,"page":null,"orderBy":null,"descOrAsc":null}]
            """#)
        #expect(
            encoded(encode("member/addr/addrList", .ok(list)))
                == #"{"data":[{"id":290,"country":"CN","province":"101101","city":"101101101","area":"101101101101","#
                + #""countryName":null,"provinceName":"北京市","cityName":"北京","areaName":"东城区","detail":"dsfgdsg","#
                + #""postCode":"123456","phone":"18122457730","tel":null,"reciver":"adds","isdefault":2,"#
                + #""memberId":289,"createtime":1466070586000,"updatetime":1466070586000,"page":null,"orderBy":null,"#
                + #""descOrAsc":null}],"#
                + #""code":"200","msg":"操作成功"}"#)
    }

    @Test func memberCentreWritesANumericCode() throws {
        // The example of 用户个人中心界面 in the mobile mall API document.
        let data = try JSONValue.parse(
            #"""
            {"member":{"tmRegisterType":7,"tmMemberActivate":1,"memberAccount":{"tmcMemberScore":2,
              "tmcAccountNo":"1606167314901","tmcEnableScore":2,"tmcId":287,"tmcBalance":0},"tmMemberType":1,
              "tmId":289,"headImg":"/headpic/1467797610127.jpg","tokenVo":{},"tmMemberPhone":"18122457730",
              "tmMemberGrade":0,"tmMemberNickname":"jack","tmVip":0},
             "couponNum":0,"orderStatusNums":{"11":5,"12":1,"13":14,"14":6,"15":34}}
            """#)
        #expect(
            encoded(encode("member/index", .ok(data)))
                == #"{"data":{"member":{"tmRegisterType":7,"tmMemberActivate":1,"memberAccount":{"tmcMemberScore":2,"#
                + #""tmcAccountNo":"1606167314901","tmcEnableScore":2,"tmcId":287,"tmcBalance":0},"tmMemberType":1,"#
                + #""tmId":289,"headImg":"/headpic/1467797610127.jpg","tokenVo":{},"tmMemberPhone":"18122457730","#
                + #""tmMemberGrade":0,"tmMemberNickname":"jack","tmVip":0},"couponNum":0,"#
                + #""orderStatusNums":{"11":5,"12":1,"13":14,"14":6,"15":34}},"code":200,"msg":"操作成功"}"#)
    }

    @Test func avatarAndPayPasswordWriteNumericCodes() {
        let picture = CanonicalReply(kind: .ok, message: "头像修改成功", data: #"\1466142745314.jpeg"#)
        let avatar = encode("member/updateheadpic", picture)
        #expect(encoded(avatar) == #"{"data":"\\1466142745314.jpeg","code":200,"msg":"头像修改成功"}"#)
        #expect(
            encoded(encode("member/updateheadpic", .failure(.invalidParams)))
                == #"{"data":null,"code":300,"msg":"操作失败"}"#)
        #expect(
            encoded(encode("member/paypwd", CanonicalReply(kind: .ok, message: "支付密码设置成功")))
                == #"{"code":200,"msg":"支付密码设置成功"}"#)
        #expect(
            encoded(encode("member/exchangescore", .ok(["balance": .number(JSONNumber(text: "2.5")!)])))
                == #"{"data":{"balance":2.5},"code":200,"msg":"操作成功"}"#)
    }

    @Test func rechargeAnswersItsOwnSuccessCode() {
        // The example of 生成一个充值待支付记录; its message ends with a space the code list does not have.
        let data: JSONValue = [
            "memberId": 250, "remark": " recharge account balance ", "totalFee": 10, "tradeNo": "250000145647647323838",
            "tradeType": 101, "createTime": 1_473_127_828_388, "payType": nil,
        ]
        #expect(
            encoded(encode("member/recharge", .ok(data)))
                == #"{"data":{"memberId":250,"remark":" recharge account balance ","totalFee":10,"#
                + #""tradeNo":"250000145647647323838","tradeType":101,"createTime":1473127828388,"payType":null},"#
                + #""code":308,"msg":"交易创建成功"}"#)
        #expect(
            encoded(encode("member/recharge", .failure(.payPasswordWrong)))
                == #"{"data":null,"code":221,"msg":"支付密码错误"}"#)
    }

    @Test func phoneCreditEndpoints() {
        #expect(encoded(encode("member/phonecheck", .ok())) == #"{"data":null,"code":"1000","msg":"允许充值"}"#)
        #expect(
            encoded(encode("member/phonecheck", .failure(.invalidParams, code: "208505")))
                == #"{"data":null,"code":"208505","msg":"错误的手机号码"}"#)
        #expect(
            encoded(encode("member/facevalue", .ok([10, 20, 30, 50, 100, 300])))
                == #"{"data":[10,20,30,50,100,300],"code":"200","msg":"操作成功"}"#)
        let charge: JSONValue = ["phone": "13660362850", "errorCode": 0, "orderNo": "3700001001609191584"]
        #expect(
            encoded(encode("member/phonecharge", .ok(charge)))
                == #"{"data":{"phone":"13660362850","errorCode":0,"orderNo":"3700001001609191584"},"#
                + #""code":"1005","msg":"充值进行中"}"#)
        let poor = CanonicalReply(kind: .insufficientBalance, data: ["errorCode": 1004, "reason": "账户余额不足"])
        #expect(
            encoded(encode("member/phonecharge", poor))
                == #"{"data":{"errorCode":1004,"reason":"账户余额不足"},"code":"1004","msg":"账户余额不足"}"#)
        #expect(
            encoded(encode("member/queryphone", .ok(["chargeStatus": 1])))
                == #"{"data":{"chargeStatus":1},"code":"1006","msg":"充值成功"}"#)
        #expect(
            encoded(encode("member/queryphone", CanonicalReply(kind: .ok, dialectCode: "1007")))
                == #"{"data":null,"code":"1007","msg":"查询无结果"}"#)
    }

    @Test func bareValuesAndFlags() {
        let account: JSONValue = ["pwd": "10109", "name": "EZ16010000582"]
        #expect(encoded(encode("member/im", .ok(account))) == #"{"pwd":"10109","name":"EZ16010000582"}"#)
        #expect(encoded(encode("checkusername", .ok(true))) == "true")
        #expect(encoded(encode("checkusername", .ok(false))) == "false")
        #expect(encoded(encode("checkusername", .failure(.internal))) == #"{"code":"300","msg":"操作失败"}"#)
        #expect(encoded(encode("member/addr/get", .failure(.notFound, "地址不存在"))) == #"{"code":"300","msg":"地址不存在"}"#)
        let areas: JSONValue = [["code": "110000", "name": "北京市"]]
        #expect(encoded(encode("area/list", .ok(areas))) == #"[{"code":"110000","name":"北京市"}]"#)
        #expect(encoded(encode("member/shopcart/save", .ok())) == "true")
        #expect(encoded(encode("member/shopcart/num", .ok(false))) == "false")
        #expect(encoded(encode("member/shopcart/del", .failure(.notLoggedIn))) == "false")
        #expect(encoded(encode("member/shopcart/save", .failure(.outOfStock, "库存不足"))) == "false")
        let cart: JSONValue = ["list": [], "totalNum": 0, "totalPrice": 0]
        #expect(
            encoded(encode("member/shopcart/list", CanonicalReply(kind: .ok, message: "操作成功", data: cart)))
                == #"{"data":{"list":[],"totalNum":0,"totalPrice":0},"code":"200","msg":"操作成功"}"#)
        #expect(encoded(encode("member/checkpaypwd", .ok(true))) == #"{"isSuccess":true,"data":true}"#)
        #expect(
            encoded(encode("member/checkpaypwd", .failure(.tokenInvalid)))
                == #"{"isSuccess":false,"code":"300","msg":"操作失败"}"#)
        #expect(encoded(encode("web/member/checkpaypwd", .ok(false))) == "false")
        #expect(encode("member/im", .ok()).headers["Content-Type"] == "application/json;charset=UTF-8")
    }

    @Test func theCatalogGivesEachMobileOperationItsDocumentsShape() {
        let shapes = Dictionary(
            uniqueKeysWithValues: OperationCatalog.operations(of: .mobile).map { ($0.name, $0.traits.mobileShape) })
        #expect(shapes["login"] == .fieldsFirst && shapes["code/validcode"] == .raw)
        #expect(shapes["member/checkpaypwd"] == .isSuccess && shapes["web/member/checkpaypwd"] == .bare)
        #expect(shapes["member/modify"] == .fieldsLast && shapes["member/saveinfo"] == .flag)
        #expect(shapes["register"] == .status && shapes["member/updateheadpic"] == .dataFirst)
    }

    @Test func traitsBelongToTheDialectsThatDocumentThem() {
        for operation in OperationCatalog.all {
            let traits = operation.traits
            if operation.dialect != .mobile {
                #expect(traits.mobileShape == .status && traits.successCode == nil, "\(operation.meshName)")
                #expect(!traits.numericCode && !traits.opensSession && !traits.carriesImage, "\(operation.meshName)")
            }
            #expect(!traits.signedReply || operation.dialect == .train, "\(operation.meshName)")
            #expect(!traits.allowsGuest || operation.dialect == .o2o, "\(operation.meshName)")
            #expect(!traits.changesSession || operation.service == .auth, "\(operation.meshName)")
        }
        let changing = OperationCatalog.all.filter(\.traits.changesSession).map(\.meshName).sorted()
        #expect(
            changing == [
                "mobile/member/relatelogin", "o2o/login", "o2o/loginWithSceneId", "train/checkPhoneCode",
                "yaf/user.logout",
            ])
    }

    // MARK: encoding: raw answers

    @Test func theCaptchaImageIsPassedThroughAsBytes() {
        // The first bytes of a JPEG file, base64: /9j/4AAQ.
        let reply = CanonicalReply.ok(
            ["contentType": "image/jpeg", "base64": "/9j/4AAQ", "cookies": ["captcha": "c-42"]])
        let response = encode("code/validcode", reply)
        #expect(response.status == .ok)
        #expect(response.body == [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10])
        #expect(response.headers["Content-Type"] == "image/jpeg")
        #expect(response.headers["Cache-Control"] == "no-store")
        #expect(response.headers["Set-Cookie"] == "captcha=c-42; Path=/; HttpOnly; SameSite=Lax")
    }

    @Test func malformedRawBodiesBecomeFailures() {
        for data: JSONValue in [
            ["contentType": "image/jpeg", "base64": "not base64!"],
            ["contentType": "image/jpeg\r\nX-Evil: 1", "base64": "/9j/4AAQ"],
            ["contentType": "image/jpeg", "base64": "/9j/4AAQ", "cookies": ["bad name": "v"]],
            ["base64": "/9j/4AAQ"],
            "just text",
        ] {
            let response = encode("code/validcode", .ok(data))
            #expect(encoded(response).hasPrefix(#"{"code":"300","msg":"#), "\(data)")
            #expect(response.headers["Content-Type"] == "application/json;charset=UTF-8")
        }
        #expect(encoded(encode("code/validcode", .failure(.rateLimited))) == #"{"code":"300","msg":"操作失败"}"#)
    }

    @Test func alipayIsARedirect() {
        let response = encode("alipay/bankspay", .ok(["location": "https://openapi.alipay.com/gateway.do?x=1"]))
        #expect(response.status.code == 302)
        #expect(response.headers["Location"] == "https://openapi.alipay.com/gateway.do?x=1")
        #expect(response.body.isEmpty)
        let split = encode("alipay/bankspay", .ok(["location": "https://a.example/\r\nSet-Cookie: x=1"]))
        #expect(split.status.code == 200)
        #expect(split.headers["Location"] == nil)
    }

    // MARK: helpers

    private func operation(_ name: String) -> Catalog.Operation? {
        OperationCatalog.find(.mobile, name: name)
    }

    private func encode(_ name: String, _ reply: CanonicalReply) -> HTTPResponse {
        let operation = operation(name)
        #expect(operation != nil, "\(name) is not a mobile operation")
        return codec.encode(reply, call: nil, operation: operation)
    }

    private func request(
        _ method: HTTPMethod, _ target: String, json: String? = nil, form: String? = nil, body: String? = nil,
        type: String? = nil, headers: HTTPHeaders = [:]
    ) -> HTTPRequest {
        var headers = headers
        var bytes: [UInt8] = []
        if let json {
            headers.add("Content-Type", "application/json")
            bytes = Array(json.utf8)
        } else if let form {
            headers.add("Content-Type", "application/x-www-form-urlencoded")
            bytes = Array(form.utf8)
        } else if let body {
            if let type { headers.add("Content-Type", type) }
            bytes = Array(body.utf8)
        }
        return HTTPRequest(method: method, target: target, headers: headers, body: bytes)
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
