import Mesh

/// Another service of the mesh did not give the answer this one needs. The caller is told only that
/// the service is unavailable for now; the detail goes to the log.
public struct UpstreamFailure: Error, Sendable, CustomStringConvertible {
    public let service: ServiceName
    public let operation: String
    public let detail: String

    public init(service: ServiceName, operation: String, detail: String) {
        self.service = service
        self.operation = operation
        self.detail = detail
    }

    public init(_ error: MeshCallError) {
        self.init(service: error.service, operation: error.operation, detail: error.detail)
    }

    /// `C`'s service refused a call this service cannot go on without.
    public init<C: MeshContract>(contract _: C.Type, refusal: CanonicalReply) {
        self.init(service: C.service, operation: C.name, detail: "answered \(refusal.kind): \(refusal.message)")
    }

    /// `C`'s service gave no usable answer.
    public init<C: MeshContract>(contract _: C.Type, error: MeshCallError) {
        self.init(service: C.service, operation: C.name, detail: error.detail)
    }

    public var description: String { "\(service.rawValue) \(operation): \(detail)" }

    /// What the client is told.
    public static let reply = CanonicalReply.failure(.upstreamFailed, "服务暂时不可用，请稍后再试")
}
