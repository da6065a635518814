import ServiceKit

/// How O2O orders run, from the environment:
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `O2O_BRIDGE_PAGE` | `pages/severs/index/index` | the page of the target mini-program the bridge's code opens (the document's default) |
/// | `PUBLIC_BASE_URL` | the gateway's address | where the bridge page `/miniprogram_bridge/pay` is reached |
///
/// An unpaid order lives as long as its trade (`TRADE_LIFETIME_MINUTES`); so does the scene of an order
/// paid in another centre's mini-program.
struct O2OSettings: Sendable {
    let bridgeURL: String
    let bridgePage: String

    init(environment: Environment) throws {
        bridgeURL = try PublicBaseURL(environment: environment).absolute("/miniprogram_bridge/pay")
        let page = environment.string("O2O_BRIDGE_PAGE", default: "pages/severs/index/index")
        guard Self.isPage(page) else {
            throw ConfigurationError(
                variable: "O2O_BRIDGE_PAGE", problem: "must be a mini-program page path such as pages/index/index")
        }
        bridgePage = page
    }

    /// Whether `text` is a page path as WeChat takes it: no leading `/`, letters, digits, `/`, `_`, `-`.
    static func isPage(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 128 && !text.hasPrefix("/")
            && text.unicodeScalars.allSatisfy {
                (("0"..."9").contains($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0)
                    || "/_-".unicodeScalars.contains($0))
            }
    }
}
