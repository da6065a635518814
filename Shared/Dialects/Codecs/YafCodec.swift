import Catalog
import HTTPCore
import JSON
import Mesh

/// The app base API (yaf) dialect (API document 003): `POST /` with the form fields `data` (a JSON
/// object holding the fixed and the business parameters) and `sign`, multipart for uploads;
/// answered with `{"code":200,"msg":…,"data":…}`, without `data` on errors.
public struct YafCodec: DialectCodec {
    public init() {}

    public var dialect: Dialect { .yaf }

    /// A `POST /` whose query names no `_apiname` (that one is the c2c dialect's).
    public func accepts(_ request: HTTPRequest) -> Bool {
        request.path == "/" && request.method == .post
            && !request.queryParameters.contains { $0.name == C2CQuery.apiNameField }
    }

    public func decode(_ request: HTTPRequest) throws(DialectFailure) -> ClientCall {
        let form = try YafForm(request)
        guard let text = form.data, !text.isEmpty else {
            // Without `data` there is no `method` either: the document's code for that is 504.
            throw DialectFailure(
                .missingParameter,
                "the form field data is missing (post data and sign as application/x-www-form-urlencoded, "
                    + "or as multipart/form-data for uploads)",
                code: "504")
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch {
            throw DialectFailure(.invalidParams, "the form field data is not JSON: \(error)")
        }
        guard case .object(let data) = value else {
            throw DialectFailure(.invalidParams, "the form field data must be a JSON object")
        }
        let named = data["method"]?.stringValue.flatMap { OperationCatalog.find(.yaf, name: $0) }
        let fixed = try YafFixedParameters(data, operation: named)
        guard let operation = named else {
            throw DialectFailure(.noSuchOperation, "the yaf API has no method \(fixed.method)")
        }
        var parameters = fixed.business
        for (field, file) in form.files {
            guard !parameters.contains(key: field) else {
                throw DialectFailure(
                    .invalidParams, "\(field) is given both as a file and inside data", operation: operation)
            }
            parameters[field] = file.json
        }
        var call = ClientCall(dialect: .yaf, operation: operation, parameters: parameters)
        call.token = fixed.token
        call.appID = fixed.appID
        call.timestamp = fixed.timestamp
        call.signature = .rawData(data: text, sign: form.sign.flatMap { $0.isEmpty ? nil : $0 })
        return call
    }
}
