import ServiceKit

/// The keys the gateway checks signatures with, and the time windows, from configuration.
/// Development and test default to the documents' own example keys so a client written from a
/// document works unchanged; production refuses to start while any of them is still in use.
struct DialectSecrets: Sendable {
    /// The train document's example key of appCode `XCX`.
    static let documentedTrainKeys = ["XCX": "319ceidcbweifbwi"]
    /// The app base API document's example secret of appid `ios_app_id`.
    static let documentedYafSecrets = ["ios_app_id": "7512100214f62d7de8ba01b281d6da02"]
    /// The C2C document names no secret; this development default is listed in the README.
    static let developmentC2CSecret = "c2c-development-secret"

    /// train: appCode → key.
    let trainKeys: [String: String]
    /// yaf: appid → secret.
    let yafSecrets: [String: String]
    let c2cSecret: String
    /// Largest distance between a client's `timestamp` / `cc` and the server clock, in seconds.
    let timestampWindowSeconds: Int

    init(configuration: ServiceConfiguration) throws {
        let environment = configuration.environment
        trainKeys = try DialectSecrets.pairs(environment, "TRAIN_APP_KEYS", default: DialectSecrets.documentedTrainKeys)
        yafSecrets = try DialectSecrets.pairs(
            environment, "YAF_APP_SECRETS", default: DialectSecrets.documentedYafSecrets)
        c2cSecret = environment.string("C2C_SECRET", default: DialectSecrets.developmentC2CSecret)
        timestampWindowSeconds = try environment.int("SIGNATURE_WINDOW_SECONDS", default: 300, range: 1...86_400)
        if configuration.mode == .production {
            if trainKeys.values.contains(where: { DialectSecrets.documentedTrainKeys.values.contains($0) }) {
                throw ConfigurationError(variable: "TRAIN_APP_KEYS", problem: "still holds the document's example key")
            }
            if yafSecrets.values.contains(where: { DialectSecrets.documentedYafSecrets.values.contains($0) }) {
                throw ConfigurationError(
                    variable: "YAF_APP_SECRETS", problem: "still holds the document's example secret")
            }
            if c2cSecret == DialectSecrets.developmentC2CSecret {
                throw ConfigurationError(variable: "C2C_SECRET", problem: "must be set to a secret of your own")
            }
        }
    }

    /// `A:key1,B:key2`, each name and key non-empty.
    private static func pairs(
        _ environment: Environment, _ name: String, default fallback: [String: String]
    ) throws
        -> [String: String]
    {
        guard let (variable, text) = environment.lookup(name) else { return fallback }
        var result: [String: String] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ConfigurationError(variable: variable, problem: "must look like APP:KEY,APP2:KEY2")
            }
            result[parts[0]] = parts[1]
        }
        return result
    }
}
