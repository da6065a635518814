import Catalog
import Mesh
import ServiceKit

/// Turns the typed refusals an operation throws into its dialect's reply; anything it does not
/// translate is a fault and goes on to the standard "internal error" answer (and the log).
struct RefusalTranslation: Sendable {
    let translate: @Sendable (any Error) -> CanonicalReply?

    /// A handler that needs the caller's account and answers the translated refusals of `body`.
    func handler(
        _ body: @escaping @Sendable (MeshCall, Int64, RequestContext) async throws -> CanonicalReply
    ) -> OperationHandlers.Handler {
        let translate = self.translate
        return { call, context in
            guard let account = call.accountID else { return .failure(.notLoggedIn, "请先登录") }
            do {
                return try await body(call, account, context)
            } catch let failure as UpstreamFailure {
                context.logger.warning("upstream failed", [("error", .string(failure.description))])
                return failure.reply
            } catch {
                if let reply = translate(error) { return reply }
                throw error
            }
        }
    }
}
