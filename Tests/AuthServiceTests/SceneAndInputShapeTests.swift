import JSON
import ServiceKit
import Testing

@testable import AuthService

/// The shapes checked before a lookup: scene ids, WeChat login codes, app names.
struct SceneAndInputShapeTests {
    @Test func sceneIDsAre32LowerCaseHexCharacters() {
        #expect(SceneStore.isSceneID("0123456789abcdef0123456789abcdef"))
        #expect(!SceneStore.isSceneID("0123456789ABCDEF0123456789abcdef"))
        #expect(!SceneStore.isSceneID("0123456789abcdef0123456789abcde"))
        #expect(!SceneStore.isSceneID("x'; DROP TABLE auth.scenes; --"))
    }

    @Test func loginCodesAreShortVisibleASCII() {
        #expect(Parameters.isLoginCode("081KQq0w3Ds3Ac2YZx1w3jYB0w3KQq0Y"))
        #expect(!Parameters.isLoginCode(""))
        #expect(!Parameters.isLoginCode("a b"))
        #expect(!Parameters.isLoginCode("码"))
        #expect(!Parameters.isLoginCode(String(repeating: "a", count: 129)))
    }

    @Test func appNames() {
        #expect(Parameters.isAppName("wx1234567890abcdef"))
        #expect(Parameters.isAppName("XCX"))
        #expect(!Parameters.isAppName("wx:1"))
        #expect(!Parameters.isAppName(String(repeating: "a", count: 65)))
    }
}
