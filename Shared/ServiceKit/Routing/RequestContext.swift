import HTTPCore

/// What a route handler receives: the request, its path parameters, its id and a logger that
/// carries the id.
public struct RequestContext: Sendable {
    public let request: HTTPRequest
    public let pathParameters: [String: String]
    public let requestID: String
    public let logger: Logger

    public init(request: HTTPRequest, pathParameters: [String: String], requestID: String, logger: Logger) {
        self.request = request
        self.pathParameters = pathParameters
        self.requestID = requestID
        self.logger = logger
    }

    /// A path parameter by name (`{service}` in the route's template).
    public func parameter(_ name: String) -> String? { pathParameters[name] }
}
