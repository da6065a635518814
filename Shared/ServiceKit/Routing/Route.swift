import HTTPCore

/// A handler for requests whose method and path match a template such as `/op/{dialect}/{name}`
/// or `/files/*` (a trailing `*` takes the rest of the path into the parameter `*`).
public struct Route: Sendable {
    public typealias Handler = @Sendable (RequestContext) async throws -> HTTPResponse
    /// Answers a request of this route that the server refuses before the handler runs (its body
    /// is over `bodyLimit`), given the status and the request head.
    public typealias RefusalAnswer = @Sendable (HTTPStatus, RequestHead) -> HTTPResponse

    public let methods: Set<HTTPMethod>
    public let template: String
    /// Body limit in bytes for this route, or nil for the server's default.
    public let bodyLimit: Int?
    public let handler: Handler
    public let refusal: RefusalAnswer?
    /// The label of a matched request in the metrics, from its path parameters (e.g. the catalog operation
    /// of `/op/{dialect}/*`); nil or absent: the template. It must give few distinct values.
    public let metricLabel: (@Sendable ([String: String]) -> String?)?
    let segments: [Segment]

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
        case rest
    }

    public init(
        _ methods: Set<HTTPMethod>, _ template: String, bodyLimit: Int? = nil, refusal: RefusalAnswer? = nil,
        metricLabel: (@Sendable ([String: String]) -> String?)? = nil, handler: @escaping Handler
    ) {
        self.methods = methods
        self.template = template
        self.bodyLimit = bodyLimit
        self.refusal = refusal
        self.metricLabel = metricLabel
        self.handler = handler
        segments = template.split(separator: "/", omittingEmptySubsequences: true).map { part in
            if part == "*" { return .rest }
            if part.hasPrefix("{") && part.hasSuffix("}") { return .parameter(String(part.dropFirst().dropLast())) }
            return .literal(String(part))
        }
    }

    public static func get(_ template: String, handler: @escaping Handler) -> Route {
        Route([.get, .head], template, handler: handler)
    }

    public static func post(_ template: String, bodyLimit: Int? = nil, handler: @escaping Handler) -> Route {
        Route([.post], template, bodyLimit: bodyLimit, handler: handler)
    }

    /// The path parameters when `path` (percent-encoded, no query) matches; nil otherwise.
    func match(_ path: Substring) -> [String: String]? { match(parts: Route.segments(of: path)) }

    /// The non-empty `/`-separated pieces of a path, found by bytes.
    static func segments(of path: Substring) -> [Substring] {
        var parts: [Substring] = []
        let bytes = path.utf8
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "/") {
                if start < index { parts.append(path[start..<index]) }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if start < bytes.endIndex { parts.append(path[start..<bytes.endIndex]) }
        return parts
    }

    /// The path parameters when the path's pieces fit the template, else nil.
    func match(parts: [Substring]) -> [String: String]? {
        var parameters: [String: String] = [:]
        var index = 0
        for segment in segments {
            switch segment {
            case .rest:
                parameters["*"] = parts[index...].joined(separator: "/")
                return parameters
            case .literal(let text):
                guard index < parts.count, parts[index] == text else { return nil }
            case .parameter(let name):
                guard index < parts.count else { return nil }
                parameters[name] = percentDecoded(parts[index], plusAsSpace: false) ?? String(parts[index])
            }
            index += 1
        }
        return index == parts.count ? parameters : nil
    }
}
