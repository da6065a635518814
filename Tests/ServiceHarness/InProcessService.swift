import Mesh
import ServiceKit

/// One service as an in-process mesh runs it: its name, its descriptor and the function that builds
/// its routes (the same `routes` its executable serves).
public struct InProcessService: Sendable {
    public let name: ServiceName
    public let descriptor: ServiceDescriptor
    public let routes: @Sendable (ServiceApplication) async throws -> [Route]

    public init(
        _ name: ServiceName, descriptor: ServiceDescriptor,
        routes: @escaping @Sendable (ServiceApplication) async throws -> [Route]
    ) {
        self.name = name
        self.descriptor = descriptor
        self.routes = routes
    }
}
