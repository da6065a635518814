import Foundation
import ServiceKit

/// The merchants service's own settings, from environment variables (each also read with the
/// `MERCHANTS_` prefix, which wins):
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `PUBLIC_BASE_URL` | `http://127.0.0.1:8080` | where clients reach the gateway; image paths (`/files/…`) get it in front |
/// | `PAGE_SIZE` | 20 | items per page of the merchant and points-mall lists |
/// | `NEARBY_MAX_RADIUS_METRES` | 50000 | a larger `radius` of the nearby search is cut to this |
/// | `SEED_DEMO_MERCHANTS` | `true` (`false` in production) | seed the demo centres, merchants and goods on first start |
/// | `TIME_ZONE` | `Asia/Shanghai` | the zone whose calendar day decides the goods' validity dates |
struct MerchantsSettings: Sendable {
    let publicBase: PublicBaseURL
    let pageSize: Int
    let maximumRadiusMetres: Int
    let seedsDemoData: Bool
    /// How times are written in replies, and which zone's calendar day the goods' validity dates are.
    let displayTime: DisplayTime

    init(configuration: ServiceConfiguration) throws {
        let environment = configuration.environment
        publicBase = try PublicBaseURL(environment: environment)
        pageSize = try environment.int("PAGE_SIZE", default: 20, range: 1...100)
        maximumRadiusMetres = try environment.int(
            "NEARBY_MAX_RADIUS_METRES", default: 50_000, range: 100...1_000_000)
        let seedDefault = configuration.mode == .production ? "false" : "true"
        let seed = try environment.choice(
            "SEED_DEMO_MERCHANTS", default: seedDefault, choices: ["true", "false", "1", "0"])
        seedsDemoData = seed == "true" || seed == "1"
        displayTime = try configuration.displayTime()
    }

    init(
        publicBase: PublicBaseURL, pageSize: Int, maximumRadiusMetres: Int, seedsDemoData: Bool,
        displayTime: DisplayTime
    ) {
        self.publicBase = publicBase
        self.pageSize = pageSize
        self.maximumRadiusMetres = maximumRadiusMetres
        self.seedsDemoData = seedsDemoData
        self.displayTime = displayTime
    }

    /// Today in the service's zone, written `yyyy-MM-dd` (the goods' validity dates are such days).
    func today(now: Date = Date()) -> String { displayTime.day(of: now) }
}
