import Crypto
import Dialects
import JSON
import Testing

/// The train document's signing rules through the gateway: the sections that name the signing key need
/// `sign` and a non-empty, single-use `nonceStr`; the others check a `sign` that is sent and accept its
/// absence; a used `nonceStr` stays used while the `loginKey` it came with can still be used.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct TrainSigningTests {
    @Test func signAndNonceAreRequiredWhereTheDocumentNamesTheKey() async throws {
        try await TestMesh.with(["auth", "user", "gateway"]) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let (userID, loginKey) = try await client.trainLogin("fay")
            let phone: JSONObject = ["phoneNo": "13800000301"]

            var unsigned = phone
            unsigned["nonceStr"] = .string(SecureRandom.token(bytes: 8))
            let noSign = try await client.trainAsSent("sendPhoneCode", loginKey: loginKey, userID: userID, unsigned)
            #expect(noSign["code"] == "0018")
            for nonce: JSONValue? in [nil, ""] {
                var data = phone
                if let nonce { data["nonceStr"] = nonce }
                data["sign"] = .string(TrainSignature.sign(data, key: DialectRequests.trainKey))
                let answer = try await client.trainAsSent("sendPhoneCode", loginKey: loginKey, userID: userID, data)
                #expect(answer["code"] == "0013", "nonceStr \(nonce ?? .null): \(answer)")
                #expect(answer["msg"]?.stringValue?.hasPrefix("缺少参数") == true)
            }
            var noNonceLogin: JSONObject = ["code": "any-code"]
            noNonceLogin["sign"] = .string(TrainSignature.sign(noNonceLogin, key: DialectRequests.trainKey))
            #expect(try await client.trainAsSent("login", noNonceLogin)["code"] == "0013")
        }
    }

    @Test func operationsWithoutTheKeyAcceptAMissingSignAndCheckAGivenOne() async throws {
        try await TestMesh.with(["auth", "user", "gateway"]) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let (userID, loginKey) = try await client.trainLogin("gus")
            let bare = try await client.trainAsSent("getUserInfo", loginKey: loginKey, userID: userID, [:])
            #expect(bare["code"] == "0000", "\(bare)")
            let badSign = try await client.trainAsSent(
                "getUserInfo", loginKey: loginKey, userID: userID, ["sign": "0123456789ABCDEF0123456789ABCDEF"])
            #expect(badSign["code"] == "0017")
            let signed = try await client.train(
                "getUserInfo", loginKey: loginKey, userID: userID, key: "not-the-key", [:])
            #expect(signed["code"] == "0017")
            #expect(try await client.train("getUserInfo", loginKey: loginKey, userID: userID)["code"] == "0000")
            let noKey = try await client.trainAsSent("getUserInfo", userID: userID, [:])
            #expect(noKey["code"] == "0007")
        }
    }

    @Test func aUsedNonceStaysUsedWhileItsLoginKeyLives() async throws {
        try await TestMesh.with(["auth", "user", "gateway"]) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let (userID, loginKey) = try await client.trainLogin("hal")
            var data: JSONObject = ["nonceStr": "captured-nonce-1"]
            data["sign"] = .string(TrainSignature.sign(data, key: DialectRequests.trainKey))
            let first = try await client.trainAsSent("getUserInfo", loginKey: loginKey, userID: userID, data)
            #expect(first["code"] == "0000")
            #expect(
                try await client.trainAsSent("getUserInfo", loginKey: loginKey, userID: userID, data)["code"] == "0017")

            // A day and more later the nonce's own lifetime is over, but the session it was used with is live.
            try await client.execute("UPDATE auth.nonces SET expires_at = now() - interval '1 second'")
            let replay = try await client.trainAsSent("getUserInfo", loginKey: loginKey, userID: userID, data)
            #expect(replay["code"] == "0017", "\(replay)")

            // Once that session has ended, the nonce may be claimed again (the old loginKey opens nothing).
            let (_, secondKey) = try await client.trainLogin("hal")
            let reused = try await client.trainAsSent("getUserInfo", loginKey: secondKey, userID: userID, data)
            #expect(reused["code"] == "0000", "\(reused)")
        }
    }
}
