import Foundation
import ServiceKit
import Testing

@testable import UserService

/// The user service ships its ordered SQL migrations as a resource of its own schema.
struct UserMigrationsTests {
    @Test func migrationsAreBundledInOrder() throws {
        let folder = try #require(UserService.descriptor.migrations)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }
            .sorted()
        #expect(names.first == "0001_schema.sql")
        #expect(names.allSatisfy { $0.wholeMatch(of: /\d{4}_[a-z0-9_]+\.sql/) != nil })
    }
}
