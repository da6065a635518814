import JSON
import Testing

@Suite("Value accessors and objects")
struct AccessorTests {
    static let sample: JSONValue = [
        "id": 7, "name": "小明", "vip": true, "note": nil, "tags": ["a", "b"], "amount": "12.50",
        "big": .number(JSONNumber(text: "1.5e3")!),
    ]

    @Test("typed accessors answer only for their kind")
    func typedAccessors() {
        let value = Self.sample
        #expect(value["id"]?.intValue == 7)
        #expect(value["id"]?.stringValue == nil)
        #expect(value["name"]?.stringValue == "小明")
        #expect(value["vip"]?.boolValue == true)
        #expect(value["note"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(value["tags"]?.arrayValue?.count == 2)
        #expect(value["tags"]?[1] == "b")
        #expect(value["tags"]?[2] == nil)
        #expect(value.objectValue?.count == 7)
        #expect(value["amount"]?.intValue == nil)
        #expect(JSONValue.string("x")["key"] == nil)
    }

    @Test("scalarText reads parameters sent either as strings or as numbers")
    func scalarText() throws {
        let value = try JSONValue.parse(#"{"a":"1","b":1,"c":true,"d":null,"e":[1],"f":12.50,"g":{}}"#)
        #expect(value["a"]?.scalarText == "1")
        #expect(value["b"]?.scalarText == "1")
        #expect(value["c"]?.scalarText == "true")
        #expect(value["d"]?.scalarText == nil)
        #expect(value["e"]?.scalarText == nil)
        #expect(value["f"]?.scalarText == "12.50")
        #expect(value["g"]?.scalarText == nil)
    }

    @Test("setting an existing key keeps its position; new keys go to the end")
    func subscriptSetting() {
        var object: JSONObject = ["a": 1, "b": 2, "c": 3]
        object["b"] = "two"
        object["d"] = .null
        #expect(object.keys == ["a", "b", "c", "d"])
        #expect(object["b"] == "two")
        object["a"] = nil
        #expect(object.keys == ["b", "c", "d"])
        #expect(object.removeValue(forKey: "c") == 3)
        #expect(object.removeValue(forKey: "c") == nil)
        #expect(JSONValue.object(object).serialized() == #"{"b":"two","d":null}"#)
    }

    @Test("large objects find, replace and remove keys through their index")
    func largeObject() {
        var object = JSONObject((0..<40).map { ("k\($0)", JSONValue($0)) })
        #expect(object["k39"] == 39)
        object["k5"] = "five"
        #expect(object.keys[5] == "k5")
        for index in stride(from: 0, to: 40, by: 3) { object.removeValue(forKey: "k\(index)") }
        #expect(object.count == 26)
        #expect(object["k3"] == nil)
        #expect(object["k5"] == "five")
        #expect(object["k38"] == 38)
        #expect(object.keys.first == "k1")
        while object.count > 2 { object.removeValue(forKey: object.keys[0]) }
        #expect(object.keys == ["k37", "k38"])
        #expect(object["k38"] == 38)
        object["new"] = true
        #expect(object.keys == ["k37", "k38", "new"])
    }

    @Test("iteration, equality and hashing follow the key order")
    func orderMatters() {
        let first: JSONObject = ["x": 1, "y": 2]
        let second: JSONObject = ["y": 2, "x": 1]
        #expect(first.map(\.key) == ["x", "y"])
        #expect(first != second)
        #expect(first == JSONObject([("x", 1), ("y", 2)]))
        #expect(Set([JSONValue.object(first), .object(first), .object(second)]).count == 2)
    }

    @Test("a repeated key in a literal or pair list keeps the first position and the last value")
    func repeatedKeysWhenBuilding() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
    }

    @Test("merge appends new keys and replaces existing ones in place")
    func merge() {
        var object: JSONObject = ["code": "0000", "msg": "ok"]
        object.merge(["msg": "成功", "data": [1]])
        #expect(JSONValue.object(object).serialized() == #"{"code":"0000","msg":"成功","data":[1]}"#)
    }

    @Test("description is the compact serialization")
    func description() {
        let expected = #"{"id":7,"name":"小明","vip":true,"note":null,"tags":["a","b"],"amount":"12.50","big":1.5e3}"#
        #expect(Self.sample.description == expected)
        #expect("\(JSONValue(Int64(5)))" == "5")
    }
}
