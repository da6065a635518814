import EventLoops
import HTTPCore

/// What a server calls for each request. `respond` runs as a Swift task, never on an event loop.
public protocol HTTPResponder: Sendable {
    /// The body limit for this request, in bytes, or nil for the server's default. Called on the
    /// event loop as soon as the head arrives: keep it cheap and non-blocking.
    func bodyLimit(for head: RequestHead) -> Int?
    func respond(to request: HTTPRequest) async -> HTTPResponse
    /// The answer to a request refused after its head arrived (its body is over the limit or
    /// malformed), or nil for the server's plain status page. Called on the event loop: keep it
    /// cheap. The connection closes after it.
    func refusal(_ status: HTTPStatus, for head: RequestHead) -> HTTPResponse?
}

extension HTTPResponder {
    public func bodyLimit(for head: RequestHead) -> Int? { nil }
    public func refusal(_ status: HTTPStatus, for head: RequestHead) -> HTTPResponse? { nil }
}

/// A responder made from a closure, for tests and small servers.
public struct ClosureResponder: HTTPResponder {
    let handler: @Sendable (HTTPRequest) async -> HTTPResponse

    public init(_ handler: @escaping @Sendable (HTTPRequest) async -> HTTPResponse) { self.handler = handler }

    public func respond(to request: HTTPRequest) async -> HTTPResponse { await handler(request) }
}
