import HTTPCore

/// An error a handler throws to answer with a status and a message for the caller; anything
/// else thrown becomes a 500 whose detail goes only to the log.
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    public let status: HTTPStatus
    public let message: String

    public init(_ status: HTTPStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { "\(status.code) \(message)" }

    /// The JSON answer `{"error":…,"message":…,"request_id":…}`.
    public func response(requestID: String) -> HTTPResponse {
        .json(
            JSONText.object([
                ("error", JSONText.quoted(status.reason)), ("message", JSONText.quoted(message)),
                ("request_id", JSONText.quoted(requestID)),
            ]), status: status)
    }
}
