import Dialects
import Foundation
import JSON
import Testing

/// Notices and messages through the gateway: what the admin publishes reaches the users, each user's
/// read state is their own, and display windows hide what is not due.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct ContentNoticesTests {
    /// `yyyy-MM-dd HH:mm:ss` in Asia/Shanghai, `days` from now.
    static func displayTime(days: Double) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date().addingTimeInterval(days * 86_400))
    }

    @Test func aPublishedNoticeAppearsUnreadForALoggedInUser() async throws {
        let client = try await ContentClient.start(seeded: false)
        do {
            let reader = try await TestSessions.open(client.mesh, dialect: "yaf", account: 501)
            let other = try await TestSessions.open(client.mesh, dialect: "yaf", account: 502)
            #expect(
                try await client.yaf("notice.unread.count", token: reader) == [
                    "code": 200, "msg": "success", "data": ["count": 0],
                ])
            #expect(try await client.yaf("notice.list", token: reader, ["page": 1])["data"]?["total"] == 0)

            let created = try await client.adminData(
                "notices.create", ["title": "五一放假安排", "summary": "平台放假时间如下。", "body": "5 月 1 日至 5 日放假。"])
            #expect(created["status"] == "draft")
            let id = try #require(created["notice_id"])
            #expect(try await client.yaf("notice.unread.count", token: reader)["data"]?["count"] == 0)
            #expect(try await client.adminData("notices.publish", ["notice_id": id])["status"] == "published")

            let listed = try await client.yaf("notice.list", token: reader, ["page": 1])
            #expect(listed["data"]?["total"] == 1)
            let item = try #require(listed["data"]?["list"]?[0])
            #expect(item["noticeid"] == id)
            #expect(item["title"] == "五一放假安排")
            #expect(item["is_read"] == 0)
            #expect(try await client.yaf("notice.unread.count", token: reader)["data"]?["count"] == 1)
            #expect(try await client.yaf("notice.list", ["page": 1])["data"]?["list"]?[0]?["is_read"] == nil)

            let detail = try await client.yaf("notice.detail", token: reader, ["noticeid": id])
            #expect(detail["data"]?["body"] == "5 月 1 日至 5 日放假。")
            #expect(detail["data"]?.objectValue?.keys == ["noticeid", "title", "summary", "body", "c_time"])
            #expect(try await client.yaf("notice.unread.count", token: reader)["data"]?["count"] == 0)
            #expect(
                try await client.yaf("notice.list", token: reader, ["page": 1])["data"]?["list"]?[0]?["is_read"] == 1)
            #expect(try await client.yaf("notice.unread.count", token: other)["data"]?["count"] == 1)
            _ = try await client.yaf("notice.detail", token: reader, ["noticeid": id])
            #expect(try await client.yaf("notice.unread.count", token: reader)["data"]?["count"] == 0)

            _ = try await client.adminData(
                "notices.schedule", ["notice_id": id, "starts_at": .string(Self.displayTime(days: 1)), "ends_at": nil])
            #expect(try await client.yaf("notice.list", ["page": 1])["data"]?["total"] == 0)
            #expect(try await client.yaf("notice.detail", ["noticeid": id])["code"] == 503)
            #expect(try await client.yaf("notice.unread.count", token: other)["data"]?["count"] == 0)
            _ = try await client.adminData(
                "notices.schedule",
                [
                    "notice_id": id, "starts_at": .string(Self.displayTime(days: -2)),
                    "ends_at": .string(Self.displayTime(days: -1)),
                ])
            #expect(try await client.yaf("notice.list", ["page": 1])["data"]?["total"] == 0)
            _ = try await client.adminData(
                "notices.schedule",
                [
                    "notice_id": id, "starts_at": .string(Self.displayTime(days: -1)),
                    "ends_at": .string(Self.displayTime(days: 1)),
                ])
            #expect(try await client.yaf("notice.list", ["page": 1])["data"]?["total"] == 1)
            let backwards = try await client.admin(
                "notices.schedule",
                [
                    "notice_id": id, "starts_at": .string(Self.displayTime(days: 1)),
                    "ends_at": .string(Self.displayTime(days: -1)),
                ])
            #expect(backwards["ok"] == false)
            #expect(
                try await client.admin("notices.schedule", ["notice_id": id, "starts_at": "tomorrow"])["ok"] == false)
            _ = try await client.adminData("notices.withdraw", ["notice_id": id])
            #expect(try await client.yaf("notice.list", ["page": 1])["data"]?["total"] == 0)
            #expect(try await client.admin("notices.publish", ["notice_id": 999_999])["error"] == "not_found")
        } catch {
            await client.stop()
            throw error
        }
        await client.stop()
    }

    @Test func theDialogNoticeShowsInInitWithAnEditionThatMovesOnEdits() async throws {
        let client = try await ContentClient.start(seeded: false)
        do {
            #expect(try await client.yaf("system.init")["data"]?["notice_dialog"] == [:])
            let id = try #require(
                try await client.adminData(
                    "notices.create", ["title": "恭喜您被选中为锦鲤", "summary": "锦鲤", "is_dialog": true])["notice_id"])
            _ = try await client.adminData("notices.publish", ["notice_id": id])
            let dialog = try #require(try await client.yaf("system.init")["data"]?["notice_dialog"])
            #expect(dialog["title"] == "恭喜您被选中为锦鲤")
            let edition = try #require(dialog["edition"]?.stringValue)
            #expect(edition.hasPrefix(id.scalarText ?? "?"))
            #expect(edition.count == (id.scalarText?.count ?? 0) + 19)
            try await Task.sleep(for: .milliseconds(1100))
            _ = try await client.adminData("notices.update", ["notice_id": id, "summary": "新的摘要"])
            let edited = try #require(try await client.yaf("system.init")["data"]?["notice_dialog"])
            #expect(edited["summary"] == "新的摘要")
            #expect(edited["edition"]?.stringValue != edition)
        } catch {
            await client.stop()
            throw error
        }
        await client.stop()
    }

    @Test func messagesKeepTheirReadStatePerUser() async throws {
        let client = try await ContentClient.start(seeded: false)
        do {
            let first = try await TestSessions.open(client.mesh, dialect: "yaf", account: 601)
            let second = try await TestSessions.open(client.mesh, dialect: "yaf", account: 602)
            let own = try #require(
                try await client.adminData(
                    "messages.send",
                    ["account_id": 601, "title": "恭喜您被选中", "content": "我们会与您联系", "url": "https://example.com/x"])[
                        "msg_id"])
            let everyone = try #require(
                try await client.adminData(
                    "messages.send", ["to_all": true, "msg_type": 2, "type_ref_id": 7, "title": "五一劳动节福利"])["msg_id"])
            #expect(try await client.admin("messages.send", ["title": "nobody"])["ok"] == false)
            #expect(
                try await client.admin("messages.send", ["account_id": 601, "to_all": true, "title": "both"])["ok"]
                    == false)

            let firstList = try await client.yaf("message.list", token: first, ["page": 1])
            #expect(firstList["data"]?["total"] == 2)
            let newest = try #require(firstList["data"]?["list"]?[0])
            #expect(
                newest.objectValue?.keys == [
                    "msgid", "msg_type", "type_ref_id", "is_read", "title", "content", "url", "c_time",
                ])
            #expect(newest["msgid"] == everyone)
            #expect(newest["msg_type"] == 2)
            #expect(newest["type_ref_id"] == 7)
            #expect(firstList["data"]?["list"]?.arrayValue?.map { $0["is_read"] } == [0, 0])
            #expect(try await client.yaf("message.list", token: second, ["page": 1])["data"]?["total"] == 1)

            let marked = try await client.yaf("message.read.status", token: first, ["msgid": own])
            #expect(marked == ["code": 200, "msg": "设置成功"])
            #expect(
                try await client.yaf("message.read.status", token: first, ["msgid": own]) == [
                    "code": 200, "msg": "设置成功",
                ])
            #expect(
                try await client.yaf("message.read.status", token: second, ["msgid": own])
                    == ["code": 503, "msg": "消息不存在"])
            #expect(try await client.yaf("message.read.status", token: second, ["msgid": everyone])["code"] == 200)
            let afterFirst = try await client.yaf("message.list", token: first, ["page": 1])
            #expect(afterFirst["data"]?["list"]?.arrayValue?.map { $0["is_read"] } == [0, 1])
            let afterSecond = try await client.yaf("message.list", token: second, ["page": 1])
            #expect(afterSecond["data"]?["list"]?.arrayValue?.map { $0["is_read"] } == [1])

            for index in 1...25 {
                _ = try await client.adminData("messages.send", ["to_all": true, "title": .string("第 \(index) 条")])
            }
            let pageOne = try await client.yaf("message.list", token: second, ["page": "1"])
            #expect(pageOne["data"]?["list"]?.arrayValue?.count == 20)
            #expect(pageOne["data"]?["total"] == 26)
            #expect(pageOne["data"]?["isnext"] == true)
            let pageTwo = try await client.yaf("message.list", token: second, ["page": 2])
            #expect(pageTwo["data"]?["list"]?.arrayValue?.count == 6)
            #expect(pageTwo["data"]?["isnext"] == false)
            #expect(try await client.yaf("message.list", token: second, ["page": 3])["data"]?["list"] == [])
            #expect(try await client.yaf("message.list", token: second, ["page": -3])["code"] == 503)

            _ = try await client.adminData("messages.withdraw", ["msg_id": everyone])
            #expect(try await client.yaf("message.list", token: first, ["page": 1])["data"]?["total"] == 26)
            #expect(try await client.yaf("message.read.status", token: first, ["msgid": everyone])["code"] == 503)
        } catch {
            await client.stop()
            throw error
        }
        await client.stop()
    }
}
