import Catalog
import Dialects
import Foundation
import HTTPCore
import JSON
import Mesh
import Testing

/// Every catalog operation answers through the gateway in its dialect, and requests that a check
/// refuses get their dialect's documented code without reaching a service.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct DialectGatewayTests {
    static let services = ["auth", "user", "orders", "merchants", "exchange", "content", "gateway"]

    private static func codec(for dialect: Dialect) -> any DialectCodec {
        switch dialect {
        case .train: TrainCodec(keys: ["XCX": DialectRequests.trainKey])
        case .o2o: O2OCodec()
        case .c2c: C2CCodec()
        case .yaf: YafCodec()
        case .mobile: MobileCodec()
        }
    }

    /// The code the dialect writes for `kind` on `operation`, as the gateway's codec writes it.
    private static func expectedCode(_ kind: ReplyKind, _ operation: Catalog.Operation) -> String? {
        DialectRequests.code(
            of: codec(for: operation.dialect).encode(.failure(kind, "x"), call: nil, operation: operation))
    }

    /// Mesh names of the operations the services serve (`GET /internal/operations`).
    private static func implementedOperations(_ mesh: TestMesh) async throws -> Set<String> {
        var names = Set<String>()
        for service in services where service != "gateway" {
            let response = try await mesh.get(
                "/internal/operations", from: service, headers: [MeshHeaders.internalKey: TestMesh.internalKey])
            for name in try JSONValue.parse(response.body)["operations"]?.arrayValue ?? [] {
                if let text = name.stringValue { names.insert(text) }
            }
        }
        return names
    }

    @Test func everyOperationAnswersInItsDialect() async throws {
        try await TestMesh.with(Self.services) { mesh in
            var tokens: [Dialect: String] = [:]
            for dialect in Dialect.allCases {
                tokens[dialect] = try await TestSessions.open(mesh, dialect: dialect.rawValue, account: 42)
            }
            let implemented = try await Self.implementedOperations(mesh)
            var answered = 0
            for operation in OperationCatalog.all {
                var token = operation.session == .none ? nil : tokens[operation.dialect]
                if token != nil && implemented.contains(operation.meshName) {
                    // A served operation may end its session (logout); it gets one of its own.
                    token = try await TestSessions.open(mesh, dialect: operation.dialect.rawValue, account: 42)
                }
                let request = DialectRequests.request(for: operation, token: token, userID: "42")
                let response = try await mesh.send(request, to: "gateway")
                let expected = Self.expectedCode(.notImplemented, operation)
                let answer = "\(operation.meshName): \(String(decoding: response.body.prefix(300), as: UTF8.self))"
                #expect(response.status.code < 500, "\(operation.meshName): HTTP \(response.status.code)")
                if implemented.contains(operation.meshName) {
                    // The mobile mall writes every failure 300: there the message tells them apart.
                    let notImplemented =
                        try? JSONValue.parse(response.body)["msg"]?.stringValue == "not implemented yet"
                    #expect(DialectRequests.code(of: response) != expected || !(notImplemented ?? false), "\(answer)")
                } else {
                    #expect(DialectRequests.code(of: response) == expected, "\(answer)")
                }
                answered += 1
            }
            #expect(answered == OperationCatalog.all.count)
        }
    }

    @Test func refusedRequestsGetTheirDialectCodeAndReachNoService() async throws {
        try await TestMesh.with(Self.services) { mesh in
            let trainToken = try await TestSessions.open(mesh, dialect: "train", account: 7)
            let yafToken = try await TestSessions.open(mesh, dialect: "yaf", account: 7)
            let loggedOut = try await TestSessions.open(mesh, dialect: "yaf", account: 7, revokedReason: "logout")
            let replaced = try await TestSessions.open(mesh, dialect: "yaf", account: 7, revokedReason: "replaced")
            let getUserInfo = try #require(OperationCatalog.find(.train, name: "getUserInfo"))
            let userDetail = try #require(OperationCatalog.find(.yaf, name: "user.detail"))
            let c2cInfo = try #require(OperationCatalog.find(.c2c, name: "user.user.getUserInfoById"))
            let o2oTree = try #require(OperationCatalog.find(.o2o, name: "area/tree"))

            func code(_ request: HTTPRequest) async throws -> String? {
                DialectRequests.code(of: try await mesh.send(request, to: "gateway"))
            }

            // train: wrong sign, missing sign, a replayed nonce, another user's userId, no loginKey.
            let badSign = DialectRequests.request(
                for: getUserInfo, token: trainToken, userID: "7", signWith: "wrong-key")
            #expect(try await code(badSign) == "0017")
            let getOrderList = try #require(OperationCatalog.find(.train, name: "getOrderList"))
            var unsigned = DialectRequests.request(for: getOrderList, token: trainToken, userID: "7")
            unsigned.body = DialectRequests.formBody([
                ("userId", "7"), ("userRole", "customer"), ("appCode", "XCX"), ("data", "{\"nonceStr\":\"abc\"}"),
            ])
            #expect(try await code(unsigned) == "0018")
            let first = DialectRequests.request(for: getUserInfo, token: trainToken, userID: "7", nonce: "nonce-1")
            #expect(try await code(first) == "0000")
            #expect(try await code(first) == Self.expectedCode(.replayed, getUserInfo))
            let otherUser = DialectRequests.request(for: getUserInfo, token: trainToken, userID: "8")
            #expect(try await code(otherUser) == Self.expectedCode(.tokenInvalid, getUserInfo))
            #expect(try await code(DialectRequests.request(for: getUserInfo, token: nil, userID: "7")) == "0007")

            // yaf: expired timestamp, wrong sign, logged-out and replaced tokens, no token, unknown method.
            let old = DialectRequests.request(for: userDetail, token: yafToken, timestamp: DialectRequests.now - 3600)
            #expect(try await code(old) == Self.expectedCode(.timestampExpired, userDetail))
            #expect(try await code(DialectRequests.request(for: userDetail, token: yafToken, signWith: "x")) == "403")
            #expect(try await code(DialectRequests.request(for: userDetail, token: loggedOut)) == "601")
            #expect(try await code(DialectRequests.request(for: userDetail, token: replaced)) == "603")
            #expect(try await code(DialectRequests.request(for: userDetail, token: nil)) == "602")
            let unknown = Catalog.Operation(
                dialect: .yaf, name: "no.such.method", path: "/", methods: [.post], service: .content, session: .none,
                signed: true, title: "")
            #expect(try await code(DialectRequests.request(for: unknown, token: nil)) == "509")
            var missingMethod = DialectRequests.request(for: userDetail, token: yafToken)
            let data = #"{"v":"1.0.0","appid":"ios_app_id","timestamp":"1"}"#
            missingMethod.body = DialectRequests.formBody([("data", data), ("sign", "X")])
            #expect(try await code(missingMethod) == "504")
            var notJSON = missingMethod
            notJSON.body = DialectRequests.formBody([("data", "not json"), ("sign", "X")])
            #expect(try await code(notJSON) != "200")

            // c2c: wrong ck, stale cc, missing mtoken.
            #expect(
                try await code(DialectRequests.request(for: c2cInfo, token: "t", signWith: "x"))
                    == Self.expectedCode(.signatureInvalid, c2cInfo))
            let stale = DialectRequests.request(for: c2cInfo, token: "t", timestamp: DialectRequests.now - 3600)
            #expect(try await code(stale) == Self.expectedCode(.timestampExpired, c2cInfo))
            #expect(
                try await code(DialectRequests.request(for: c2cInfo, token: nil))
                    == Self.expectedCode(.notLoggedIn, c2cInfo))

            // o2o: no token, unknown token (both send the client to wxLogin).
            #expect(try await code(DialectRequests.request(for: o2oTree, token: nil)) == "10007")
            #expect(try await code(DialectRequests.request(for: o2oTree, token: "0123456789abcdef")) == "10007")

            // None of the refused requests reached a service: only the one accepted train call did.
            try await Task.sleep(for: .milliseconds(200))
            let opLines = Self.services.filter { $0 != "gateway" }.flatMap { name in
                mesh.services[name]!.log.split(separator: "\n").filter { $0.contains("\"path\":\"/op/") }
            }
            #expect(opLines.count == 1, "\(opLines)")
        }
    }

    @Test func oversizeBodiesAreRefusedAtTheDoor() async throws {
        try await TestMesh.with(["gateway"]) { mesh in
            let getUserInfo = try #require(OperationCatalog.find(.train, name: "getUserInfo"))
            var request = DialectRequests.request(for: getUserInfo, token: "t")
            request.body = Array(repeating: UInt8(ascii: "a"), count: 2 * 1024 * 1024)
            let response = try await mesh.send(request, to: "gateway")
            #expect(response.status == .payloadTooLarge)
            #expect(DialectRequests.code(of: response) == Self.expectedCode(.payloadTooLarge, getUserInfo))
            #expect(response.headers["Connection"] == "close")
        }
    }
}

