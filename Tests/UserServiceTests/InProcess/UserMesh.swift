import AuthService
import ContentService
import Mesh
import ServiceHarness
import UserService

/// The user service with the services it calls (auth for account facts, content for regions and
/// files), all in this process.
enum UserMesh {
    static let services = [
        InProcessService(.auth, descriptor: AuthService.descriptor, routes: AuthService.routes),
        InProcessService(.content, descriptor: ContentService.descriptor, routes: ContentService.routes),
        InProcessService(.user, descriptor: UserService.descriptor, routes: UserService.routes),
    ]

    static func with<T>(_ body: (InProcessMesh) async throws -> T) async throws -> T {
        try await InProcessMesh.with(services, body)
    }
}
