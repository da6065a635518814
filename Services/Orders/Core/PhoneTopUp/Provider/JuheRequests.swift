import HTTPCore

/// The HTTP requests of Juhe's phone-credit API (`JuheProtocol`), their targets relative to the API's
/// base URL. The key travels in the query or the form, so a request is never logged.
enum JuheRequests {
    static func check(phone: String, faceValue: FaceValue, credentials: JuheCredentials) -> HTTPRequest {
        get(
            JuheProtocol.Path.check,
            [("cardnum", String(faceValue.yuan)), ("phoneno", phone), ("key", credentials.key)])
    }

    static func query(phone: String, faceValue: FaceValue, credentials: JuheCredentials) -> HTTPRequest {
        get(
            JuheProtocol.Path.query,
            [("cardnum", String(faceValue.yuan)), ("phoneno", phone), ("key", credentials.key)])
    }

    static func order(orderNo: String, phone: String, faceValue: FaceValue, credentials: JuheCredentials) -> HTTPRequest
    {
        let sign = JuheProtocol.sign(
            openID: credentials.openID, key: credentials.key, phone: phone, cardNum: faceValue.yuan, orderID: orderNo)
        let form = encoded([
            ("key", credentials.key), ("phoneno", phone), ("cardnum", String(faceValue.yuan)), ("orderid", orderNo),
            ("sign", sign),
        ])
        return HTTPRequest(
            method: .post, target: JuheProtocol.Path.order,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
            body: Array(form.utf8))
    }

    static func status(orderNo: String, credentials: JuheCredentials) -> HTTPRequest {
        get(JuheProtocol.Path.status, [("orderid", orderNo), ("key", credentials.key)])
    }

    private static func get(_ path: String, _ fields: [(String, String)]) -> HTTPRequest {
        HTTPRequest(method: .get, target: path + "?" + encoded(fields), headers: ["Accept": "application/json"])
    }

    /// `name=value&…` with everything but RFC 3986's unreserved characters percent-encoded.
    static func encoded(_ fields: [(String, String)]) -> String {
        fields.map { "\(percentEncoded($0.0))=\(percentEncoded($0.1))" }.joined(separator: "&")
    }

    static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        var encoded = String.UnicodeScalarView()
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                encoded.append(Unicode.Scalar(byte))
            default:
                encoded.append("%")
                encoded.append(hex[Int(byte >> 4)])
                encoded.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(encoded)
    }
}
