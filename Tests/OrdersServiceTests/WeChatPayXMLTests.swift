import Testing

@testable import OrdersService

/// The flat XML of WeChat Pay's v2 API, and the documents it must refuse.
struct WeChatPayXMLTests {
    static func decode(_ text: String) throws(WeChatPayXML.Refusal) -> [String: String] {
        try WeChatPayXML.decode(Array(text.utf8))
    }

    @Test func readsANotificationAsWeChatSendsIt() throws {
        let fields = try Self.decode(
            """
            <xml>
              <appid><![CDATA[wx2421b1c4370ec43b]]></appid>
              <attach><![CDATA[支付测试]]></attach>
              <mch_id><![CDATA[10000100]]></mch_id>
              <result_code><![CDATA[SUCCESS]]></result_code>
              <total_fee>1</total_fee>
              <out_trade_no>1409811653</out_trade_no>
              <note>a &lt; b &amp; c &#x4E2D;&#25991;</note>
            </xml>
            """)
        #expect(fields["appid"] == "wx2421b1c4370ec43b")
        #expect(fields["attach"] == "支付测试")
        #expect(fields["total_fee"] == "1")
        #expect(fields["note"] == "a < b & c 中文")
        #expect(fields.count == 7)
        #expect(try Self.decode("<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><a>1</a></xml>") == ["a": "1"])
    }

    @Test func encodingRoundTripsEvenTheCDATAEnd() throws {
        let fields = ["return_code": "SUCCESS", "return_msg": "OK", "tricky": "a]]>b<c>&d"]
        let text = WeChatPayXML.encode(fields)
        #expect(text.hasPrefix("<xml><return_code><![CDATA[SUCCESS]]></return_code>"))
        #expect(try Self.decode(text) == fields)
    }

    @Test func refusesWhatCouldFetchOrExpandAnything() {
        let hostile = [
            "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><a>&x;</a></xml>",
            "<xml><!DOCTYPE a><a>1</a></xml>",
            "<xml><a>&x;</a></xml>",
            "<xml><a>&#0;</a></xml>",
            "<xml><?php echo 1 ?><a>1</a></xml>",
            "<xml><a b=\"1\">1</a></xml>",
            "<xml><a><b>1</b></a></xml>",
            "<xml><a>1</a><a>2</a></xml>",
            "<xml><a>1</b></xml>",
            "<xml><a>1</a>",
            "<xml><a>1</a></xml><xml></xml>",
            "<root><a>1</a></root>",
            "<xml><a><![CDATA[1</a></xml>",
            "",
        ]
        for document in hostile {
            #expect(throws: WeChatPayXML.Refusal.self, "\(document)") { try Self.decode(document) }
        }
        let huge = "<xml><a>" + String(repeating: "x", count: WeChatPayXML.maximumBytes) + "</a></xml>"
        #expect(throws: WeChatPayXML.Refusal.self) { try Self.decode(huge) }
        #expect(throws: WeChatPayXML.Refusal.self) {
            try WeChatPayXML.decode([
                0x3C, 0x78, 0x6D, 0x6C, 0x3E, 0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E, 0x3C, 0x2F, 0x78, 0x6D,
                0x6C, 0x3E,
            ])
        }
    }
}
