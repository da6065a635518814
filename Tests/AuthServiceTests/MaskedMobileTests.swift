import Testing

@testable import AuthService

/// The masked mobile number the app base API shows as a new account's nickname.
struct MaskedMobileTests {
    @Test func keepsTheFirstThreeAndLastFourDigits() {
        #expect(YafAuthReplies.maskedMobile("18512342691") == "185****2691")
    }

    @Test func leavesShortTextAlone() {
        #expect(YafAuthReplies.maskedMobile("1234567") == "1234567")
    }
}
