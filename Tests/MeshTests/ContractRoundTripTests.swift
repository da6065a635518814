import JSON
import Mesh
import Testing

/// Every contract's request and reply survive the wire: written, serialized, parsed and read back,
/// they are equal to what was sent, under the field names the services have always used.
@Suite struct ContractRoundTripTests {
    /// Writes `message`, sends it through JSON text and reads it back.
    private func roundTrip<Message: MeshMessage>(_ message: Message) throws -> Message {
        let text = JSONValue.object(message.json).serialized()
        guard case .object(let object) = try JSONValue.parse(text) else {
            throw MeshProtocolError("\(Message.self) did not serialize as an object")
        }
        return try Message(json: object)
    }

    private func check<C: MeshContract>(_: C.Type, _ request: C.Request, _ reply: C.Reply) throws {
        #expect(try roundTrip(request) == request, "\(C.name) request")
        #expect(try roundTrip(reply) == reply, "\(C.name) reply")
    }

    @Test func authContracts() throws {
        try check(
            AccountsGet.self, AccountRequest(accountID: 7),
            AccountsGet.Reply(
                accountID: 7, mobile: "13800138000", email: nil, openID: "o-7", registeredAt: "2024-01-02 03:04:05"))
        try check(PayPasswordVerify.self, .init(accountID: 7, payPassword: "pay_pass1"), MeshEmpty())
        try check(
            ScenesCreate.self, .init(accountID: 7, payload: ["order_no": "1", "n": 2], lifetimeSeconds: 600),
            .init(sceneID: "0123456789abcdef0123456789abcdef"))
        try check(
            ScenesCreate.self, .init(accountID: 7, payload: [:], lifetimeSeconds: nil), .init(sceneID: "s"))
        try check(
            MiniProgramCodeGet.self,
            .init(appID: "wxdevo2o", scene: "0123456789abcdef", page: "pages/severs/index/index", width: 430),
            .init(contentType: "image/png", image: "iVBORw0KGgo="))
        try check(
            MiniProgramCodeGet.self, .init(appID: "wx1", scene: "id=7", page: "index"),
            .init(contentType: "image/jpeg", image: ""))
        try check(
            SessionsResolve.self, .init(scope: "train", token: "t", nonce: "n", nonceScope: "XCX"),
            .init(caller: CallerIdentity(userID: "7", openID: "o", role: .customer)))
        try check(
            SessionsResolve.self, .init(scope: "admin", token: nil, nonce: nil, nonceScope: nil), .init(caller: nil))
        let facts = AccountFacts(
            mobile: "13800138000", email: nil, publicID: "p-7", registeredAt: "2024-01-02 03:04:05")
        try check(
            SessionsResolve.self, .init(scope: "yaf", token: "t", nonce: nil, nonceScope: nil),
            .init(caller: CallerIdentity(userID: "7", facts: facts)))
        try check(SessionsForget.self, AccountRequest(accountID: 7), MeshEmpty())
        try check(
            FactoryAccountsCreate.self, .init(mobile: "13800138000", email: nil), .init(accountID: 7, openID: "o"))
        try check(
            FactorySessionsOpen.self, .init(accountID: 7, scope: "o2o", role: .guest, revokedReason: "logout"),
            .init(token: "t"))
        #expect(
            try roundTrip(ServedOperations(names: ["yaf/user.detail"])) == ServedOperations(names: ["yaf/user.detail"]))
    }

    @Test func adminSessionContracts() throws {
        try check(
            AdminLogin.self, .init(username: "admin", password: "admin-development-password"), .init(token: "t"))
        try check(AdminLogout.self, .init(token: "t"), MeshEmpty())
        #expect(throws: MeshProtocolError.invalid("username", "1 to 64 bytes")) {
            try AdminLogin.Request(json: ["username": .string(String(repeating: "a", count: 65)), "password": "p"])
        }
    }

    @Test func userContracts() throws {
        try check(
            ProfilesGet.self, AccountRequest(accountID: 9),
            ProfilesGet.Reply(
                accountID: 9, nickname: "甲", realName: nil, sex: 2, birthday: "1990-01-01", idNumber: nil,
                verified: false, intro: "", headImageURL: "http://h/a.png", headImagePath: "/a.png", isMerchant: true,
                benefitRate: "0.0060", balance: 1_234, frozen: 5, points: 0))
        try check(
            ContactsGet.self, .init(accountID: 9, contactID: 3),
            .init(
                id: 3, accountID: 9, name: "张三", idType: "resident_id", idNumber: "11010519491231002X",
                passengerType: "adult"))
        try check(
            AddressesGet.self, .init(accountID: 9, addressID: nil),
            .init(
                id: 4, accountID: 9, provinceCode: "110000", cityCode: "110100", countyCode: "110101",
                provinceName: "北京市", cityName: "北京市", countyName: "东城区", detail: "1 号", receiver: "李四",
                phone: "13800138000", postcode: nil, isDefault: true))
        try check(
            AddressesGet.self, .init(accountID: 9, addressID: 4),
            .init(
                id: 4, accountID: 9, provinceCode: "p", cityCode: "c", countyCode: "x", provinceName: "P",
                cityName: "C",
                countyName: "X", detail: "d", receiver: "r", phone: "p", postcode: "100000", isDefault: false))
        try check(WalletGet.self, AccountRequest(accountID: 9), .init(accountID: 9, balance: 10, frozen: 2, points: 3))
        let movement = WalletMovementRequest(accountID: 9, amount: 100, reference: "order-1", reason: nil)
        let moved = WalletMovementReply(accountID: 9, entryID: 12, kind: "debit", balance: 0, frozen: 0, replayed: true)
        try check(WalletCredit.self, movement, moved)
        try check(WalletDebit.self, movement, moved)
        try check(WalletFreeze.self, movement, moved)
        try check(WalletUnfreeze.self, movement, moved)
        try check(WalletSettle.self, WalletMovementRequest(accountID: 9, amount: 1), moved)
        let points = PointsMovementRequest(accountID: 9, points: 50, reference: nil, reason: "签到")
        let pointsReply = PointsMovementReply(accountID: 9, entryID: 1, change: -50, points: 0, replayed: false)
        try check(PointsAdd.self, points, pointsReply)
        try check(PointsSpend.self, points, pointsReply)
    }

    @Test func contentContracts() throws {
        try check(
            RegionsLookup.self, .init(codes: ["110000", "110101"]),
            .init(regions: [
                .init(code: "110000", name: "北京市", level: 1, parentCode: nil, longitude: "116.4", latitude: nil),
                .init(code: "110101", name: "东城区", level: 3, parentCode: "110100", longitude: nil, latitude: nil),
            ]))
        try check(
            FilesStore.self, .init(contentBase64: "iVBORw0KGgo=", purpose: "avatar"),
            .init(fileID: 5, imageURL: "http://127.0.0.1:8080/files/ab/x.png", relativeImageURL: "/files/ab/x.png"))
    }

    @Test func fieldNamesOnTheWire() {
        #expect(
            AccountsGet.Reply(accountID: 1, mobile: nil, email: nil, openID: "o", registeredAt: "r").json.keys == [
                "account_id", "mobile", "email", "open_id", "registered_at",
            ])
        #expect(
            WalletMovementRequest(accountID: 1, amount: 2, reference: "r").json == [
                "account_id": "1", "amount": 2, "reference": "r",
            ])
        #expect(SessionsResolve.Reply(caller: CallerIdentity(userID: "1")).json == ["userId": "1"])
        #expect(SessionsResolve.name == "sessions/resolve" && WalletDebit.isMutating && !WalletGet.isMutating)
    }

    @Test func aBrokenRequestNamesItsField() {
        #expect(throws: MeshProtocolError.missing("account_id")) { try WalletMovementRequest(json: ["amount": 1]) }
        for amount: JSONValue in ["abc", -5, 0, .number(JSONNumber(text: "1.5")!), "1e3", [1], true, 1_000_000_000_001]
        {
            #expect(throws: MeshProtocolError.self, "\(amount)") {
                try WalletMovementRequest(json: ["account_id": "1", "amount": amount])
            }
            do {
                _ = try WalletMovementRequest(json: ["account_id": "1", "amount": amount])
            } catch {
                #expect(error.field == "amount" && !error.isMissing && error.reply.kind == .invalidParams)
            }
        }
        #expect(throws: MeshProtocolError.invalid("codes", "a list")) {
            try RegionsLookup.Request(json: ["codes": "110000"])
        }
        #expect(MeshProtocolError.missing("codes").reply.kind == .missingParameter)
        #expect(throws: MeshProtocolError.self) { try IdempotencyKeyRule.check("bad key") }
    }
}
