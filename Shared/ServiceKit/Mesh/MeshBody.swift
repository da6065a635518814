import HTTPCore
import JSON

/// The JSON object body every mesh route takes (`/op`, `/internal`, `/admin`). The route's body limit
/// already bounds its size, so strings may be as long as the body (an uploaded image travels as one
/// base64 string); a large body is parsed on `BlockingWork`, off the event loops.
public enum MeshBody {
    /// Bodies from this size on are parsed off the event loops.
    static let offLoopBytes = 256 * 1024

    /// The body as an object; an empty body is the empty object; nil when it is anything else.
    public static func object(of request: HTTPRequest) async -> JSONObject? {
        let body = request.body
        if body.isEmpty { return JSONObject() }
        if body.count < offLoopBytes { return parse(body) }
        return try? await BlockingWork.run { parse(body) }
    }

    private static func parse(_ body: [UInt8]) -> JSONObject? {
        let limits = JSONLimits(maxBytes: body.count, maxStringBytes: body.count)
        guard case .object(let object)? = try? JSONValue.parse(body, limits: limits) else { return nil }
        return object
    }
}
