import Catalog
import HTTPCore
import JSON
import Mesh

/// Reads the parameters a client request carries in its query string and its body, for the path-routed
/// dialects (train, o2o, mobile).
///
/// The body is read by its `Content-Type`: `application/json` (or any `+json` type) must hold one JSON object,
/// whose members keep their JSON types; `application/x-www-form-urlencoded` and the text fields of
/// `multipart/form-data` give strings (file parts are left out). A body without a content type, or with another
/// one, is read as JSON when it starts with `{` and as a form otherwise. Query and form values are always
/// strings; where a name repeats, the first value wins. A field whose name or value is not UTF-8 once decoded
/// (or has a broken `%` escape) is refused by name as an invalid parameter, never left out.
enum ClientParameters {
    /// The query string's parameters, as strings.
    static func query(of request: HTTPRequest, operation: Operation) throws(DialectFailure) -> JSONObject {
        do {
            return strings(try request.strictQueryParameters())
        } catch {
            throw DialectFailure(.invalidParams, "the query string: \(error)", operation: operation)
        }
    }

    /// The body's parameters; an empty body has none.
    static func body(of request: HTTPRequest, operation: Operation) throws(DialectFailure) -> JSONObject {
        guard !request.body.isEmpty else { return JSONObject() }
        switch format(of: request) {
        case .json: return try jsonObject(request.body, operation: operation)
        case .form: return try formFields(request.body, operation: operation)
        case .multipart: return try multipartFields(request, operation: operation)
        }
    }

    /// The query's parameters, then the body's; a body member replaces the query's member of the same name.
    static func merged(_ request: HTTPRequest, operation: Operation) throws(DialectFailure) -> JSONObject {
        var parameters = try query(of: request, operation: operation)
        parameters.merge(try body(of: request, operation: operation))
        return parameters
    }

    /// A parameter that must be a scalar, as text (`"1"` and `1` both give `1`); nil when absent, null or
    /// empty. An array or object is refused.
    static func text(
        _ name: String, in parameters: JSONObject, operation: Operation
    ) throws(DialectFailure) -> String? {
        guard let value = parameters[name], !value.isNull else { return nil }
        guard let text = value.scalarText else {
            throw DialectFailure(.invalidParams, "\(name) must be a string or a number", operation: operation)
        }
        return text.isEmpty ? nil : text
    }

    private enum BodyFormat {
        case json
        case form
        case multipart
    }

    private static func format(of request: HTTPRequest) -> BodyFormat {
        switch request.contentType {
        case "application/json"?: return .json
        case let type? where type.hasSuffix("+json"): return .json
        case "application/x-www-form-urlencoded"?: return .form
        case "multipart/form-data"?: return .multipart
        default:
            let first = request.body.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
            return first == UInt8(ascii: "{") ? .json : .form
        }
    }

    private static func jsonObject(_ body: [UInt8], operation: Operation) throws(DialectFailure) -> JSONObject {
        let value: JSONValue
        do {
            value = try JSONValue.parse(body)
        } catch {
            throw DialectFailure(.invalidParams, "the body is not valid JSON: \(error)", operation: operation)
        }
        guard case .object(let object) = value else {
            throw DialectFailure(.invalidParams, "the JSON body must be an object", operation: operation)
        }
        return object
    }

    private static func multipartFields(
        _ request: HTTPRequest, operation: Operation
    ) throws(DialectFailure) -> JSONObject {
        let parts: [MultipartPart]
        do {
            parts = try request.multipartParts()
        } catch {
            throw DialectFailure(.invalidParams, "the multipart body is malformed: \(error)", operation: operation)
        }
        var fields: [(name: String, value: String)] = []
        for part in parts where part.filename == nil {
            guard let name = part.name else { continue }
            guard let value = String(validating: part.body, as: UTF8.self) else {
                throw DialectFailure(.invalidParams, "the field \(name) is not valid UTF-8", operation: operation)
            }
            fields.append((name: name, value: value))
        }
        return strings(fields)
    }

    private static func formFields(_ body: [UInt8], operation: Operation) throws(DialectFailure) -> JSONObject {
        do {
            return strings(try strictURLEncodedPairs(body))
        } catch {
            throw DialectFailure(.invalidParams, "the form body: \(error)", operation: operation)
        }
    }

    private static func strings(_ pairs: [(name: String, value: String)]) -> JSONObject {
        var object = JSONObject()
        for pair in pairs where !object.contains(key: pair.name) {
            object[pair.name] = .string(pair.value)
        }
        return object
    }
}
