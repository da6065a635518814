import Catalog
import HTTPCore
import JSON
import Mesh

extension C2CCodec {
    /// The reply's media type, spelled as the C2C document's response rules spell it.
    static let contentType = "application/json;charset=utf-8"

    /// `{"code":…,"msg":…,"time":…,"data":…}` with every value, however deep, a string (numbers by their
    /// exact text, booleans as `true`/`false`, null as empty). A success always has `data`, `{}` when the
    /// reply has none (as the order-status example answers); a failure has it only when the reply
    /// carries some. The HTTP status is always 200: the outcome is in `code`.
    public func encode(_ reply: CanonicalReply, call: ClientCall?, operation: Operation?) -> HTTPResponse {
        let code = Self.code(of: reply, operation: operation ?? call?.operation)
        let isSuccess = code.text == dialect.codeTable.success.text
        // `.none` spelled out: `JSONValue` takes a `nil` literal as JSON null, which would write `"data":""`.
        let data: JSONValue?
        if let value = reply.data, !value.isNull {
            data = value
        } else {
            data = isSuccess ? .some(.object(JSONObject())) : .none
        }
        var envelope = JSONObject()
        envelope["code"] = .string(code.text)
        envelope["msg"] = .string(reply.message.isEmpty ? code.message : reply.message)
        envelope["time"] = .string(String(now()))
        if let data {
            envelope["data"] = Self.stringified(data)
        }
        let body = JSONValue.object(envelope).serializedBytes()
        return HTTPResponse(status: .ok, headers: ["Content-Type": Self.contentType], body: body)
    }

    /// The code the reply names when the document has it, else the one of its kind.
    static func code(of reply: CanonicalReply, operation: Operation?) -> DialectCode {
        let table = DialectCodeTable.c2c
        guard let name = operation?.name else {
            return reply.dialectCode.flatMap { table.documentedCode($0) } ?? table.code(for: reply.kind)
        }
        return reply.dialectCode.flatMap { table.documentedCode($0, operation: name) }
            ?? table.code(for: reply.kind, operation: name)
    }

    /// `value` with every scalar turned into a string, arrays and objects kept in shape and order.
    static func stringified(_ value: JSONValue) -> JSONValue {
        switch value {
        case .null: .string("")
        case .bool(let flag): .string(flag ? "true" : "false")
        case .number(let number): .string(number.text)
        case .string: value
        case .array(let elements): .array(elements.map(stringified))
        case .object(let object): .object(JSONObject(object.map { ($0.key, stringified($0.value)) }))
        }
    }
}
