import Catalog
import HTTPCore
import JSON
import Mesh

/// The code and message a canonical reply is written with in one operation's envelope.
///
/// The code is the documented code the reply names (`dialectCode`), else `successCode` for an `ok` reply when
/// the operation's document gives its own success code, else the code of the reply's kind; it is written in the
/// notation the operation's examples use. The message is the reply's own when it has one, else the document's
/// message for the code.
struct ReplyHead {
    let code: DialectCode
    let message: String

    init(_ reply: CanonicalReply, table: DialectCodeTable, operation: String, successCode: String? = nil) {
        let named = reply.dialectCode.flatMap { table.documentedCode($0, operation: operation) }
        let success = reply.kind == .ok ? successCode.flatMap { table.documentedCode($0, operation: operation) } : nil
        code = named ?? success ?? table.code(for: reply.kind, operation: operation)
        message = reply.message.isEmpty ? code.message : reply.message
    }

    /// The code as the envelope writes it: a JSON string (`"0000"`) or a JSON number (`0`).
    var codeValue: JSONValue {
        switch code.notation {
        case .string: return .string(code.text)
        case .number: return JSONNumber(text: code.text).map(JSONValue.number) ?? .string(code.text)
        }
    }
}

/// The HTTP answers the dialect codecs write.
enum ClientReply {
    /// The content type of every JSON envelope.
    static let jsonContentType = "application/json;charset=UTF-8"

    /// A `200 OK` answer carrying `value` as compact JSON.
    static func json(_ value: JSONValue) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: ["Content-Type": jsonContentType], body: value.serializedBytes())
    }
}
