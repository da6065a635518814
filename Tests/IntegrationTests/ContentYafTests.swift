import Catalog
import Crypto
import Dialects
import Foundation
import HTTPCore
import JSON
import Mesh
import Postgres
import Testing

/// The app base API's (yaf) content operations through the gateway on the demo content a new
/// installation starts with: init, upgrade, home, ads, links, categories, notices and news, and the
/// documents' codes for bad input.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct ContentYafTests {
    @Test func theDemoContentMakesAWorkingHomeScreen() async throws {
        let client = try await ContentClient.start(seeded: true)
        do {
            let initialized = try await client.yaf(
                "system.init", ["app_v": "1.0.0", "platform": 2, "channel": "", "unique_id": "", "device_token": ""])
            #expect(initialized["code"] == 200)
            let data = try #require(initialized["data"]?.objectValue)
            #expect(
                data.keys == [
                    "token_status", "upgrade", "start_ad", "app_home_right_btn_url", "app_service", "app_about",
                    "app_feedback", "notice_dialog",
                ])
            #expect(data["token_status"] == 0)
            #expect(
                data["upgrade"] == [
                    "upgrade_way": 0, "app_v": "", "app_title": "", "app_desc": "", "app_url": "", "dialog_repeat": 0,
                    "origin_v": "1.0.0",
                ])
            #expect(data["start_ad"]?["ad_name"] == "APP 启动页广告")
            let startImage = try #require(data["start_ad"]?["ad_image_url"]?.stringValue)
            #expect(startImage.hasPrefix(ContentClient.publicBaseURL + "/files/"))
            #expect(data["app_service"] == ["txt": "服务中心", "url": .string(ContentClient.publicBaseURL + "/docs")])
            #expect(data["notice_dialog"]?["title"] == "平台服务升级公告")
            #expect(data["notice_dialog"]?["edition"]?.stringValue?.allSatisfy(\.isNumber) == true)

            let token = try await TestSessions.open(client.mesh, dialect: "yaf", account: 301)
            let withToken = try await client.yaf("system.init", token: token, ["app_v": "", "platform": 3])
            #expect(withToken["data"]?["token_status"] == 1)
            let expired = try await TestSessions.open(
                client.mesh, dialect: "yaf", account: 301, revokedReason: "logout")
            let withExpired = try await client.yaf("system.init", token: expired, ["app_v": "", "platform": 3])
            #expect(withExpired["code"] == 200)
            #expect(withExpired["data"]?["token_status"] == 0)

            let home = try await client.yaf("system.home")
            let ads = try #require(home["data"]?["ads"]?.arrayValue)
            #expect(ads.map { $0["ad_name"] } == ["新用户专享福利", "积分商城上新"])
            #expect(ads.first?.objectValue?.keys == ["ad_id", "ad_name", "ad_image_url", "ad_url"])
            let imagePath = try #require(
                ads.first?["ad_image_url"]?.stringValue?.dropFirst(ContentClient.publicBaseURL.count))
            let image = try await client.mesh.get(String(imagePath), from: "gateway")
            #expect(image.status == .ok)
            #expect(image.headers["Content-Type"] == "image/png")
            #expect(ImageSignature.isPNG(image.body))

            let positioned = try await client.yaf("system.ads", ["code": "app_start"])
            #expect(positioned["data"]?["list"]?.arrayValue?.count == 1)
            #expect(try await client.yaf("system.ads", ["code": "nowhere"])["data"] == ["list": []])

            let links = try await client.yaf("system.link")
            let group = try #require(links["data"]?["list"]?[0])
            #expect(group["cat_name"] == "合作伙伴")
            #expect(group["links"]?.arrayValue?.map { $0["link_name"] } == ["Swift", "PostgreSQL"])

            let articles = try await client.yaf("system.category.list", ["parentid": 0, "cat_type": 1])
            let top = try #require(articles["data"]?.objectValue)
            #expect(top.values.map { $0["cat_name"] } == ["平台公告", "行业资讯"])
            let industry = try #require(top.values.last)
            #expect(industry["cat_code"] == "101000000000000000000000000000")
            #expect(industry["sub"]?.objectValue?.values.first?["cat_code"] == "101100000000000000000000000000")
            #expect(top.values.first?["sub"] == [])
            let industryID = try #require(industry["cat_id"]?.intValue)
            let below = try await client.yaf(
                "system.category.list", ["parentid": .number(JSONNumber(industryID)), "cat_type": "1"])
            #expect(below["data"]?.objectValue?.values.map { $0["cat_name"] } == ["科技"])
            let goods = try await client.yaf("system.category.list", ["parentid": 0, "cat_type": 3])
            #expect(goods["data"]?.objectValue?.count == 2)

            let news = try await client.yaf("news.list", ["cat_id": -1, "page": 1])
            #expect(news["data"]?["total"] == 3)
            #expect(news["data"]?["count"] == 20)
            #expect(news["data"]?["isnext"] == false)
            #expect(news["data"]?.objectValue?.keys == ["list", "total", "page", "count", "isnext"])
            let inIndustry = try await client.yaf("news.list", ["cat_id": .number(JSONNumber(industryID)), "page": 1])
            #expect(inIndustry["data"]?["total"] == 2)
            let firstID = try #require(news["data"]?["list"]?[0]?["news_id"])
            let article = try await client.yaf("news.detail", ["news_id": firstID])
            #expect(
                article["data"]?.objectValue?.keys == [
                    "news_id", "title", "intro", "image_url", "source", "c_time", "content",
                ])
            #expect(article["data"]?["content"]?.stringValue?.hasPrefix("<p>") == true)

            let notices = try await client.yaf("notice.list", ["page": 1])
            #expect(notices["data"]?["total"] == 2)
            #expect(notices["data"]?["list"]?[0]?.objectValue?.keys == ["noticeid", "title", "summary", "c_time"])
        } catch {
            await client.stop()
            throw error
        }
        await client.stop()
    }

    @Test func theDemoContentIsSeededOnce() async throws {
        let client = try await ContentClient.start(seeded: true)
        do {
            let port = TestEnvironment.freePort()
            let second = try ServiceProcess(
                name: "content", port: port, environment: client.contentEnvironment(port: port),
                logDirectory: client.mesh.logDirectory)
            try await client.mesh.waitUntilHealthy(second)
            _ = await second.terminate()
            second.kill()
            let counts = try await client.mesh.withDatabase { pool in
                let rows = try await pool.query(
                    """
                    SELECT (SELECT count(*) FROM content.seed_runs) AS runs, (SELECT count(*) FROM content.ads) AS ads,
                           (SELECT count(*) FROM content.notices) AS notices
                    """)
                return (
                    try rows[0].decode("runs", as: Int64.self), try rows[0].decode("ads", as: Int64.self),
                    try rows[0].decode("notices", as: Int64.self)
                )
            }
            #expect(counts.0 == 1)
            #expect(counts.1 == 3)
            #expect(counts.2 == 2)
        } catch {
            await client.stop()
            throw error
        }
        await client.stop()
    }

    @Test func badInputGetsTheDocumentsCodes() async throws {
        let client = try await ContentClient.start(seeded: true)
        do {
            for page: JSONValue in [0, -1, "abc", "1.5", "99999999999999", 1_000_001] {
                let answer = try await client.yaf("notice.list", ["page": page])
                #expect(answer["code"] == 503, "page \(page): \(answer)")
                #expect(answer["data"] == nil)
                #expect(try await client.yaf("news.list", ["cat_id": -1, "page": page])["code"] == 503)
            }
            let pastTheEnd = try await client.yaf("news.list", ["cat_id": -1, "page": 1000])
            #expect(pastTheEnd["data"] == ["list": [], "total": 3, "page": 1000, "count": 20, "isnext": false])
            #expect(try await client.yaf("notice.list", ["page": 5])["data"]?["list"] == [])

            #expect(
                try await client.yaf("news.list", ["cat_id": 999_999, "page": 1]) == ["code": 503, "msg": "分类不存在"])
            #expect(try await client.yaf("news.list", ["cat_id": "x", "page": 1])["code"] == 503)
            #expect(try await client.yaf("news.detail", ["news_id": 999_999]) == ["code": 503, "msg": "文章不存在"])
            #expect(try await client.yaf("news.detail", ["news_id": "1 OR 1=1"])["code"] == 503)
            #expect(try await client.yaf("notice.detail", ["noticeid": 999_999]) == ["code": 503, "msg": "公告不存在"])
            #expect(try await client.yaf("notice.detail")["code"] == 503)
            #expect(try await client.yaf("system.category.list", ["parentid": 0, "cat_type": 9])["code"] == 503)
            #expect(
                try await client.yaf("system.category.list", ["parentid": 999_999, "cat_type": 1])
                    == ["code": 503, "msg": "分类不存在"])
            let goodsID = try #require(
                try await client.yaf("system.category.list", ["parentid": 0, "cat_type": 3])["data"]?.objectValue?
                    .values.first?["cat_id"])
            #expect(try await client.yaf("system.category.list", ["parentid": goodsID, "cat_type": 1])["code"] == 503)
            #expect(try await client.yaf("system.ads")["code"] == 503)
            #expect(try await client.yaf("system.ads", ["code": "a b"])["code"] == 503)

            for appVersion in ["1.0.x", "v1.0", "1..0", "1.0.0.0.1", "１.0"] {
                let answer = try await client.yaf("system.init", ["app_v": .string(appVersion), "platform": 2])
                #expect(answer["code"] == 503, "\(appVersion)")
                #expect(answer["msg"]?.stringValue?.contains("app_v") == true)
                #expect(
                    try await client.yaf("system.upgrade", ["app_v": .string(appVersion), "platform": 2])["code"] == 503
                )
            }
            #expect(try await client.yaf("system.upgrade", ["app_v": "1.0.0", "platform": 9])["code"] == 503)
            #expect(
                try await client.yaf("app.upgrade", ["app_v": "1.0.0", "platform": 2])["data"]?["upgrade_way"] == 0)

            #expect(try await client.yaf("notice.unread.count")["code"] == 602)
            #expect(try await client.yaf("message.list", ["page": 1])["code"] == 602)
            #expect(try await client.yaf("message.read.status", ["msgid": 1])["code"] == 602)
            #expect(try await client.yaf("system.upload")["code"] == 602)
            let token = try await TestSessions.open(client.mesh, dialect: "yaf", account: 302)
            #expect(try await client.yaf("message.read.status", token: token, ["msgid": "abc"])["code"] == 503)
            #expect(
                try await client.yaf("message.read.status", token: token, ["msgid": 999_999])
                    == ["code": 503, "msg": "消息不存在"])
        } catch {
            await client.stop()
            throw error
        }
        await client.stop()
    }
}

