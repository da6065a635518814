import ServiceKit

/// The auth service's own settings.
struct AuthSettings: Sendable {
    /// The development password of the first admin, refused in production.
    static let developmentAdminPassword = "admin-development-password"

    let firstAdminUsername: String
    let firstAdminPassword: String

    init(configuration: ServiceConfiguration) throws {
        let environment = configuration.environment
        firstAdminUsername = environment.string("ADMIN_USERNAME", default: "admin")
        firstAdminPassword = environment.string("ADMIN_PASSWORD", default: AuthSettings.developmentAdminPassword)
        guard (3...64).contains(firstAdminUsername.utf8.count) else {
            throw ConfigurationError(variable: "ADMIN_USERNAME", problem: "must be 3 to 64 characters")
        }
        guard (12...128).contains(firstAdminPassword.utf8.count) else {
            throw ConfigurationError(variable: "ADMIN_PASSWORD", problem: "must be 12 to 128 characters")
        }
        if configuration.mode == .production && firstAdminPassword == AuthSettings.developmentAdminPassword {
            throw ConfigurationError(variable: "ADMIN_PASSWORD", problem: "must be set to a secret of your own in production")
        }
    }
}
