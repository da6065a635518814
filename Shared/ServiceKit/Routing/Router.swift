import HTTPCore

/// Finds the route for a request: exact templates by dictionary, the rest in order.
public struct Router: Sendable {
    /// The outcome of a lookup.
    public enum Match: Sendable {
        case found(Route, [String: String])
        /// The path exists for other methods.
        case methodNotAllowed(Set<HTTPMethod>)
        case notFound
    }

    private let literal: [String: [Route]]
    private let patterned: [Route]

    public init(_ routes: [Route]) {
        var literal: [String: [Route]] = [:]
        var patterned: [Route] = []
        for route in routes {
            if route.segments.allSatisfy({ if case .literal = $0 { true } else { false } }) {
                let key =
                    "/" + route.segments.map { if case .literal(let s) = $0 { s } else { "" } }.joined(separator: "/")
                literal[key, default: []].append(route)
            } else {
                patterned.append(route)
            }
        }
        self.literal = literal
        self.patterned = patterned
    }

    public func match(method: HTTPMethod, path: Substring) -> Match {
        var allowed = Set<HTTPMethod>()
        let normalized = path.utf8.count > 1 && path.utf8.last == UInt8(ascii: "/") ? path.dropLast() : path
        if let routes = literal[String(normalized)] {
            for route in routes {
                if route.methods.contains(method) { return .found(route, [:]) }
                allowed.formUnion(route.methods)
            }
        }
        if patterned.isEmpty { return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed) }
        let parts = Route.segments(of: path)
        for route in patterned {
            guard let parameters = route.match(parts: parts) else { continue }
            if route.methods.contains(method) { return .found(route, parameters) }
            allowed.formUnion(route.methods)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed)
    }
}
