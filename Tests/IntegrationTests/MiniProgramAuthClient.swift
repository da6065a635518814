import Catalog
import Crypto
import Dialects
import Foundation
import HTTPCore
import JSON
import Postgres
import Synchronization
import Testing

/// Calls the auth operations of the train, O2O, C2C and yaf dialects through the gateway as their
/// documents' clients send them, the admin surface (WeChat login codes from the simulator, the SMS
/// outbox), and auth's internal operations.
final class MiniProgramAuthClient: Sendable {
    /// The development mini-programs the auth service knows outside production.
    static let trainApp = "wxdevtrain"
    static let o2oApp = "wxdevo2o"

    /// SQL-looking, very long, binary and wrongly typed values, for every field of every operation.
    static let hostileValues: [JSONValue] = [
        "' OR '1'='1", "13800000008'; DROP TABLE auth.accounts; --", "1 UNION SELECT password_hash FROM auth.accounts",
        .string(String(repeating: "9", count: 5000)), .string(String(repeating: "码", count: 3000)), "\u{0}", "",
        .number(JSONNumber(text: "-1.5e300")!), .array(["x"]), .object(["x": "y"]),
    ]

    let mesh: TestMesh
    let adminPassword: String
    private let adminToken = Mutex<String?>(nil)

    init(mesh: TestMesh, adminPassword: String = "admin-development-password") {
        self.mesh = mesh
        self.adminPassword = adminPassword
    }

    // MARK: train

    /// A train call: `data` signed with the appCode's key and a fresh `nonceStr`, the session in the
    /// `loginKey` header and `userId`.
    func train(
        _ name: String, loginKey: String? = nil, userID: String? = nil, role: String = "customer",
        appCode: String = "XCX", key: String = DialectRequests.trainKey, _ data: JSONObject = [:]
    ) async throws -> JSONValue {
        var signed = data
        signed["nonceStr"] = .string(SecureRandom.token(bytes: 8))
        signed["sign"] = .string(TrainSignature.sign(signed, key: key))
        return try await trainAsSent(
            name, loginKey: loginKey, userID: userID, role: role, appCode: appCode, signed)
    }

    /// A train call whose `data` goes out exactly as given: no `nonceStr` or `sign` is added.
    func trainAsSent(
        _ name: String, loginKey: String? = nil, userID: String? = nil, role: String = "customer",
        appCode: String = "XCX", _ data: JSONObject
    ) async throws -> JSONValue {
        let operation = try #require(OperationCatalog.find(.train, name: name))
        var form = [("userRole", role), ("appCode", appCode), ("data", JSONValue.object(data).serialized())]
        if let userID { form.append(("userId", userID)) }
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        if let loginKey { headers.add("loginKey", loginKey) }
        let request = HTTPRequest(
            method: .post, target: operation.path, headers: headers, body: DialectRequests.formBody(form))
        return try await send(request)
    }

    /// A train login with a fresh simulator code for `person`: `(userId, loginKey)`.
    func trainLogin(_ person: String, role: String = "customer") async throws -> (userID: String, loginKey: String) {
        let code = try await wechatCode(app: Self.trainApp, person: person)
        let answer = try await train("login", role: role, ["code": .string(code)])
        #expect(answer["code"] == "0000", "train login: \(answer)")
        return (
            try #require(answer["data"]?["userId"]?.stringValue), try #require(answer["data"]?["loginKey"]?.stringValue)
        )
    }

    // MARK: O2O

    /// An O2O call; the mini-program's appid goes in the `appid` parameter, or in WeChat's `Referer`.
    func o2o(
        _ name: String, token: String? = nil, appID: String? = MiniProgramAuthClient.o2oApp, viaReferer: Bool = false,
        _ parameters: JSONObject = [:]
    ) async throws -> JSONValue {
        let operation = try #require(OperationCatalog.find(.o2o, name: name))
        var parameters = parameters
        if let appID, !viaReferer { parameters["appid"] = .string(appID) }
        var request = DialectRequests.request(for: operation, token: token, parameters: parameters)
        if let appID, viaReferer {
            request.headers.add("Referer", "https://servicewechat.com/\(appID)/3/page-frame.html")
        }
        return try await send(request)
    }

