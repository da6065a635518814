import Catalog
import JSON
import ServiceKit

/// The admin operation `captcha.issue` of development and test: a captcha challenge with a known
/// answer, `{"captcha_id","answer"}`, so a person or an automated test can ask for phone codes without
/// reading the image. Refused in production.
enum CaptchaAdmin {
    static func register(on handlers: inout AdminHandlers, images: CaptchaImages, settings: AuthSettings) {
        let allowed = settings.simulatesSMS
        handlers.on("captcha.issue") { _ in
            guard allowed else {
                return .failure(.forbidden, "known captcha answers exist only in development and test")
            }
            let (id, answer) = try await images.makeKnown()
            return .ok(.object(["captcha_id": .string(id), "answer": .string(answer)]))
        }
    }
}
