import Mesh

/// The one place where what a handler threw becomes a reply, for client, internal and admin
/// operations alike: a `Refusal` is answered in the caller's dialect, a broken mesh message as its
/// protocol refusal, an unavailable service or database as "service unavailable" (logged as a
/// warning), anything else as "internal error" with the detail in the log only.
enum HandlerOutcome {
    static func reply(
        operation: String, dialect: Dialect?, logger: Logger, _ body: () async throws -> CanonicalReply
    ) async -> CanonicalReply {
        do {
            return try await body()
        } catch let refusal as any Refusal {
            return refusal.reply(in: dialect)
        } catch  where error is UpstreamFailure || error is MeshCallError {
            logger.warning("upstream failed", [("operation", .string(operation)), ("error", .string("\(error)"))])
            return UpstreamFailure.reply
        } catch let problem as MeshProtocolError {
            return problem.reply
        } catch  where FaultReply.isUnavailable(error) {
            logger.warning("database unavailable", [("operation", .string(operation)), ("error", .string("\(error)"))])
            return FaultReply.reply(for: error)
        } catch {
            logger.error("operation failed", [("operation", .string(operation)), ("error", .string("\(error)"))])
            return FaultReply.reply(for: error)
        }
    }
}
