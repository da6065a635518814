import Crypto
import JSON

/// A file posted in a yaf `system.upload` request. The codec carries it to the owning service inside
/// the business parameters, under its form field's name (`image`), as
/// `{"filename":…,"content_type":…,"size":…,"base64":…}`; `init?(json:)` reads it back.
public struct YafUploadedFile: Sendable, Equatable {
    /// The `filename` the client gave, exactly as sent; never use it as a path without cleaning it.
    public let filename: String?
    /// The part's media type, lower-cased, without parameters.
    public let contentType: String?
    public let bytes: [UInt8]

    public init(filename: String?, contentType: String?, bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }

    /// The file as it travels in the business parameters.
    public var json: JSONValue {
        JSONValue(omittingNils: [
            "filename": filename.map(JSONValue.string),
            "content_type": contentType.map(JSONValue.string),
            "size": .number(JSONNumber(bytes.count)),
            "base64": .string(Base64.encode(bytes)),
        ])
    }

    /// Reads a file written by `json`; nil when `value` is not one (no valid `base64`, or a `size`
    /// that does not match the content).
    public init?(json value: JSONValue) {
        guard case .string(let encoded)? = value["base64"], let bytes = Base64.decode(encoded) else { return nil }
        if let size = value["size"], size.intValue != bytes.count { return nil }
        self.init(
            filename: value["filename"]?.stringValue, contentType: value["content_type"]?.stringValue, bytes: bytes)
    }
}
