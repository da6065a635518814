import Dialects
import Foundation
import JSON
import Testing

/// Train passengers (the document's contacts): ID numbers checked (0023), duplicates refused (0025),
/// passenger types, the limit (0024), and one user never sees another's.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct UserPassengerTests {
    static func contact(_ identity: String, _ name: String, type: String = "成人") -> JSONObject {
        ["indentity": .string(identity), "name": .string(name), "linkmanType": .string(type), "indentityType": "身份证"]
    }

    @Test func passengersAreCheckedListedAndKeptApart() async throws {
        try await UserTestClient.withMesh(["auth", "user", "gateway"], environment: ["USER_PASSENGER_LIMIT": "3"]) {
            client in
            let (account, token) = try await client.signedIn(.train, mobile: "13800000021")
            func add(_ parameters: JSONObject) async throws -> JSONValue {
                try await client.call(.train, "addContacts", token: token, account: account, parameters)
            }
            let added = try await add(Self.contact("11010519491231002X", "胡超"))
            #expect(added["code"] == "0000" && added["data"] == .null)
            #expect(try await add(Self.contact("11010519491231002x", "胡超"))["code"] == "0025")
            #expect(try await add(Self.contact("440304199001011233", "李琳", type: "学生"))["code"] == "0000")

            for (identity, name) in [
                ("110105194912310039", "张三"), ("11010519491231002", "张三"), ("110105209901010011", "张三"),
                ("99010519491231002X", "张三"), ("440304199001011233' OR '1'='1", "张三"),
                ("110101201003074565", "张3"), ("110101201003074565", String(repeating: "张", count: 31)),
            ] {
                let reply = try await add(Self.contact(identity, name))
                #expect(reply["code"] == "0023", "\(identity) \(name): \(reply)")
            }
            #expect(try await add(Self.contact("110101201003074565", "小明", type: "老人"))["code"] == "0013")
            var passport = Self.contact("110101201003074565", "小明")
            passport["indentityType"] = "护照"
            #expect(try await add(passport)["code"] == "0013")
            var missing = Self.contact("110101201003074565", "小明")
            missing.removeValue(forKey: "name")
            #expect(try await add(missing)["code"] == "0013")
            var listed = Self.contact("110101201003074565", "小明")
            listed["indentity"] = ["110101201003074565"]
            #expect(try await add(listed)["code"] == "0023")

            #expect(try await add(Self.contact("110101201003074565", "小明", type: "儿童"))["code"] == "0000")
            #expect(try await add(Self.contact("310104198511110018", "赵四"))["code"] == "0024")

            let list = try await client.call(.train, "selectContacts", token: token, account: account)
            #expect(list["code"] == "0000")
            let passengers = try #require(list["data"]?.arrayValue)
            #expect(
                passengers.map { $0["indentity"] } == [
                    "11010519491231002X", "440304199001011233", "110101201003074565",
                ])
            #expect(passengers.map { $0["linkmanType"] } == ["成人", "学生", "儿童"])
            #expect(passengers.allSatisfy { $0["userId"] == .string(String(account)) && $0["status"] == "authened" })

            let (other, otherToken) = try await client.signedIn(.train, mobile: "13800000022")
            let otherList = try await client.call(.train, "selectContacts", token: otherToken, account: other)
            #expect(otherList["data"] == [])
            #expect(
                try await client.call(
                    .train, "addContacts", token: otherToken, account: other,
                    Self.contact("11010519491231002X", "胡超"))["code"] == "0000")
            let claimed = try await client.call(.train, "selectContacts", token: otherToken, account: account)
            #expect(claimed["code"] == "0006")

            let firstID = try #require(passengers[0]["id"])
            let own = try await client.internalCall(
                "contacts.get", ["account_id": .string(String(account)), "contact_id": firstID])
            #expect(own["kind"] == "ok" && own["data"]?["id_number"] == "11010519491231002X")
            let foreign = try await client.internalCall(
                "contacts.get", ["account_id": .string(String(other)), "contact_id": firstID])
            #expect(foreign["kind"] == "not_found")
        }
    }
}
