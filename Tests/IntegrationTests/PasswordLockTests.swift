import Catalog
import Dialects
import Foundation
import HTTPCore
import JSON
import Mesh
import Testing

/// Wrong passwords through the real gateway from several client addresses (loopback addresses
/// 127.0.0.x, which the gateway takes from the TCP peer): an address that keeps failing is locked out
/// while the owner elsewhere signs in; many addresses together lock the account, for 15 minutes, then
/// 30, and a successful sign-in starts again from 15; yaf, the mobile mall and C2C each name the lock
/// actually in force with their documented codes.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct PasswordLockTests {
    @Test func anAddressThatKeepsFailingIsLockedOutWhileTheOwnerSignsIn() async throws {
        try await TestMesh.with(["auth", "gateway"]) { mesh in
            let client = AddressedSignIn(mesh: mesh)
            let mobile = "13800000601"
            let password = "owner_Pass-1"
            _ = try await MiniProgramAuthClient(mesh: mesh).yafRegister(mobile, password: password)

            for attempt in 1...5 {
                let guess = try await client.yaf(mobile, "guess_\(attempt)", from: "127.0.0.2")
                if attempt < 5 {
                    #expect(guess == ["code": 503, "msg": "账号或密码不正确"], "attempt \(attempt)")
                } else {
                    #expect(guess == ["code": 607, "msg": "密码错误次数过多，请15分钟后再试"])
                }
            }
            let lockedOut = try await client.yaf(mobile, password, from: "127.0.0.2")
            #expect(lockedOut == ["code": 607, "msg": "密码错误次数过多，请15分钟后再试"])
            #expect(try await client.mobile(mobile, password, from: "127.0.0.2")["code"] == "300")
            #expect(try await client.c2c(mobile, password, from: "127.0.0.2")["code"] == "60000")

            #expect(try await client.yaf(mobile, password, from: "127.0.0.1")["code"] == 200)
            #expect(try await client.mobile(mobile, password, from: "127.0.0.3")["code"] == "200")
            #expect(try await client.c2c(mobile, password, from: "127.0.0.4")["code"] == "200")
            #expect(try await client.yaf(mobile, password, from: "127.0.0.2")["code"] == 607, "its own lock stays")
            let stored = try await client.locks(of: mobile)
            #expect(stored.map(\.address) == ["127.0.0.2"], "the owner's sign-ins cleared the account's count")
            MiniProgramAuthClient(mesh: mesh).expectNoSecretsInLogs([password])
        }
    }

    @Test func theAccountLockGrowsAndEveryDialectNamesIt() async throws {
        let rules = ["PASSWORD_MAX_FAILURES": "4", "PASSWORD_MAX_FAILURES_PER_ADDRESS": "2"]
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: rules) { mesh in
            let client = AddressedSignIn(mesh: mesh)
            let mobile = "13800000602"
            let password = "owner_Pass-2"
            _ = try await MiniProgramAuthClient(mesh: mesh).yafRegister(mobile, password: password)

            let first = try await client.failFromTwoAddresses(mobile, "127.0.0.2", "127.0.0.3")
            #expect(first == ["code": "60000", "msg": "错误次数过多，请15分钟以后再试"])
            try await client.expectOwnerRefused(mobile, password, minutes: "15分钟")

            try await client.endLocks()
            let second = try await client.failFromTwoAddresses(mobile, "127.0.0.4", "127.0.0.5")
            #expect(second == ["code": "60000", "msg": "错误次数过多，请30分钟以后再试"])
            try await client.expectOwnerRefused(mobile, password, minutes: "30分钟")
            let account = try #require(try await client.locks(of: mobile).first { $0.address.isEmpty })
            #expect(account.locks == 2 && (1790...1800).contains(account.secondsLeft))

            try await client.endLocks()
            #expect(try await client.yaf(mobile, password, from: "127.0.0.1")["code"] == 200)
            let afresh = try await client.failFromTwoAddresses(mobile, "127.0.0.6", "127.0.0.7")
            #expect(afresh["msg"] == "错误次数过多，请15分钟以后再试", "a sign-in started the row again")
        }
    }
}

