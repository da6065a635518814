import Dialects
import Foundation
import JSON
import Testing

/// Regions through the gateway: the O2O mini-program's tree, hot cities and GPS lookup, the mobile
/// mall's three-level list, and the internal `regions.lookup` other services call.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct ContentRegionsTests {
    @Test func theO2OMiniProgramGetsTheTreeTheCitiesAndThePlaceOfAPoint() async throws {
        let client = try await ContentClient.start(seeded: true)
        do {
            let token = try await TestSessions.open(client.mesh, dialect: "o2o", account: 801)
            let provinces = try await client.call(.o2o, "area/tree", token: token, ["tier": 1])
            #expect(provinces.body["code"] == 0)
            let list = try #require(provinces.body["data"]?["list"]?.arrayValue)
            #expect(list.count == 34)
            #expect(list[0] == ["id": 110000, "area_id": 110000, "name": "北京市", "parent_id": 0])

            let full = try await client.call(.o2o, "area/tree", token: token)
            let beijing = try #require(full.body["data"]?["list"]?[0])
            let city = try #require(beijing["sub"]?[0])
            #expect(city["name"] == "北京市")
            #expect(city["parent_id"] == 110000)
            #expect(city["sub"]?[0] == ["id": 110101, "area_id": 110101, "name": "东城区", "parent_id": 110100])
            let twoTiers = try await client.call(.o2o, "area/tree", token: token, ["tier": "2"])
            #expect(twoTiers.body["data"]?["list"]?[0]?["sub"]?[0]?["sub"] == nil)
            for tier: JSONValue in [0, 4, "x", "-1"] {
                #expect(try await client.call(.o2o, "area/tree", token: token, ["tier": tier]).body["code"] == 10001)
            }
            #expect(try await client.call(.o2o, "area/tree").body["code"] == 10007)

            let cities = try await client.call(.o2o, "area/cities/withHot", token: token)
            let groups = try #require(cities.body["data"]?.objectValue)
            #expect(groups.keys.first == "热门")
            #expect(groups.keys.dropFirst() == groups.keys.dropFirst().sorted()[...])
            #expect(groups["热门"]?.arrayValue?.map { $0["name"] }.prefix(4) == ["北京市", "上海市", "广州市", "深圳市"])
            #expect(groups["热门"]?[0]?["sub"] == nil)
            #expect(groups["C"]?.arrayValue?.contains { $0["name"] == "重庆市" } == true)
            #expect(groups["C"]?.arrayValue?.contains { $0["name"] == "长沙市" } == true)
            #expect(groups["X"]?.arrayValue?.contains { $0["name"] == "厦门市" } == true)
            #expect(groups["S"]?.arrayValue?.contains { $0["name"] == "深圳市" } == true)
            #expect(
                groups.values.dropFirst().allSatisfy { group in
                    group.arrayValue?.allSatisfy { $0["parent_id"] != nil && $0["area_id"] != nil } ?? false
                })
            _ = try await client.adminData("config.set", ["key": "hot_city_codes", "value": ["440300"]])
            let changed = try await client.call(.o2o, "area/cities/withHot", token: token)
            #expect(
                changed.body["data"]?["热门"] == [["id": 440300, "area_id": 440300, "name": "深圳市", "parent_id": 440000]])

            let nanshan = try await client.call(.o2o, "area/getByGps", token: token, ["lng": "113.93", "lat": "22.53"])
            #expect(
                nanshan.body == [
                    "code": 0, "message": "请求成功",
                    "data": [
                        "province": "广东省", "province_id": 440000, "city": "深圳市", "city_id": 440300, "area": "南山区",
                        "area_id": 440305,
                    ],
                ])
            let xiantao = try await client.call(
                .o2o, "area/getByGps", token: token,
                ["lng": .number(JSONNumber(text: "113.45")!), "lat": .number(JSONNumber(text: "30.36")!)])
            #expect(xiantao.body["data"]?["city"] == "仙桃市")
            for (longitude, latitude): (JSONValue, JSONValue) in [
                ("139.69", "35.69"), ("2.35", "48.85"), ("0", "0"), ("126.98", "37.57"), ("181", "30"), ("abc", "30"),
                ("NaN", "30"), ("113.93", "95"), ("1e400", "30"),
            ] {
                let answer = try await client.call(
                    .o2o, "area/getByGps", token: token, ["lng": longitude, "lat": latitude])
                #expect(answer.body["code"] == 10001, "\(longitude),\(latitude): \(answer.body)")
            }
            let abroad = try await client.call(.o2o, "area/getByGps", token: token, ["lng": "139.69", "lat": "35.69"])
            #expect(abroad.body["message"] == "该位置不在中国境内")
            #expect(try await client.call(.o2o, "area/getByGps", token: token, ["lng": "113.93"]).body["code"] == 10001)
        } catch {
            await client.stop()
            throw error
        }
        await client.stop()
    }

    @Test func theMobileMallListsProvincesCitiesAndCounties() async throws {
        let client = try await ContentClient.start(seeded: false)
        do {
            let provinces = try await client.call(.mobile, "area/list", ["pcode": "1"])
            let list = try #require(provinces.body.arrayValue)
            #expect(list.count == 34)
            #expect(list[0] == ["code": "110000", "name": "北京市", "pcode": "1"])
            let cities = try await client.call(.mobile, "area/list", ["pcode": "440000"])
            #expect(cities.body.arrayValue?.contains(["code": "440300", "name": "深圳市", "pcode": "440000"]) == true)
            let counties = try await client.call(.mobile, "area/list", ["pcode": "440300"])
            #expect(counties.body.arrayValue?.map { $0["name"] }.contains("南山区") == true)
            #expect(try await client.call(.mobile, "area/list", ["pcode": "440305"]).body == [])
            let unknown = try await client.call(.mobile, "area/list", ["pcode": "999999"])
            #expect(unknown.body["code"] == "300")
            #expect(try await client.call(.mobile, "area/list", ["pcode": "' OR 1=1 --"]).body["code"] == "300")
        } catch {
            await client.stop()
            throw error
        }
        await client.stop()
    }

    @Test func otherServicesLookUpRegionCodes() async throws {
        let client = try await ContentClient.start(seeded: false)
        do {
            let found = try await client.internalCall(
                "regions.lookup", ["codes": ["110000", "110100", "110101", "999999", "110101"]])
            #expect(found["kind"] == "ok")
            let regions = try #require(found["data"]?["regions"]?.arrayValue)
            #expect(regions.map { $0["code"] } == ["110000", "110100", "110101"])
            #expect(regions[0]["parent_code"] == .null)
            #expect(regions[0]["level"] == 1)
            #expect(regions[1]["name"] == "北京市")
            #expect(regions[1]["level"] == 2)
            let county = regions[2]
            #expect(county.objectValue?.keys == ["code", "name", "level", "parent_code", "longitude", "latitude"])
            #expect(county["name"] == "东城区")
            #expect(county["parent_code"] == "110100")
            #expect(county["longitude"]?.stringValue.flatMap(Double.init).map { abs($0 - 116.41) < 0.05 } == true)
            #expect(county["latitude"]?.stringValue.flatMap(Double.init).map { abs($0 - 39.93) < 0.05 } == true)

            let tooMany = JSONValue.array((0..<101).map { .string(String(110_000 + $0)) })
            #expect(try await client.internalCall("regions.lookup", ["codes": tooMany])["kind"] == "invalid_params")
            #expect(try await client.internalCall("regions.lookup", ["codes": "110000"])["kind"] == "invalid_params")
            #expect(try await client.internalCall("regions.lookup", [:])["kind"] == "missing_parameter")
            #expect(try await client.internalCall("regions.lookup", ["codes": []])["data"] == ["regions": []])

            let outsider = try await client.mesh.send(
                .init(
                    method: .post, target: "/internal/regions.lookup", headers: ["Content-Type": "application/json"],
                    body: Array(#"{"codes":["110000"]}"#.utf8)),
                to: "content")
            #expect(outsider.status == .forbidden)
        } catch {
            await client.stop()
            throw error
        }
        await client.stop()
    }
}
