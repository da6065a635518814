import Crypto
import Testing

@testable import OrdersService

/// The signing content of Alipay's requests and notifications, and the form encoding around them.
struct AlipaySignatureTests {
    static let parameters = [
        "method": "alipay.trade.query", "app_id": "9021000000000001", "sign_type": "RSA2", "sign": "xyz",
        "charset": "utf-8", "empty": "", "biz_content": "{\"out_trade_no\":\"20261203120000123456\"}",
        "timestamp": "2026-12-03 12:00:00", "notify_url": "https://a.example/n?x=1&y=2",
    ]

    @Test func aRequestSignsEveryNonEmptyParameterButSignSortedAndUnencoded() {
        #expect(
            AlipaySignature.requestContent(Self.parameters)
                == "app_id=9021000000000001&biz_content={\"out_trade_no\":\"20261203120000123456\"}&charset=utf-8"
                + "&method=alipay.trade.query&notify_url=https://a.example/n?x=1&y=2&sign_type=RSA2"
                + "&timestamp=2026-12-03 12:00:00")
    }

    @Test func aNotificationLeavesSignTypeOutToo() {
        let content = AlipaySignature.notificationContent(Self.parameters)
        #expect(!content.contains("sign_type") && !content.contains("sign="))
        #expect(content.hasPrefix("app_id=9021000000000001&biz_content="))
        #expect(content.hasSuffix("&timestamp=2026-12-03 12:00:00"))
    }

    @Test func namesSortByBytes() {
        let content = AlipaySignature.content(["b": "1", "B": "2", "a_b": "3", "aB": "4", "a": "5"], excluding: [])
        #expect(content == "B=2&a=5&aB=4&a_b=3&b=1")
    }

    @Test func signaturesVerifyOnlyUnderTheirKeyAndContent() throws {
        let content = AlipaySignature.requestContent(Self.parameters)
        let sign = try AlipaySignature.sign(content, key: AlipayTestSupport.appKey)
        let appPublic = try AlipayTestSupport.appKey.publicKey()
        #expect(AlipaySignature.verify(sign, of: Array(content.utf8), key: appPublic))
        #expect(!AlipaySignature.verify(sign, of: Array((content + "&x=1").utf8), key: appPublic))
        #expect(!AlipaySignature.verify(sign, of: Array(content.utf8), key: AlipayTestSupport.alipayPublicKey))
        #expect(!AlipaySignature.verify("not base64!", of: Array(content.utf8), key: appPublic))
        #expect(!AlipaySignature.verify("", of: Array(content.utf8), key: appPublic))
    }

    @Test func formsEncodeEveryReservedByteAndDecodeStrictly() throws {
        #expect(AlipayForm.percentEncoded("a b+c/d=é&~") == "a%20b%2Bc%2Fd%3D%C3%A9%26~")
        let encoded = AlipayForm.encode(["z": "1 2", "a": "中", "m": ""])
        #expect(encoded == "a=%E4%B8%AD&m=&z=1%202")
        #expect(try AlipayForm.decode(Array(encoded.utf8)) == ["a": "中", "m": "", "z": "1 2"])
        #expect(try AlipayForm.decode(Array("a=1+2&b=%2B".utf8)) == ["a": "1 2", "b": "+"])
        for broken in ["a=1&a=2", "a=%zz", "a=%FF", "=1", "a=%00", "a=%1B"] {
            #expect(throws: AlipayForm.Refusal.self, "\(broken)") { _ = try AlipayForm.decode(Array(broken.utf8)) }
        }
        #expect(try AlipayForm.decode(Array("a=line%0Abreak".utf8)) == ["a": "line\nbreak"])
        let many = (0...100).map { "f\($0)=1" }.joined(separator: "&")
        #expect(throws: AlipayForm.Refusal.self) { _ = try AlipayForm.decode(Array(many.utf8)) }
    }
}
