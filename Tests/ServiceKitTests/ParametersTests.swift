import JSON
import ServiceKit
import Testing

/// The one rule set every service reads parameters with.
@Suite struct ParametersTests {
    @Test func textIsTrimmedAndAbsentEmptyAndNullAreOne() throws {
        let parameters = Parameters(["a": "  hi\u{3000}", "b": "", "c": .null, "n": 12, "list": [1]])
        #expect(try parameters.text("a", maxLength: 2) == "hi")
        #expect(try parameters.text("b", maxLength: 2) == nil)
        #expect(try parameters.text("c", maxLength: 2) == nil)
        #expect(try parameters.text("zz", maxLength: 2) == nil)
        #expect(try parameters.text("n", maxLength: 2) == "12")
        #expect(throws: InputProblem("list", .notScalar)) { try parameters.text("list", maxLength: 9) }
        #expect(throws: InputProblem("b", .missing)) { try parameters.required("b", maxLength: 9) }
    }

    @Test func lengthsCountCharactersAsPostgreSQLDoes() throws {
        let parameters = Parameters(["name": "张三丰", "emoji": "👍🏽"])
        #expect(try parameters.text("name", maxLength: 3) == "张三丰")
        #expect(throws: InputProblem("name", .tooLong(maximum: 2))) { try parameters.text("name", maxLength: 2) }
        #expect(throws: InputProblem("emoji", .tooLong(maximum: 1))) { try parameters.text("emoji", maxLength: 1) }
    }

    @Test func controlCharactersAreRefusedExceptLineBreaksInMultilineText() throws {
        let parameters = Parameters(["one": "a\u{0}b", "two": "line 1\nline 2\tend"])
        #expect(throws: InputProblem.self) { try parameters.text("one", maxLength: 9, multiline: true) }
        #expect(throws: InputProblem.self) { try parameters.text("two", maxLength: 99) }
        #expect(try parameters.text("two", maxLength: 99, multiline: true) == "line 1\nline 2\tend")
    }

    @Test func updatesTellKeepFromClear() throws {
        let parameters = Parameters(["cleared": "", "null": .null, "set": "x"])
        #expect(try parameters.update("cleared", maxLength: 5) == "")
        #expect(try parameters.update("null", maxLength: 5) == nil)
        #expect(try parameters.update("absent", maxLength: 5) == nil)
        #expect(try parameters.update("set", maxLength: 5) == "x")
        #expect(parameters.has("null") && !parameters.has("absent"))
    }

    @Test func numbersAreWholeAndInRange() throws {
        let parameters = Parameters([
            "a": "42", "b": -1, "c": "4.5", "d": "1e3", "e": "99999999999999999999", "f": "+3",
        ])
        #expect(try parameters.integer("a", in: 1...100) == 42)
        #expect(try parameters.integer("b", in: -1...0) == -1)
        #expect(try parameters.id("a") == 42)
        for key in ["c", "d", "e", "f"] {
            #expect(throws: InputProblem.self, "\(key)") { try parameters.integer(key, in: Int64.min...Int64.max) }
        }
        #expect(throws: InputProblem.self) { try parameters.id("b") }
        #expect(throws: InputProblem("zz", .missing)) { try parameters.id("zz") }
    }

    @Test func moneyIsExactFen() throws {
        let parameters = Parameters([
            "a": "12.34", "b": .number(JSONNumber(text: "0.1")!), "c": "7", "d": "1.234", "e": "-1", "f": "1.",
            "g": ".5",
        ])
        #expect(try parameters.fen("a") == 1234)
        #expect(try parameters.fen("b") == 10)
        #expect(try parameters.fen("c") == 700)
        for key in ["d", "e", "f", "g"] {
            #expect(throws: InputProblem.self, "\(key)") { try parameters.fen(key) }
        }
        #expect(throws: InputProblem.self) { try parameters.fen("a", maximumFen: 1000) }
        #expect(Yuan.text(fen: 1234) == "12.34" && Yuan.shortText(fen: 250) == "2.5")
    }

    @Test func mobilesBooleansAndChoices() throws {
        let parameters = Parameters([
            "m": "13800000000", "bad": "23800000000", "t": "true", "z": 0, "x": "maybe", "k": "a",
        ])
        #expect(try parameters.mobile("m") == "13800000000")
        #expect(throws: InputProblem.self) { try parameters.mobile("bad") }
        #expect(try parameters.bool("t") == true && parameters.bool("z") == false)
        #expect(throws: InputProblem.self) { try parameters.bool("x") }
        #expect(try parameters.choice("k", among: ["a", "b"]) == "a")
        #expect(throws: InputProblem.self) { try parameters.choice("k", among: ["b"]) }
    }
}