/// PNG files by their signature.
enum ImageSignature {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func isPNG(_ bytes: [UInt8]) -> Bool { bytes.starts(with: png) }

    /// A valid 1×1 PNG, with `salt` in a text chunk so each salt gives other bytes.
    static func tinyPNG(salt: String = "") -> [UInt8] {
        var bytes = Base64.decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mP4z8AAAAMBAQAY3Y2wAAAAAElFTkSuQmCC")!
        guard !salt.isEmpty else { return bytes }
        let end = Array(bytes.suffix(12))
        bytes.removeLast(12)
        let text = Array("Comment".utf8) + [0] + Array(salt.utf8)
        var chunk = withUnsafeBytes(of: UInt32(text.count).bigEndian, Array.init) + Array("tEXt".utf8) + text
        chunk += [0, 0, 0, 0]
        return bytes + chunk + end
    }
}

/// Drives a mesh of auth, content and the gateway the way the documents' clients and the admin do.
struct ContentClient {
    static let publicBaseURL = "http://files.test.example"

    let mesh: TestMesh
    let filesDirectory: URL
    let environment: [String: String]

    /// Starts auth, content and the gateway on a fresh database, the demo content seeded or not, with
    /// the read cache off so every answer shows the latest change.
    static func start(seeded: Bool, extra: [String: String] = [:]) async throws -> ContentClient {
        let files = FileManager.default.temporaryDirectory.appendingPathComponent(
            "content-files-" + SecureRandom.token(bytes: 6))
        var environment = [
            "CONTENT_FILES_DIR": files.path, "CONTENT_PUBLIC_BASE_URL": publicBaseURL,
            "CONTENT_SEED_DEMO_CONTENT": seeded ? "true" : "false", "CONTENT_CACHE_MILLISECONDS": "0",
            "GATEWAY_RATE_LIMIT_PER_ADDRESS": "100000", "GATEWAY_RATE_LIMIT_PER_USER": "100000",
            // Megabyte uploads on a machine busy with other suites: the tests check outcomes, not speed.
            "GATEWAY_UPSTREAM_TIMEOUT_MS": "60000",
        ]
        environment.merge(extra) { _, new in new }
        let mesh = try await TestMesh.start(["auth", "content", "gateway"], extraEnvironment: environment)
        return ContentClient(mesh: mesh, filesDirectory: files, environment: environment)
    }

