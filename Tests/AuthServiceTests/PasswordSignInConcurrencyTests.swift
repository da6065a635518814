import AuthService
import Foundation
import JSON
import Mesh
import ServiceHarness
import Testing

/// The one password sign-in against a real PostgreSQL, in process, with guesses sent at once: one
/// address cannot get more tries than its limit however it races, its lock leaves the owner at another
/// address alone, and a right password at the limit is still let in.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] != nil, "needs TEST_DATABASE_URL"))
struct PasswordSignInConcurrencyTests {
    static let services = [InProcessService(.auth, descriptor: AuthService.descriptor, routes: AuthService.routes)]

    static func register(_ mesh: InProcessMesh, _ mobile: String, _ password: String) async throws {
        let sent = try await mesh.call(.yaf, "sms.send", ["mobile": .string(mobile), "key": "USER_REGISTER_CODE"])
        let code = try #require(sent.data?["code"]?.stringValue)
        let registered = try await mesh.call(
            .yaf, "user.register", ["mobile": .string(mobile), "password": .string(password), "code": .string(code)])
        #expect(registered.kind == .ok)
    }

    static func logIn(
        _ mesh: InProcessMesh, _ dialect: Dialect, _ mobile: String, _ password: String, from address: String
    ) async throws -> CanonicalReply {
        switch dialect {
        case .mobile:
            return try await mesh.call(
                .mobile, "login", ["username": .string(mobile), "pwd": .string(password)], clientAddress: address)
        case .c2c:
            return try await mesh.call(
                .c2c, "user.user.login", ["mobile_phone": .string(mobile), "password": .string(password)],
                clientAddress: address)
        default:
            return try await mesh.call(
                .yaf, "user.login", ["mobile": .string(mobile), "login_type": 2, "password": .string(password)],
                clientAddress: address)
        }
    }

    /// Room for every racing call to wait for a connection on a busy machine: a refusal for lack of one
    /// would hide what the race is about.
    static let patientPool = ["DB_POOL_SIZE": "6", "DB_POOL_TIMEOUT_MS": "60000"]

    @Test func racingGuessesFromOneAddressGetNoMoreThanTheLimit() async throws {
        try await InProcessMesh.with(Self.services, environment: Self.patientPool) { mesh in
            let mobile = "13800000701"
            let password = "owner_Pass-7"
            try await Self.register(mesh, mobile, password)
            let dialects: [Dialect] = [.yaf, .mobile, .c2c]
            let replies = try await withThrowingTaskGroup(of: CanonicalReply.self) { group in
                for guess in 0..<12 {
                    group.addTask {
                        try await Self.logIn(
                            mesh, dialects[guess % 3], mobile, "guess_Pass-\(guess)", from: "198.51.100.7")
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(replies.filter { $0.kind == .wrongPassword }.count == 4)
            #expect(replies.filter { $0.kind == .accountLocked }.count == 8)
            let others = replies.filter { $0.kind != .wrongPassword && $0.kind != .accountLocked }
            #expect(others.isEmpty, "\(others.map { "\($0.kind.rawValue): \($0.message)" })")

            let owner = try await Self.logIn(mesh, .yaf, mobile, password, from: "203.0.113.9")
            #expect(owner.kind == .ok)
            let guesser = try await Self.logIn(mesh, .mobile, mobile, password, from: "198.51.100.7")
            #expect(guesser == .failure(.accountLocked, "密码错误次数过多，请15分钟后再试"))
        }
    }

    @Test func theRightPasswordAtTheLimitIsLetIn() async throws {
        try await InProcessMesh.with(Self.services) { mesh in
            let mobile = "13800000702"
            let password = "owner_Pass-8"
            try await Self.register(mesh, mobile, password)
            for guess in 1...4 {
                let wrong = try await Self.logIn(mesh, .c2c, mobile, "guess_Pass-\(guess)", from: "198.51.100.8")
                #expect(wrong.kind == .wrongPassword)
            }
            #expect(try await Self.logIn(mesh, .c2c, mobile, password, from: "198.51.100.8").kind == .ok)
            for guess in 1...4 {
                let wrong = try await Self.logIn(mesh, .yaf, mobile, "again_Pass-\(guess)", from: "198.51.100.8")
                #expect(wrong.kind == .wrongPassword, "the sign-in forgot the address's count")
            }
        }
    }
}
