import Foundation
import ServiceKit

/// The content service: app init and upgrade, ads, links, categories, notices, messages, news, regions, files.
public enum ContentService {
    public static let descriptor = ServiceDescriptor(
        name: "content", defaultPort: 8106, schema: "content",
        migrations: Bundle.module.url(forResource: "Migrations", withExtension: nil))

    /// The service's own routes (the standard health, readiness and metrics routes come with ServiceKit).
    public static func routes(_ application: ServiceApplication) async throws -> [Route] {
        []
    }
}