/// Password sign-ins of yaf, the mobile mall and C2C sent from a chosen client address, and the
/// stored counts.
private struct AddressedSignIn {
    let mesh: TestMesh

    func yaf(_ mobile: String, _ password: String, from address: String) async throws -> JSONValue {
        let operation = try #require(OperationCatalog.find(.yaf, name: "user.login"))
        let parameters: JSONObject = ["mobile": .string(mobile), "login_type": 2, "password": .string(password)]
        return try await mesh.send(
            DialectRequests.request(for: operation, token: nil, parameters: parameters), to: "gateway", from: address)
    }

    func mobile(_ username: String, _ password: String, from address: String) async throws -> JSONValue {
        let operation = try #require(OperationCatalog.find(.mobile, path: "/mobile/login"))
        let parameters: JSONObject = ["username": .string(username), "pwd": .string(password)]
        return try await mesh.send(
            DialectRequests.request(for: operation, token: nil, parameters: parameters), to: "gateway", from: address)
    }

    /// The C2C reply without its `time`.
    func c2c(_ mobile: String, _ password: String, from address: String) async throws -> JSONValue {
        let operation = try #require(OperationCatalog.find(.c2c, name: "user.user.login"))
        let parameters: JSONObject = ["mobile_phone": .string(mobile), "password": .string(password)]
        let reply = try await mesh.send(
            DialectRequests.request(for: operation, token: nil, parameters: parameters), to: "gateway", from: address)
        guard var fields = reply.objectValue else { return reply }
        fields.removeValue(forKey: "time")
        return .object(fields)
    }

    /// Two wrong passwords from each of two addresses (C2C, yaf, mobile, C2C): with the test's limits
    /// the last locks the account. Answers the last reply.
    func failFromTwoAddresses(_ mobile: String, _ one: String, _ other: String) async throws -> JSONValue {
        #expect(try await c2c(mobile, "wrong_Pass-1", from: one)["code"] == "2003")
        #expect(try await yaf(mobile, "wrong_Pass-2", from: one)["code"] == 607, "the address's own lock")
        #expect(try await self.mobile(mobile, "wrong_Pass-3", from: other) == ["code": "300", "msg": "用户名或密码错误"])
        return try await c2c(mobile, "wrong_Pass-4", from: other)
    }

    /// The owner, from an address that never failed, is refused in every dialect with the lock's time.
    func expectOwnerRefused(_ mobile: String, _ password: String, minutes: String) async throws {
        #expect(try await yaf(mobile, password, from: "127.0.0.1") == ["code": 607, "msg": "密码错误次数过多，请\(minutes)后再试"])
        #expect(
            try await self.mobile(mobile, password, from: "127.0.0.1")
                == ["code": "300", "msg": "密码错误次数过多，请\(minutes)后再试"])
        #expect(
            try await c2c(mobile, password, from: "127.0.0.1") == ["code": "60000", "msg": "错误次数过多，请\(minutes)以后再试"])
    }

    /// Moves every lock's end to a second ago, as if its time had passed.
    func endLocks() async throws {
        _ = try await mesh.withDatabase { pool in
            try await pool.execute(
                "UPDATE auth.password_failures SET locked_until = now() - interval '1 second' WHERE locked_until IS NOT NULL"
            )
        }
    }

    /// The stored counts of the account of `mobile`: the address ('' for the account's own), the locks in
    /// a row and the seconds left of the lock in force.
    func locks(of mobile: String) async throws -> [(address: String, locks: Int, secondsLeft: Int)] {
        try await mesh.withDatabase { pool in
            try await pool.query(
                """
                SELECT f.client_address, f.locks,
                       GREATEST(0, extract(epoch FROM f.locked_until - now()))::int AS left
                  FROM auth.password_failures f JOIN auth.accounts a ON a.id = f.account_id
                 WHERE a.mobile = \(mobile) ORDER BY f.client_address
                """
            ).map { row in
                (
                    try row.decode("client_address", as: String.self), try row.decode("locks", as: Int.self),
                    try row.decode("left", as: Int?.self) ?? 0
                )
            }
        }
    }
}
