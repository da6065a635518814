import Catalog
import HTTPCore
import JSON
import Mesh

extension YafCodec {
    /// The reply's media type.
    static let contentType = "application/json;charset=UTF-8"

    /// `{"code":200,"msg":…,"data":…}` with `code` a number. `data` comes only with success and only when
    /// the reply has some: the document's logout and SMS examples answer success with `code` and `msg`
    /// alone, and its reply format leaves `data` out on errors. The HTTP status is always 200.
    public func encode(_ reply: CanonicalReply, call: ClientCall?, operation: Operation?) -> HTTPResponse {
        let code = Self.code(of: reply, operation: operation ?? call?.operation)
        let isSuccess = code.text == dialect.codeTable.success.text
        var envelope = JSONObject()
        if code.isNumeric, let number = code.integerValue {
            envelope["code"] = .number(JSONNumber(number))
        } else {
            envelope["code"] = .string(code.text)
        }
        envelope["msg"] = .string(reply.message.isEmpty ? code.message : reply.message)
        if isSuccess, let data = reply.data, !data.isNull {
            envelope["data"] = data
        }
        let body = JSONValue.object(envelope).serializedBytes()
        return HTTPResponse(status: .ok, headers: ["Content-Type": Self.contentType], body: body)
    }

    /// The code the reply names when the document has it, else the one of its kind.
    static func code(of reply: CanonicalReply, operation: Operation?) -> DialectCode {
        let table = DialectCodeTable.yaf
        guard let name = operation?.name else {
            return reply.dialectCode.flatMap { table.documentedCode($0) } ?? table.code(for: reply.kind)
        }
        return reply.dialectCode.flatMap { table.documentedCode($0, operation: name) }
            ?? table.code(for: reply.kind, operation: name)
    }
}
