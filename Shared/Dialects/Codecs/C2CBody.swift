import Catalog
import HTTPCore
import JSON
import Mesh

/// The body of a c2c request: the operation's JSON object, or nothing for operations without
/// business parameters (the request rules then allow an empty or form content type).
enum C2CBody {
    /// The business parameters of the body; an empty or blank body has none. Any other body must be
    /// one JSON object, whatever its declared content type.
    static func parameters(of request: HTTPRequest, operation: Operation) throws(DialectFailure) -> JSONObject {
        let blank: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        if request.body.allSatisfy({ blank.contains($0) }) { return JSONObject() }
        if request.contentType == "multipart/form-data" {
            throw DialectFailure(
                .invalidParams, "\(operation.name) takes its parameters as a JSON object, not as multipart form data",
                operation: operation)
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(request.body)
        } catch {
            throw DialectFailure(.invalidParams, "the body is not JSON: \(error)", operation: operation)
        }
        guard case .object(let object) = value else {
            throw DialectFailure(.invalidParams, "the body must be a JSON object", operation: operation)
        }
        return object
    }
}