    func stop() async {
        await mesh.stop()
        try? FileManager.default.removeItem(at: filesDirectory)
    }

    /// The environment of another content process on the same database and files.
    func contentEnvironment(port: Int) -> [String: String] {
        var values = environment
        values["APP_ENV"] = "test"
        values["DATABASE_URL"] = mesh.databaseURL
        values["INTERNAL_KEY"] = TestMesh.internalKey
        values["HTTP_THREADS"] = "1"
        values["DB_POOL_SIZE"] = "2"
        values["CONTENT_PORT"] = String(port)
        return values
    }

    /// The yaf reply of `name`, signed as the document's example app.
    func yaf(_ name: String, token: String? = nil, _ parameters: JSONObject = [:]) async throws -> JSONValue {
        let operation = try #require(OperationCatalog.find(.yaf, name: name))
        let request = DialectRequests.request(for: operation, token: token, parameters: parameters)
        let response = try await mesh.send(request, to: "gateway")
        #expect(response.status == .ok, "\(name): HTTP \(response.status.code)")
        return try JSONValue.parse(response.body)
    }

    /// The reply of another dialect's operation named `name`.
    func call(
        _ dialect: Dialect, _ name: String, token: String? = nil, userID: String = "1", _ parameters: JSONObject = [:]
    ) async throws -> (status: Int, body: JSONValue) {
        let operation = try #require(OperationCatalog.find(dialect, name: name))
        let request = DialectRequests.request(for: operation, token: token, userID: userID, parameters: parameters)
        let response = try await mesh.send(request, to: "gateway")
        return (response.status.code, try JSONValue.parse(response.body))
    }

