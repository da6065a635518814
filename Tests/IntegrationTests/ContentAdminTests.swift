import Dialects
import Foundation
import JSON
import Testing

/// What the admin surface publishes reaches the apps: ads inside their windows, categories with the
/// document's `cat_code` scheme, links, news with paging, app versions per platform and channel, and
/// configuration keys (the train mini-program's `appConfig`).
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct ContentAdminTests {
    @Test func adsShowOnlyWhilePublishedAndInsideTheirWindow() async throws {
        let client = try await ContentClient.start(seeded: false)
        do {
            #expect(try await client.yaf("system.home")["data"] == ["ads": []])
            #expect(try await client.yaf("system.init")["data"]?["start_ad"] == [:])
            let ad = try await client.adminData(
                "ads.create",
                [
                    "position_code": "app_home", "name": "世界杯广告", "image_url": "/files/banner.png",
                    "target_url": "https://example.com/worldcup", "sort_order": 1,
                ])
            let id = try #require(ad["ad_id"])
            #expect(try await client.yaf("system.home")["data"] == ["ads": []])
            _ = try await client.adminData("ads.publish", ["ad_id": id])
            let shown = try await client.yaf("system.home")
            #expect(
                shown["data"]?["ads"] == [
                    [
                        "ad_id": id, "ad_name": "世界杯广告",
                        "ad_image_url": .string(ContentClient.publicBaseURL + "/files/banner.png"),
                        "ad_url": "https://example.com/worldcup",
                    ]
                ])
            #expect(try await client.yaf("system.ads", ["code": "app_home"])["data"]?["list"]?.arrayValue?.count == 1)

            _ = try await client.adminData(
                "ads.schedule", ["ad_id": id, "starts_at": .string(ContentNoticesTests.displayTime(days: 1))])
            #expect(try await client.yaf("system.home")["data"] == ["ads": []])
            _ = try await client.adminData(
                "ads.schedule",
                [
                    "ad_id": id, "starts_at": .string(ContentNoticesTests.displayTime(days: -3)),
                    "ends_at": .string(ContentNoticesTests.displayTime(days: -1)),
                ])
            #expect(try await client.yaf("system.home")["data"] == ["ads": []])
            _ = try await client.adminData(
                "ads.schedule",
                [
                    "ad_id": id, "starts_at": .string(ContentNoticesTests.displayTime(days: -1)),
                    "ends_at": .string(ContentNoticesTests.displayTime(days: 1)),
                ])
            #expect(try await client.yaf("system.home")["data"]?["ads"]?.arrayValue?.count == 1)
            let renamed = try await client.adminData("ads.update", ["ad_id": id, "name": "新名字"])
            #expect(renamed["name"] == "新名字")
            #expect(renamed["image_url"] == "/files/banner.png")
            _ = try await client.adminData("ads.withdraw", ["ad_id": id])
            #expect(try await client.yaf("system.home")["data"] == ["ads": []])

            let start = try await client.adminData(
                "ads.create",
                ["position_code": "app_start", "name": "启动页", "image_url": "https://cdn.example.com/s.png"])
            _ = try await client.adminData("ads.publish", ["ad_id": start["ad_id"] ?? nil])
            #expect(try await client.yaf("system.init")["data"]?["start_ad"]?["ad_name"] == "启动页")

            #expect(
                try await client.admin(
                    "ads.create", ["position_code": "bad code", "name": "x", "image_url": "/x.png"])["ok"] == false)
            #expect(
                try await client.admin(
                    "ads.create", ["position_code": "home", "name": "x", "image_url": "javascript:x"])["ok"] == false)
            #expect(
                try await client.admin("ads.create", ["position_code": "home", "image_url": "/x.png"])["error"]
                    == "missing_parameter")
            #expect(try await client.admin("ads.update", ["ad_id": 999_999, "name": "x"])["error"] == "not_found")
            #expect(try await client.admin("ads.nothing")["error"] == "no_such_operation")
            #expect(
                try await client.adminData("ads.list", ["position_code": "app_home"])["ads"]?.arrayValue?.count == 1)
        } catch {
            await client.stop()
            throw error
        }
        await client.stop()
    }

    @Test func categoriesLinksAndNewsFollowTheDocument() async throws {
        let client = try await ContentClient.start(seeded: false)
        do {
            let finance = try await client.adminData("categories.create", ["cat_type": 1, "name": "理财资讯"])
            #expect(finance["cat_code"] == "100000000000000000000000000000")
            #expect(finance["parentid"] == 0)
            let financeID = try #require(finance["cat_id"])
            let funds = try await client.adminData(
                "categories.create", ["cat_type": 1, "parent_id": financeID, "name": "基金"])
            #expect(funds["cat_code"] == "100100000000000000000000000000")
            let stocks = try await client.adminData(
                "categories.create", ["cat_type": 1, "parent_id": financeID, "name": "股票"])
            #expect(stocks["cat_code"] == "100101000000000000000000000000")
            let sports = try await client.adminData("categories.create", ["cat_type": 1, "name": "体育新闻"])
            #expect(sports["cat_code"] == "101000000000000000000000000000")
            let engines = try await client.adminData("categories.create", ["cat_type": 2, "name": "搜索引擎"])
            #expect(engines["cat_code"] == "102000000000000000000000000000")
            #expect(
                try await client.admin("categories.create", ["cat_type": 2, "parent_id": financeID, "name": "x"])["ok"]
                    == false)
            #expect(try await client.admin("categories.create", ["cat_type": 4, "name": "x"])["ok"] == false)

            let tree = try await client.yaf("system.category.list", ["parentid": 0, "cat_type": 1])
            let top = try #require(tree["data"]?.objectValue)
            #expect(top.keys == ["0_\(financeID.scalarText!)", "0_\(sports["cat_id"]!.scalarText!)"])
            #expect(top.values.first?["sub"]?.objectValue?.values.map { $0["cat_name"] } == ["基金", "股票"])

            let link = try await client.adminData(
                "links.create", ["cat_id": engines["cat_id"] ?? nil, "name": "Google", "url": "https://www.google.com"])
            #expect(try await client.yaf("system.link")["data"] == ["list": []])
            _ = try await client.adminData("links.publish", ["link_id": link["link_id"] ?? nil])
            #expect(
                try await client.yaf("system.link")["data"] == [
                    "list": [
                        [
                            "cat_id": engines["cat_id"]!, "cat_name": "搜索引擎",
                            "links": [["link_name": "Google", "link_url": "https://www.google.com", "image_url": ""]],
                        ]
                    ]
                ])
            #expect(
                try await client.admin("links.create", ["cat_id": financeID, "name": "x", "url": "https://x.example"])[
                    "ok"] == false)

            var ids: [JSONValue] = []
            for index in 1...23 {
                let category = index % 2 == 0 ? funds["cat_id"]! : stocks["cat_id"]!
                let article = try await client.adminData(
                    "news.create",
                    [
                        "cat_id": category, "title": .string("文章 \(index)"), "intro": "简介", "source": "中国科学院",
                        "content": "<p>正文</p>",
                    ])
                _ = try await client.adminData("news.publish", ["news_id": article["news_id"] ?? nil])
                ids.append(article["news_id"]!)
            }
            let draft = try await client.adminData("news.create", ["cat_id": funds["cat_id"] ?? nil, "title": "草稿"])
            let all = try await client.yaf("news.list", ["cat_id": -1, "page": 1])
            #expect(all["data"]?["total"] == 23)
            #expect(all["data"]?["isnext"] == true)
            #expect(all["data"]?["list"]?[0]?["news_id"] == ids.last)
            #expect(
                try await client.yaf("news.list", ["cat_id": -1, "page": 2])["data"]?["list"]?.arrayValue?.count == 3)
            #expect(try await client.yaf("news.list", ["cat_id": financeID, "page": 1])["data"]?["total"] == 23)
            #expect(try await client.yaf("news.list", ["cat_id": funds["cat_id"]!, "page": 1])["data"]?["total"] == 11)
            #expect(try await client.yaf("news.list", ["cat_id": sports["cat_id"]!, "page": 1])["data"]?["total"] == 0)
            #expect(try await client.yaf("news.list", ["cat_id": engines["cat_id"]!, "page": 1])["code"] == 503)
            #expect(try await client.yaf("news.detail", ["news_id": draft["news_id"]!])["code"] == 503)
            _ = try await client.adminData("news.withdraw", ["news_id": ids[0]])
            #expect(try await client.yaf("news.detail", ["news_id": ids[0]])["code"] == 503)
            #expect(try await client.admin("news.create", ["cat_id": engines["cat_id"]!, "title": "x"])["ok"] == false)

            #expect(try await client.admin("categories.delete", ["cat_id": financeID])["ok"] == false)
            let empty = try await client.adminData("categories.create", ["cat_type": 3, "name": "数码"])
            #expect(try await client.adminData("categories.delete", ["cat_id": empty["cat_id"]!])["deleted"] == true)
            #expect(try await client.yaf("system.category.list", ["parentid": 0, "cat_type": 3])["data"] == [])
        } catch {
            await client.stop()
            throw error
        }
        await client.stop()
    }

    @Test func versionsDecideTheUpgradePerPlatformAndChannel() async throws {
        let client = try await ContentClient.start(seeded: false)
        do {
            func publish(_ fields: JSONObject) async throws {
                let version = try await client.adminData("versions.create", fields)
                _ = try await client.adminData("versions.publish", ["version_id": version["version_id"]!])
            }
            try await publish([
                "platform": 2, "app_v": "1.1.0", "upgrade_way": 2, "title": "必须升级",
                "download_url": "https://example.com/1.1.0.apk",
            ])
            try await publish([
                "platform": 2, "app_v": "1.9.3", "upgrade_way": 1, "title": "端午节新版",
                "description": "闹龙舟", "download_url": "https://example.com/1.9.3.apk", "dialog_repeat": true,
            ])
            try await publish([
                "platform": 2, "channel": "huawei", "app_v": "1.10.0", "upgrade_way": 1, "title": "华为版",
                "download_url": "https://example.com/huawei-1.10.0.apk",
            ])
            try await publish(["platform": 1, "app_v": "2.0.0", "upgrade_way": 3, "title": "停用旧版"])
            let unpublished = try await client.adminData(
                "versions.create", ["platform": 2, "app_v": "5.0.0", "upgrade_way": 2, "title": "草稿"])
            #expect(unpublished["status"] == "draft")
            #expect(
                try await client.admin("versions.create", ["platform": 2, "app_v": "1.1.0", "upgrade_way": 1])["error"]
                    == "already_exists")
            #expect(
                try await client.admin("versions.create", ["platform": 2, "app_v": "1.x", "upgrade_way": 1])["ok"]
                    == false)
            #expect(
                try await client.admin("versions.create", ["platform": 3, "app_v": "1.0", "upgrade_way": 1])["ok"]
                    == false)

            let old = try await client.yaf("system.upgrade", ["app_v": "1.0.0", "platform": 2, "channel": ""])
            #expect(
                old["data"] == [
                    "upgrade_way": 2, "app_v": "1.9.3", "app_title": "端午节新版", "app_desc": "闹龙舟",
                    "app_url": "https://example.com/1.9.3.apk", "dialog_repeat": 1, "origin_v": "1.0.0",
                ])
            let suggested = try await client.yaf("system.init", ["app_v": "1.2", "platform": "2"])
            #expect(suggested["data"]?["upgrade"]?["upgrade_way"] == 1)
            let channel = try await client.yaf("app.upgrade", ["app_v": "1.9.3", "platform": 2, "channel": "huawei"])
            #expect(channel["data"]?["app_v"] == "1.10.0")
            #expect(channel["data"]?["app_url"] == "https://example.com/huawei-1.10.0.apk")
            #expect(
                try await client.yaf("system.upgrade", ["app_v": "1.9.3", "platform": 2])["data"]?["upgrade_way"] == 0)
            #expect(
                try await client.yaf("system.upgrade", ["app_v": "1.10.0", "platform": 2, "channel": "huawei"])[
                    "data"]?["upgrade_way"] == 0)
            let closed = try await client.yaf("system.upgrade", ["app_v": "1.0.0", "platform": 1])
            #expect(closed["data"]?["upgrade_way"] == 3)
            #expect(closed["data"]?["app_url"] == "")
            #expect(
                try await client.yaf("system.upgrade", ["app_v": "1.0.0", "platform": 3])["data"]?["upgrade_way"] == 0)
            #expect(try await client.yaf("system.upgrade", ["app_v": "", "platform": 2])["data"]?["upgrade_way"] == 0)
            _ = try await client.adminData("versions.withdraw", ["version_id": 1])
            #expect(
                try await client.yaf("system.upgrade", ["app_v": "1.0.0", "platform": 2])["data"]?["upgrade_way"] == 1)
        } catch {
            await client.stop()
            throw error
        }
        await client.stop()
    }

    @Test func configurationKeysReachTheTrainMiniProgram() async throws {
        let client = try await ContentClient.start(seeded: true)
        do {
            let token = try await TestSessions.open(client.mesh, dialect: "train", account: 701)
            let packs = try await client.call(
                .train, "appConfig", token: token, userID: "701", ["keyType": "refuel_bag"])
            #expect(
                packs.body == [
                    "code": "0000", "msg": "成功",
                    "data": [
                        ["amount": "20", "name": "铜小妞", "picture": "1"],
                        ["amount": "40", "name": "银小妞", "picture": "12"],
                        ["amount": "80", "name": "金小妞", "picture": "13"],
                    ],
                ])
            #expect(
                try await client.call(.train, "appConfig", token: token, userID: "701", ["keyType": "no_such_key"])
                    .body["code"] == "0013")
            #expect(
                try await client.call(.train, "appConfig", token: token, userID: "701", ["keyType": "'; DROP TABLE x"])
                    .body["code"] == "0013")
            #expect(try await client.call(.train, "appConfig", token: token, userID: "701").body["code"] == "0013")
            let anonymous = try await client.call(.train, "appConfig", ["keyType": "refuel_bag"]).body
            #expect(anonymous["code"] == "0006" || anonymous["code"] == "0007", "\(anonymous)")

            _ = try await client.adminData("config.set", ["key": "service_phone", "value": ["phone": "400-000-0000"]])
            #expect(
                try await client.call(.train, "appConfig", token: token, userID: "701", ["keyType": "service_phone"])
                    .body["data"]
                    == ["phone": "400-000-0000"])
            #expect(
                try await client.admin("config.set", ["key": "refuel_bag", "value": [["amount": 5]]])["ok"] == false)
            #expect(
                try await client.admin("config.set", ["key": "hot_city_codes", "value": ["110101"]])["ok"] == false)
            #expect(try await client.admin("config.set", ["key": "Bad Key", "value": 1])["ok"] == false)
            _ = try await client.adminData(
                "config.set", ["key": "app_about", "value": ["txt": "关于", "url": "https://example.com/about"]])
            #expect(
                try await client.yaf("system.init")["data"]?["app_about"] == [
                    "txt": "关于", "url": "https://example.com/about",
                ])
            #expect(
                try await client.adminData("config.get", ["key": "service_phone"])["value"] == ["phone": "400-000-0000"]
            )
            #expect(try await client.adminData("config.delete", ["key": "service_phone"])["deleted"] == true)
            #expect(try await client.admin("config.get", ["key": "service_phone"])["error"] == "not_found")
            #expect(try await client.adminData("config.list")["config"]?.arrayValue?.count == 6)
        } catch {
            await client.stop()
            throw error
        }
        await client.stop()
    }
}
