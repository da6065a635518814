import HTTPCore
import JSON

/// The JSON object body every mesh route takes (`/op`, `/internal`, `/admin`).
public enum MeshBody {
    /// The body as an object; an empty body is the empty object; nil when it is anything else.
    public static func object(of request: HTTPRequest) -> JSONObject? {
        if request.body.isEmpty { return JSONObject() }
        guard case .object(let object)? = try? JSONValue.parse(request.body) else { return nil }
        return object
    }
}