/// How the gateway behaves when a service is down, a client sends too fast, or production starts
/// with a document's example key.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct GatewayFailureTests {
    @Test func aServiceThatIsDownGivesTheDialectServerErrorAtOnce() async throws {
        try await TestMesh.with(["auth", "gateway"]) { mesh in
            let token = try await TestSessions.open(mesh, dialect: "train", account: 5)
            let getUserInfo = try #require(OperationCatalog.find(.train, name: "getUserInfo"))
            let started = ContinuousClock.now
            let response = try await mesh.send(
                DialectRequests.request(for: getUserInfo, token: token, userID: "5"), to: "gateway")
            #expect(DialectRequests.code(of: response) == "9999")
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    @Test func clientsOverTheRateLimitGetTheDialectAnswer() async throws {
        let environment = ["RATE_LIMIT_PER_ADDRESS": "2"]
        try await TestMesh.with(["auth", "content", "gateway"], extraEnvironment: environment) { mesh in
            let news = try #require(OperationCatalog.find(.yaf, name: "news.list"))
            // All at once, so the bucket (2 a second, a burst of 4) cannot refill between them on a slow machine.
            let codes = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        DialectRequests.code(
                            of: try await mesh.send(DialectRequests.request(for: news, token: nil), to: "gateway"))
                    }
                }
                return try await group.reduce(into: [String?]()) { $0.append($1) }
            }
            let limited = YafCodec().encode(.failure(.rateLimited, "x"), call: nil, operation: news)
            #expect(codes.contains(DialectRequests.code(of: limited)))
        }
    }

    @Test func productionRefusesTheDocumentsExampleKeys() async throws {
        let process = try ServiceProcess(
            name: "gateway", port: TestEnvironment.freePort(),
            environment: [
                "APP_ENV": "production", "INTERNAL_KEY": "a-long-production-key", "C2C_SECRET": "own-secret",
            ],
            logDirectory: FileManager.default.temporaryDirectory)
        #expect(await process.waitForExit(timeout: .seconds(20)) == 1)
        #expect(process.log.contains("TRAIN_APP_KEYS"))
    }
}
