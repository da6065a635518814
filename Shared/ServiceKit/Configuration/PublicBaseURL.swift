/// Where clients reach the platform (the gateway), read from `PUBLIC_BASE_URL`: the URLs of uploaded
/// files start with it. Images are stored as paths of ours (`/files/…`) or as outside URLs.
public struct PublicBaseURL: Sendable, Equatable {
    /// The base without a trailing `/`, such as `https://api.example.com`.
    public let text: String

    /// Reads `PUBLIC_BASE_URL` (default `http://127.0.0.1:8080`): an http(s) URL without spaces.
    public init(environment: Environment) throws(ConfigurationError) {
        var base = environment.string("PUBLIC_BASE_URL", default: "http://127.0.0.1:8080")
        while base.hasSuffix("/") { base.removeLast() }
        guard base.hasPrefix("http://") || base.hasPrefix("https://"), base.utf8.count > 8,
            base.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else {
            throw ConfigurationError(variable: "PUBLIC_BASE_URL", problem: "must be an http(s) URL, got '\(base)'")
        }
        text = base
    }

    public init(_ text: String) {
        self.text = text
    }

    /// `url` as clients use it: a path of ours (`/files/…`) gets the base in front, anything else stays
    /// as it is.
    public func absolute(_ url: String) -> String {
        url.hasPrefix("/") ? text + url : url
    }
}
