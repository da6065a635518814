import Testing

@testable import AuthService

/// The shapes of mobile numbers, e-mail addresses and passwords every dialect checks before a lookup.
struct CredentialFormatTests {
    @Test(arguments: ["13800000000", "19912345678"])
    func mobileNumbers(_ text: String) {
        #expect(CredentialFormat.isMobile(text))
        #expect(AccountIdentity(text) == .mobile(text))
    }

    @Test(arguments: ["23800000000", "1380000000", "138000000001", "1380000000a", "１３８00000000", ""])
    func notMobileNumbers(_ text: String) {
        #expect(!CredentialFormat.isMobile(text))
    }

    @Test func emailAddressesAreComparedInLowerCase() {
        #expect(AccountIdentity("Member.One@Example.COM") == .email("member.one@example.com"))
        #expect(AccountIdentity("a@b.cn")?.channel == "email")
    }

    @Test(arguments: [
        "plain", "a@b", "@b.cn", "a@.cn", "a@b.", "a b@c.cn", "a@b@c.cn", "a@b_c.cn", "' OR 1=1 --@x.cn",
        String(repeating: "a", count: 65) + "@b.cn", "a@" + String(repeating: "b", count: 250) + ".cn",
    ])
    func notEmailAddresses(_ text: String) {
        #expect(!CredentialFormat.isEmail(text))
        #expect(AccountIdentity(text) == nil)
    }

    @Test func passwordsAreSixToTwentyOfLettersDigitsUnderscoresAndHyphens() {
        #expect(CredentialFormat.isPassword("abc_12"))
        #expect(CredentialFormat.isPassword("A-b_C-d_E-f_G-h_1234"))
        #expect(!CredentialFormat.isPassword("abc12"))
        #expect(!CredentialFormat.isPassword("A-b_C-d_E-f_G-h_12345"))
        #expect(!CredentialFormat.isPassword("pass word"))
        #expect(!CredentialFormat.isPassword("pässwort"))
        #expect(!CredentialFormat.isPassword("p'; --x"))
    }
}