    /// An O2O `wxLogin` with a fresh simulator code for `person`: the token and the whole answer.
    func wxLogin(
        _ person: String, app: String = MiniProgramAuthClient.o2oApp
    ) async throws -> (
        token: String, answer: JSONValue
    ) {
        let code = try await wechatCode(app: app, person: person)
        let answer = try await o2o("wxLogin", appID: app, ["code": .string(code)])
        #expect(answer["code"] == 0, "wxLogin: \(answer)")
        return (try #require(answer["data"]?["token"]?.stringValue), answer)
    }

    /// Binds `mobile` to the WeChat user of `token` with a fresh code: the `login` answer.
    func bind(_ mobile: String, token: String) async throws -> JSONValue {
        let sent = try await o2o("sms/verify_code", token: token, ["mobile": .string(mobile)])
        let code = try #require(sent["data"]?["verify_code"]?.stringValue, "sms/verify_code: \(sent)")
        return try await o2o("login", token: token, ["mobile": .string(mobile), "verify_code": .string(code)])
    }

    // MARK: C2C and yaf

    /// A C2C call signed with `cc`/`ck`, the session in `mtoken`.
    func c2c(_ name: String, mtoken: String? = nil, _ parameters: JSONObject = [:]) async throws -> JSONValue {
        let operation = try #require(OperationCatalog.find(.c2c, name: name))
        return try await send(DialectRequests.request(for: operation, token: mtoken, parameters: parameters))
    }

    /// A yaf call signed with the document's example secret.
    func yaf(_ name: String, token: String? = nil, _ parameters: JSONObject = [:]) async throws -> JSONValue {
        let operation = try #require(OperationCatalog.find(.yaf, name: name))
        return try await send(DialectRequests.request(for: operation, token: token, parameters: parameters))
    }

    /// Registers `mobile` with `password` through yaf; answers the registration's `data`.
    func yafRegister(_ mobile: String, password: String) async throws -> JSONValue {
        let sent = try await yaf("sms.send", ["mobile": .string(mobile), "key": "USER_REGISTER_CODE"])
        let code = try #require(sent["data"]?["code"]?.stringValue, "sms.send: \(sent)")
        let registered = try await yaf(
            "user.register", ["mobile": .string(mobile), "password": .string(password), "code": .string(code)])
        #expect(registered["code"] == 200, "user.register: \(registered)")
        return try #require(registered["data"])
    }

    // MARK: admin surface and internal operations

    /// A login code of the WeChat simulator for `person` in `app`.
    func wechatCode(app: String, person: String) async throws -> String {
        let answer = try await admin("auth/wechat.code", ["app_id": .string(app), "person": .string(person)])
        return try #require(answer["data"]?["code"]?.stringValue, "wechat.code: \(answer)")
    }

    /// The admin surface's answer to `operation` (`service/name`), signed in as the first admin once per
    /// client: the tests ask for many WeChat codes, and every admin sign-in costs a slow password hash.
    func admin(_ operation: String, _ body: JSONObject) async throws -> JSONValue {
        let token: String
        if let known = adminToken.withLock({ $0 }) {
            token = known
        } else {
            let login = try await post("/admin/api/login", ["username": "admin", "password": .string(adminPassword)])
            token = try #require(login["data"]?["token"]?.stringValue, "admin login: \(login)")
            adminToken.withLock { $0 = token }
        }
        return try await post("/admin/api/\(operation)", body, token: token)
    }

    /// Auth's internal `scenes.create`, called as another service of the mesh calls it.
    func createScene(_ body: JSONObject, idempotencyKey: String?) async throws -> JSONValue {
        try await AdminClient(mesh: mesh).internalCall("auth", "scenes.create", body, idempotencyKey: idempotencyKey)
    }

    /// One value from the mesh's auth schema.
    func scalar<T: Sendable>(_ query: PostgresQuery, _ column: String, as type: T.Type) async throws -> T
    where T: PostgresDecodable {
        try await mesh.withDatabase { pool in try await pool.query(query)[0].decode(column, as: T.self) }
    }

    /// Runs a statement on the mesh's database (to age codes, scenes and sessions without waiting).
    func execute(_ query: PostgresQuery) async throws {
        _ = try await mesh.withDatabase { pool in try await pool.execute(query) }
    }

    /// No password, code or token of the run appears in any service's log.
    func expectNoSecretsInLogs(_ secrets: [String]) {
        for (name, service) in mesh.services {
            let log = service.log
            #expect(!log.isEmpty, "\(name) wrote no log")
            for secret in secrets where !secret.isEmpty {
                #expect(!log.contains(secret), "\(name) logged a secret")
            }
        }
    }

    private func send(_ request: HTTPRequest) async throws -> JSONValue {
        let response = try await mesh.send(request, to: "gateway")
        #expect(response.status == .ok)
        return try JSONValue.parse(response.body)
    }

    private func post(_ path: String, _ body: JSONObject, token: String? = nil) async throws -> JSONValue {
        var request = HTTPRequest(
            method: .post, target: path, headers: ["Content-Type": "application/json"],
            body: JSONValue.object(body).serializedBytes())
        if let token { request.headers.add("Authorization", "Bearer \(token)") }
        return try JSONValue.parse(try await mesh.send(request, to: "gateway").body)
    }
}
