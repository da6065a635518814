import Crypto
import Foundation
import JSON
import Postgres

/// The demo content a new installation starts with, so a new user sees a working home screen: ad
/// banners on the start screen and the home page, categories of every type, links, notices (one a
/// dialog), a welcome message to everyone, articles, version 1.0.0 for iOS and Android, and the
/// configuration keys the apps read. Seeded once: the run is recorded in `content.seed_runs`, under a
/// lock, so replicas starting together seed it once and a restart never seeds it again.
struct DemoContent: Sendable {
    static let runName = "demo-content-v1"

    let database: PostgresPool
    let files: FileStore

    /// Seeds the demo content unless it was seeded before; true when this call seeded it.
    @discardableResult
    func seedIfNeeded() async throws -> Bool {
        let done = try await database.query("SELECT 1 FROM content.seed_runs WHERE name = \(Self.runName)")
        guard done.isEmpty else { return false }
        var images: [String: String] = [:]
        for (name, encoded) in [
            ("start", DemoImages.startAd), ("home1", DemoImages.homeFirst), ("home2", DemoImages.homeSecond),
            ("article", DemoImages.article), ("link", DemoImages.link),
        ] {
            guard let bytes = Base64.decode(encoded),
                case .success(let file) = try await files.store(bytes, purpose: "demo")
            else { throw DemoContentError(detail: "the demo image \(name) is not a valid image") }
            images[name] = file.relativeURL
        }
        return try await database.transaction { transaction in
            _ = try await transaction.query("SELECT pg_advisory_xact_lock(hashtext(\(Self.runName)))")
            let again = try await transaction.query("SELECT 1 FROM content.seed_runs WHERE name = \(Self.runName)")
            guard again.isEmpty else { return false }
            try await seed(on: transaction, images: images)
            try await transaction.execute("INSERT INTO content.seed_runs (name) VALUES (\(Self.runName))")
            return true
        }
    }

    private func seed(on transaction: PostgresTransaction, images: [String: String]) async throws {
        func category(_ type: Int, _ parent: Int64?, _ name: String, _ code: String, _ sort: Int) async throws -> Int64
        {
            let full = code + String(repeating: "0", count: CategoryCode.length - code.count)
            let rows = try await transaction.query(
                """
                INSERT INTO content.categories (cat_type, parent_id, name, cat_code, sort_order)
                VALUES (\(type), \(parent), \(name), \(full), \(sort))
                ON CONFLICT (cat_code) DO UPDATE SET cat_code = EXCLUDED.cat_code
                RETURNING id
                """)
            return try rows[0].decode("id")
        }
        let announcements = try await category(1, nil, "平台公告", "100", 0)
        let industry = try await category(1, nil, "行业资讯", "101", 1)
        let technology = try await category(1, industry, "科技", "101100", 0)
        let partners = try await category(2, nil, "合作伙伴", "102", 0)
        _ = try await category(3, nil, "数码产品", "103", 0)
        _ = try await category(3, nil, "生活家居", "104", 1)

        for (position, name, image, url, sort) in [
            ("app_start", "APP 启动页广告", images["start"]!, "/docs", 0),
            ("app_home", "新用户专享福利", images["home1"]!, "/docs", 0),
            ("app_home", "积分商城上新", images["home2"]!, "/docs", 1),
        ] {
            try await transaction.execute(
                """
                INSERT INTO content.ads (position_code, name, image_url, target_url, sort_order, status)
                VALUES (\(position), \(name), \(image), \(url), \(sort), 'published')
                """)
        }
        for (name, url, sort) in [
            ("Swift", "https://www.swift.org", 0), ("PostgreSQL", "https://www.postgresql.org", 1),
        ] {
            try await transaction.execute(
                """
                INSERT INTO content.links (cat_id, name, url, image_url, sort_order, status)
                VALUES (\(partners), \(name), \(url), \(images["link"]!), \(sort), 'published')
                """)
        }
        for (title, summary, body, dialog) in [
            ("用户协议更新说明", "我们更新了用户协议与隐私政策。", "我们更新了用户协议与隐私政策，主要调整了个人信息的使用范围说明。", false),
            ("平台服务升级公告", "平台服务已完成升级，体验更流畅。", "平台服务已完成升级：首页加载更快，公告与消息支持已读状态。", true),
        ] {
            try await transaction.execute(
                """
                INSERT INTO content.notices (title, summary, body, is_dialog, status, published_at, edition_at)
                VALUES (\(title), \(summary), \(body), \(dialog), 'published', now(), now())
                """)
        }
        try await transaction.execute(
            """
            INSERT INTO content.messages (account_id, msg_type, title, content, url)
            VALUES (NULL, 1, '欢迎使用', '感谢注册！在这里可以查看系统消息与福利通知。', '')
            """)
        for (categoryID, title, intro, source) in [
            (announcements, "新版首页上线", "首页改版上线，广告位与公告入口更清晰。", "平台运营"),
            (technology, "移动应用的启动速度优化实践", "一次请求拿到启动所需的全部数据，可以明显缩短冷启动时间。", "技术博客"),
            (industry, "本地生活服务持续增长", "到店与到家服务的线上订单占比继续提升。", "行业观察"),
        ] {
            try await transaction.execute(
                """
                INSERT INTO content.news (cat_id, title, intro, image_url, source, content, status, published_at)
                VALUES (\(categoryID), \(title), \(intro), \(images["article"]!), \(source),
                        \("<p>" + intro + "</p>"), 'published', now())
                """)
        }
        for (platform, url) in [(1, ""), (2, "https://example.com/downloads/app-1.0.0.apk")] {
            try await transaction.execute(
                """
                INSERT INTO content.app_versions
                       (platform, channel, app_v, title, description, download_url, upgrade_way, dialog_repeat, status)
                VALUES (\(platform), '', '1.0.0', '首个版本', '首个正式版本。', \(url), 1, false, 'published')
                ON CONFLICT DO NOTHING
                """)
        }
        let button: (String, String) -> JSONValue = { text, url in .object(["txt": .string(text), "url": .string(url)])
        }
        // The refuel packs are the example of the train-ticket API document's appConfig section.
        let refuelPacks: JSONValue = .array([
            .object(["amount": "20", "name": "铜小妞", "picture": "1"]),
            .object(["amount": "40", "name": "银小妞", "picture": "12"]),
            .object(["amount": "80", "name": "金小妞", "picture": "13"]),
        ])
        let hotCities: JSONValue = .array(
            ["110100", "310100", "440100", "440300", "330100", "320100", "510100", "420100", "500100", "610100"]
                .map(JSONValue.string))
        for (key, value, description) in [
            (ConfigKeys.homeRightButtonURL, JSONValue.string("/docs"), "首页导航右侧按钮"),
            (ConfigKeys.service, button("服务中心", "/docs"), "侧边菜单：服务中心"),
            (ConfigKeys.about, button("关于我们", "/docs"), "侧边菜单：关于我们"),
            (ConfigKeys.feedback, button("意见反馈", "/docs"), "侧边菜单：意见反馈"),
            (ConfigKeys.refuelBag, refuelPacks, "加油包"),
            (ConfigKeys.hotCityCodes, hotCities, "热门城市"),
        ] {
            try await transaction.execute(
                """
                INSERT INTO content.app_config (key, value, description)
                VALUES (\(key), \(PostgresValue.json(value.serialized())), \(description))
                ON CONFLICT (key) DO NOTHING
                """)
        }
    }
}

/// The demo content could not be prepared.
struct DemoContentError: Error, Sendable, CustomStringConvertible {
    let detail: String
    var description: String { "demo content: \(detail)" }
}
