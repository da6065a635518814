import JSON
import Testing

@Suite("Parse and serialize round trips")
struct RoundTripTests {
    @Test(
        "compact documents come back byte for byte",
        arguments: [
            #"{"z":1,"a":2,"m":{"y":true,"b":false,"k":null}}"#,
            #"[12345678901234567890.12345678,-0,1e10,1E-7,0.1,-12.50,1.5E+3]"#,
            #"{"code":"0000","msg":"ok","data":{"list":[],"total":0,"obj":{}}}"#,
            #""plain string""#,
            "-0",
            "null",
            "true",
            #"[[[]],[{}],{"":""}]"#,
            #"{"amount":"100.00","price":0.00012345,"count":9223372036854775807}"#,
        ])
    func compactDocumentsRoundTrip(_ text: String) throws {
        let value = try JSONValue.parse(text)
        #expect(value.serialized() == text)
        #expect(try JSONValue.parse(value.serializedBytes()) == value)
    }

    @Test("whitespace is dropped and key order kept")
    func whitespaceDropped() throws {
        let value = try JSONValue.parse(" {\n\t\"b\" : [ 1 , 2 ] ,\r\n \"a\" : { } } \n")
        #expect(value.serialized() == #"{"b":[1,2],"a":{}}"#)
        #expect(value.objectValue?.keys == ["b", "a"])
    }

    @Test("number text is kept exactly")
    func numberTextKept() throws {
        let value = try JSONValue.parse("[12345678901234567890.12345678, -0, 1e10, 1E-7]")
        let texts = value.arrayValue?.compactMap { $0.numberValue?.text }
        #expect(texts == ["12345678901234567890.12345678", "-0", "1e10", "1E-7"])
    }

    @Test("dictionary literals keep the written order")
    func literalOrder() {
        let data: JSONValue = ["orderNo": "c20181018999", "amount": .number(JSONNumber(text: "12.50")!)]
        let reply: JSONValue = .object(["code": "0000", "msg": "成功", "data": data, "sign": nil])
        let expected = #"{"code":"0000","msg":"成功","data":{"orderNo":"c20181018999","amount":12.50},"sign":null}"#
        #expect(reply.serialized() == expected)
    }

    @Test("omitting nils leaves absent fields out but keeps explicit nulls")
    func omittingNils() {
        let missing: JSONValue? = nil
        let reply = JSONValue(omittingNils: ["code": 200, "msg": "ok", "data": missing, "extra": .null, "time": "1"])
        #expect(reply.serialized() == #"{"code":200,"msg":"ok","extra":null,"time":"1"}"#)
    }

    @Test("a non-contiguous collection parses like an array")
    func nonContiguousInput() throws {
        let bytes = Array(#"{"a":[1,"x"]}"#.utf8)
        let lazyBytes = bytes.indices.lazy.map { bytes[$0] }
        #expect(try JSONValue.parse(lazyBytes) == JSONValue.parse(bytes))
    }

    @Test("serialize(into:) appends to what the buffer holds")
    func serializeAppends() {
        var buffer = Array("prefix:".utf8)
        JSONValue.array([1, "a"]).serialize(into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == #"prefix:[1,"a"]"#)
    }

    @Test("deeply built values serialize without recursion")
    func deepSerialization() throws {
        var value: JSONValue = ["leaf": 1]
        for index in 0..<500 { value = index.isMultiple(of: 2) ? [value] : ["k": value] }
        let text = value.serialized()
        #expect(text.hasPrefix("{\"k\":[{\"k\":["))
        let limits = JSONLimits(maxDepth: 600)
        #expect(try JSONValue.parse(text, limits: limits) == value)
    }
}
