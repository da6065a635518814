import Crypto
import JSON

/// Makes captcha challenges for the mobile mall's `code/validcode`: a random answer, stored as a hash,
/// drawn as a distorted JPEG. Rendering and encoding run on the request's thread: a 120×40 image takes
/// well under a millisecond.
struct CaptchaImages: Sendable {
    let store: CaptchaStore

    /// A new challenge: its id (for the cookie) and the JPEG bytes.
    func make() async throws -> (id: String, jpeg: [UInt8]) {
        var generator = SystemRandomNumberGenerator()
        let answer = CaptchaAlphabet.randomAnswer(using: &generator)
        let jpeg = CaptchaRenderer.renderJPEG(answer: answer, using: &generator)
        return (try await store.issue(answer: answer), jpeg)
    }

    /// A challenge with a known answer, for the development and test admin operation `captcha.issue`.
    func makeKnown() async throws -> (id: String, answer: String) {
        var generator = SystemRandomNumberGenerator()
        let answer = CaptchaAlphabet.randomAnswer(using: &generator)
        return (try await store.issue(answer: answer), answer)
    }
}
