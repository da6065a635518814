import JSON
import ServiceKit

/// The configuration keys the service itself reads, and the shape each value must have.
enum ConfigKeys {
    /// `system.init`: the URL of the button on the right of the home page's navigation bar.
    static let homeRightButtonURL = "app_home_right_btn_url"
    /// `system.init`: the side menu's service centre, about and feedback buttons, each `{"txt","url"}`.
    static let service = "app_service"
    static let about = "app_about"
    static let feedback = "app_feedback"
    /// The train mini-program's refuel packs (`appConfig` with `keyType=refuel_bag`).
    static let refuelBag = "refuel_bag"
    /// The city codes listed under 热门 by the mini-program's `area/cities/withHot`.
    static let hotCityCodes = "hot_city_codes"

    static let menuButtons = [service, about, feedback]

    /// Why `value` does not fit `key`, nil when it does (or when the key has no fixed shape).
    /// `isCity` tells city codes the city lists show.
    static func problem(key: String, value: JSONValue, isCity: (String) -> Bool) -> String? {
        switch key {
        case homeRightButtonURL:
            guard let url = value.stringValue, url.isEmpty || Parameters.isURL(url) else {
                return "\(key) must be a URL string"
            }
        case service, about, feedback:
            guard case .object(let button) = value, button.count == 2, button["txt"]?.stringValue != nil,
                let url = button["url"]?.stringValue, url.isEmpty || Parameters.isURL(url)
            else { return "\(key) must be {\"txt\": text, \"url\": URL}" }
        case refuelBag:
            guard case .array(let packs) = value,
                packs.allSatisfy({ pack in
                    ["amount", "name", "picture"].allSatisfy { pack[$0]?.stringValue != nil }
                })
            else { return "\(key) must be a list of {\"amount\", \"name\", \"picture\"} texts" }
        case hotCityCodes:
            guard case .array(let codes) = value, codes.count <= 50,
                codes.allSatisfy({ $0.stringValue.map(isCity) ?? false })
            else { return "\(key) must be a list of at most 50 city codes (such as \"440300\")" }
        default:
            break
        }
        return nil
    }
}
