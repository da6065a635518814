import Crypto
import JSON
import Testing

@testable import OrdersService

/// Alipay's API answers are believed only with Alipay's signature over the response object's exact text.
struct AlipayAnswerTests {
    static let method = "alipay.trade.query"

    static func signed(
        _ objectText: String, key: RSAPrivateKey = AlipayTestSupport.alipayKey, name: String? = nil
    )
        throws -> [UInt8]
    {
        let sign = try AlipaySignature.sign(objectText, key: key)
        let member = name ?? AlipayAnswer.responseKey(of: method)
        return Array("{\"\(member)\":\(objectText),\"sign\":\"\(sign)\"}".utf8)
    }

    static func read(_ body: [UInt8]) -> Result<JSONObject, AlipayError> {
        Result { () throws(AlipayError) in
            try AlipayAnswer.read(body, method: method, key: AlipayTestSupport.alipayPublicKey)
        }
    }

    @Test func theSignedTextIsTheObjectAsWrittenSpacesAndEscapesIncluded() throws {
        let text = """
            { "code":"10000", "msg":"Success","trade_no":"2026120322001412345678901234","nested":{"a":[1,{"b":"}"}]},\
            "quote":"a\\"}b","unicode":"\\u4e2d文","trade_status":"TRADE_SUCCESS"}
            """
        guard case .success(let response) = Self.read(try Self.signed(text)) else {
            Issue.record("a genuine answer was refused")
            return
        }
        #expect(response["trade_status"] == "TRADE_SUCCESS")
        #expect(response["quote"] == "a\"}b")
    }

    @Test func anAnswerWithoutItsSignatureIsNotBelieved() throws {
        let text = "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_status\":\"TRADE_SUCCESS\"}"
        let genuine = try Self.signed(text)
        var tampered = String(decoding: genuine, as: UTF8.self)
        tampered = tampered.replacingOccurrences(of: "TRADE_SUCCESS", with: "TRADE_CLOSED")
        let otherKey = try Self.signed(text, key: AlipayTestSupport.appKey)
        let unsigned = Array("{\"\(AlipayAnswer.responseKey(of: Self.method))\":\(text)}".utf8)
        let respaced = Array(
            String(decoding: genuine, as: UTF8.self).replacingOccurrences(of: "\"msg\"", with: " \"msg\"").utf8)
        for body in [Array(tampered.utf8), otherKey, unsigned, respaced] {
            #expect(Self.read(body).failureKind == .badSignature)
        }
    }

    @Test func refusalsCarryAlipaysCodes() throws {
        let text =
            "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.TRADE_NOT_EXIST\",\"sub_msg\":\"交易不存在\"}"
        guard case .failure(let error) = Self.read(try Self.signed(text)) else {
            Issue.record("a refusal was read as a success")
            return
        }
        #expect(error.kind == .refused && error.code == "40004" && error.subCode == "ACQ.TRADE_NOT_EXIST")
        #expect(!error.outcomeUnknown)
        let gateway = "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\",\"sub_code\":\"isv.invalid-signature\"}"
        let refused = Self.read(try Self.signed(gateway, name: "error_response"))
        #expect(refused.failureKind == .refused)
    }

    @Test func malformedAnswersAreSaidToBeSo() throws {
        for text in ["", "[]", "{\"alipay_trade_close_response\":{}}", "{\"alipay_trade_query_response\":\"x\"}", "{"] {
            #expect(Self.read(Array(text.utf8)).failureKind == .malformedAnswer, "\(text)")
        }
    }

    @Test func theSimulatorsAnswersReadBack() throws {
        let object: JSONObject = ["code": "10000", "msg": "Success", "subject": "充值 \"引号\" </script>"]
        let text = try AlipayAnswer.signed(
            object, key: "alipay_trade_query_response", with: AlipayTestSupport.alipayKey)
        guard case .success(let response) = Self.read(Array(text.utf8)) else {
            Issue.record("the simulator's answer was refused")
            return
        }
        #expect(response == object)
    }
}

extension Result where Failure == AlipayError {
    var failureKind: AlipayError.Kind? {
        if case .failure(let error) = self { return error.kind }
        return nil
    }
}
