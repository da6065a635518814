import Catalog
import Mesh

/// Another service of the mesh did not give the answer this service needs.
struct UpstreamFailure: Error, Sendable, CustomStringConvertible {
    let service: ServiceName
    let operation: String
    let detail: String

    var description: String { "\(service.rawValue) \(operation): \(detail)" }

    /// What the client is told: the service it depends on is unavailable, nothing more.
    var reply: CanonicalReply { .failure(.upstreamFailed, "服务暂时不可用，请稍后再试") }
}
