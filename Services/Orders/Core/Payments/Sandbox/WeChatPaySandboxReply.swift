import Crypto
import HTTPCore

/// The answers of the simulated WeChat Pay, as WeChat Pay writes them: `return_code` FAIL for a request
/// it cannot read or believe (unsigned), a signed `result_code` FAIL with `err_code` for a refused
/// business request, and a signed SUCCESS with the call's fields.
enum WeChatPaySandboxReply {
    static func fail(_ message: String) -> HTTPResponse {
        xml(WeChatPayXML.encode(["return_code": "FAIL", "return_msg": message]))
    }

    static func refused(
        _ code: String, _ description: String, merchant: WeChatPayMerchant, kind: WeChatPaySignature.Kind
    ) -> HTTPResponse {
        success(["result_code": "FAIL", "err_code": code, "err_code_des": description], merchant: merchant, kind: kind)
    }

    static func success(
        _ fields: [String: String], merchant: WeChatPayMerchant, kind: WeChatPaySignature.Kind
    ) -> HTTPResponse {
        var signed = fields
        signed["return_code"] = "SUCCESS"
        signed["return_msg"] = "OK"
        signed["appid"] = merchant.appID
        signed["mch_id"] = merchant.merchantID
        signed["nonce_str"] = SecureRandom.token(bytes: 12)
        signed["result_code"] = signed["result_code"] ?? "SUCCESS"
        signed["sign"] = WeChatPaySignature.sign(signed, key: merchant.apiKey, kind: kind)
        return xml(WeChatPayXML.encode(signed))
    }

    private static func xml(_ text: String) -> HTTPResponse {
        HTTPResponse(status: .ok, contentType: "text/xml; charset=utf-8", body: text)
    }
}
