import Catalog
import Mesh
import ServiceKit

/// Another service of the mesh did not give the answer this service needs.
struct UpstreamFailure: Error, Sendable, CustomStringConvertible {
    let service: ServiceName
    let operation: String
    let detail: String

    var description: String { "\(service.rawValue) \(operation): \(detail)" }

    /// What the client is told: the service it depends on is unavailable, nothing more.
    var reply: CanonicalReply { .failure(.upstreamFailed, "服务暂时不可用，请稍后再试") }

    /// `C`'s service refused a call this service cannot go on without.
    init<C: MeshContract>(contract _: C.Type, refusal: CanonicalReply) {
        self.init(service: C.service, operation: C.name, detail: "answered \(refusal.kind): \(refusal.message)")
    }

    /// `C`'s service gave no usable answer.
    init<C: MeshContract>(contract _: C.Type, error: MeshCallError) {
        self.init(service: C.service, operation: C.name, detail: error.detail)
    }

    init(service: ServiceName, operation: String, detail: String) {
        self.service = service
        self.operation = operation
        self.detail = detail
    }
}
