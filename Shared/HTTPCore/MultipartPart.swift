/// One part of a `multipart/form-data` body.
public struct MultipartPart: Sendable {
    /// The `name` parameter of `Content-Disposition` (the form field).
    public var name: String?
    /// The `filename` parameter of `Content-Disposition` exactly as sent; it may hold a path or
    /// anything else, so never use it as a file path without cleaning it.
    public var filename: String?
    /// The part's media type, lower-cased and without parameters (the whole field is in `headers`).
    public var contentType: String?
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(name: String?, filename: String?, contentType: String?, headers: HTTPHeaders, body: [UInt8]) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.headers = headers
        self.body = body
    }
}

/// Why a `multipart/form-data` body could not be read.
public enum MultipartError: Error, Sendable, Equatable {
    /// The request's media type is not `multipart/form-data` (nil when there is no `Content-Type`).
    case notMultipartFormData(contentType: String?)
    /// `Content-Type` has no `boundary` parameter.
    case missingBoundary
    /// The boundary is empty, longer than 70 characters or uses characters RFC 2046 does not allow.
    case invalidBoundary
    /// The body does not start with (or, after a preamble, contain) `--boundary`.
    case noOpeningDelimiter
    /// The part at `index` (from 0) breaks the format; `reason` says how.
    case malformedPart(index: Int, reason: String)
    /// The body ends before the closing `--boundary--`.
    case noClosingDelimiter
    /// There are more parts than allowed.
    case tooManyParts(limit: Int)
}
