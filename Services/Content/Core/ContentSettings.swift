import Catalog
import Foundation
import ServiceKit

/// The content service's own settings, from environment variables (each also read with the
/// `CONTENT_` prefix, which wins):
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `PUBLIC_BASE_URL` | `http://127.0.0.1:8080` | where clients reach the gateway; file URLs start with it |
/// | `FILES_DIR` | `.data/files` | folder of uploaded files (a volume in compose) |
/// | `MAX_UPLOAD_BYTES` | 5242880 (5 MiB) | largest image accepted |
/// | `PAGE_SIZE` | 20 | items per page of the app base API's lists |
/// | `CACHE_MILLISECONDS` | 1000 | how long public lists are kept in memory (0: off) |
/// | `START_AD_POSITION`, `HOME_AD_POSITION` | `app_start`, `app_home` | ad positions: start screen, home page |
/// | `SEED_DEMO_CONTENT` | `true` (`false` in production) | seed the demo content on first start |
/// | `TIME_ZONE` | `Asia/Shanghai` | zone of the times shown and read |
struct ContentSettings: Sendable {
    static let uploadLimit = ImageLimit.bytes

    let publicBase: PublicBaseURL
    let filesDirectory: URL
    let maxUploadBytes: Int
    let pageSize: Int
    let cacheLifetime: Duration
    let startAdPosition: String
    let homeAdPosition: String
    let seedsDemoContent: Bool
    let displayTime: DisplayTime

    init(configuration: ServiceConfiguration) throws {
        let environment = configuration.environment
        publicBase = try PublicBaseURL(environment: environment)
        filesDirectory = URL(fileURLWithPath: environment.string("FILES_DIR", default: ".data/files"))
        maxUploadBytes = try environment.int(
            "MAX_UPLOAD_BYTES", default: Self.uploadLimit, range: 1024...Self.uploadLimit)
        pageSize = try environment.int("PAGE_SIZE", default: 20, range: 1...100)
        cacheLifetime = .milliseconds(try environment.int("CACHE_MILLISECONDS", default: 1000, range: 0...60_000))
        startAdPosition = try Self.position(environment, "START_AD_POSITION", default: "app_start")
        homeAdPosition = try Self.position(environment, "HOME_AD_POSITION", default: "app_home")
        let seedDefault = configuration.mode == .production ? "false" : "true"
        seedsDemoContent =
            try environment.choice(
                "SEED_DEMO_CONTENT", default: seedDefault, choices: ["true", "false", "1", "0"]) == "true"
            || environment.lookup("SEED_DEMO_CONTENT")?.value == "1"
        displayTime = try configuration.displayTime()
    }

    private static func position(_ environment: Environment, _ name: String, default fallback: String) throws -> String
    {
        let value = environment.string(name, default: fallback)
        guard AdPosition.isValid(value) else {
            throw ConfigurationError(
                variable: name, problem: "must be 1 to 50 letters, digits, '_', '-' or '.', got '\(value)'")
        }
        return value
    }

    /// Where clients reach the gateway, without a trailing `/`.
    var publicBaseURL: String { publicBase.text }

    /// `url` as clients use it (`PublicBaseURL.absolute`).
    func absoluteURL(_ url: String) -> String { publicBase.absolute(url) }
}
