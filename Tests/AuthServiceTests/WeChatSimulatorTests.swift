import Testing

@testable import AuthService

/// The simulator's identities: one open id per person and app, one union id per person.
struct WeChatSimulatorTests {
    @Test func openIDsAreStablePerPersonAndApp() {
        let first = WeChatSimulator.openID(app: "wxdevo2o", person: "alice")
        #expect(first == WeChatSimulator.openID(app: "wxdevo2o", person: "alice"))
        #expect(first != WeChatSimulator.openID(app: "wxdevtrain", person: "alice"))
        #expect(first != WeChatSimulator.openID(app: "wxdevo2o", person: "bob"))
        #expect(first.count == 28 && first.hasPrefix("o"))
        #expect(first.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    }

    @Test func unionIDsFollowThePersonAcrossApps() {
        let alice = WeChatSimulator.unionID(person: "alice")
        #expect(alice == WeChatSimulator.unionID(person: "alice"))
        #expect(alice != WeChatSimulator.unionID(person: "bob"))
        #expect(alice.count == 28 && alice.hasPrefix("u"))
    }

    @Test func loginErrorsAreClassified() {
        #expect(WeChatLoginError.rejected(40029, "invalid code").isBadCode)
        #expect(WeChatLoginError.rejected(40163, "code been used").isBadCode)
        #expect(!WeChatLoginError.rejected(40226, "high risk").isBadCode)
        #expect(!WeChatLoginError.rejected(40226, "high risk").isTransient)
        #expect(WeChatLoginError.rejected(-1, "system busy").isTransient)
        #expect(WeChatLoginError.rejected(45011, "api minute-quota reach limit").isTransient)
        #expect(WeChatLoginError(.unreachable("refused")).isTransient)
    }
}
