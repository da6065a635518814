import Foundation
import ServiceKit

/// The auth service: credentials, sessions and tokens of every dialect, SMS and e-mail codes, captcha, WeChat login.
public enum AuthService {
    public static let descriptor = ServiceDescriptor(
        name: "auth", defaultPort: 8101, schema: "auth",
        migrations: Bundle.module.url(forResource: "Migrations", withExtension: nil))

    /// The service's own routes (the standard health, readiness and metrics routes come with ServiceKit).
    public static func routes(_ application: ServiceApplication) async throws -> [Route] {
        guard let database = application.database else { return [] }
        let sessions = SessionStore(database: database)
        let admins = AdminAccounts(database: database, sessions: sessions)
        let settings = try AuthSettings(configuration: application.configuration)
        try await admins.ensureFirstAdmin(username: settings.firstAdminUsername, password: settings.firstAdminPassword)
        return [ResolveSessionRoute.make(store: sessions)] + AdminSessionRoutes.make(admins: admins, sessions: sessions)
    }
}