    /// A yaf `system.upload` of `bytes` as the multipart part `image`.
    func upload(_ bytes: [UInt8], filename: String, token: String) async throws -> JSONValue {
        let data: JSONObject = [
            "method": "system.upload", "v": "1.0.0", "appid": "ios_app_id", "timestamp": "", "token": .string(token),
        ]
        let (text, sign) = DialectRequests.signedYafData(data, timestamp: nil)
        let boundary = "content-test-" + SecureRandom.token(bytes: 8)
        var body: [UInt8] = []
        for (name, value) in [("data", text), ("sign", sign)] {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array(
            ("--\(boundary)\r\nContent-Disposition: form-data; name=\"image\"; filename=\"\(filename)\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").utf8)
        body += bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        let request = HTTPRequest(
            method: .post, target: "/", headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"],
            body: body)
        let response = try await mesh.send(request, to: "gateway")
        return try JSONValue.parse(response.body)
    }

    /// The admin surface's answer to `operation` of the content service, signed in as the first admin.
    func admin(_ operation: String, _ body: JSONObject = [:]) async throws -> JSONValue {
        let login = try await post("/admin/api/login", ["username": "admin", "password": "admin-development-password"])
        let token = try #require(login["data"]?["token"]?.stringValue)
        return try await post("/admin/api/content/\(operation)", body, token: token)
    }

    /// The admin answer's `data`, which must be a success.
    func adminData(_ operation: String, _ body: JSONObject = [:]) async throws -> JSONValue {
        let answer = try await admin(operation, body)
        #expect(answer["ok"] == true, "\(operation): \(answer)")
        return try #require(answer["data"])
    }

    /// A `POST /internal/{name}` straight to the content service with the mesh key.
    func internalCall(_ name: String, _ body: JSONObject, idempotencyKey: String? = nil) async throws -> JSONValue {
        var request = HTTPRequest(
            method: .post, target: "/internal/\(name)",
            headers: ["Content-Type": "application/json", MeshHeaders.internalKey: TestMesh.internalKey],
            body: JSONValue.object(body).serializedBytes())
        if let idempotencyKey { request.headers.add("Idempotency-Key", idempotencyKey) }
        return try JSONValue.parse(try await mesh.send(request, to: "content").body)
    }

    private func post(_ path: String, _ body: JSONObject, token: String? = nil) async throws -> JSONValue {
        var request = HTTPRequest(
            method: .post, target: path, headers: ["Content-Type": "application/json"],
            body: JSONValue.object(body).serializedBytes())
        if let token { request.headers.add("Authorization", "Bearer \(token)") }
        return try JSONValue.parse(try await mesh.send(request, to: "gateway").body)
    }
}
