import Foundation

/// Reads configuration from environment variables for one service: `<PREFIX>_<NAME>` wins over
/// `<NAME>`, and a malformed value throws a `ConfigurationError` naming the variable.
public struct Environment: Sendable {
    public let prefix: String
    private let values: [String: String]

    /// `values` defaults to the process environment; tests pass their own.
    public init(prefix: String, values: [String: String] = ProcessInfo.processInfo.environment) {
        self.prefix = prefix.uppercased()
        self.values = values
    }

    /// The raw value and the variable it came from, prefixed name first.
    public func lookup(_ name: String) -> (variable: String, value: String)? {
        let prefixed = "\(prefix)_\(name)"
        if let value = values[prefixed], !value.isEmpty { return (prefixed, value) }
        if let value = values[name], !value.isEmpty { return (name, value) }
        return nil
    }

    public func string(_ name: String, default fallback: String) -> String {
        lookup(name)?.value ?? fallback
    }

    public func int(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let (variable, text) = lookup(name) else { return fallback }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw ConfigurationError(variable: variable, problem: "must be a whole number, got '\(text)'")
        }
        guard range.contains(value) else {
            throw ConfigurationError(
                variable: variable, problem: "must be between \(range.lowerBound) and \(range.upperBound), got \(value)"
            )
        }
        return value
    }

    /// One of `choices` (compared in lower case).
    public func choice(_ name: String, default fallback: String, choices: [String]) throws -> String {
        guard let (variable, text) = lookup(name) else { return fallback }
        let value = text.lowercased()
        guard choices.contains(value) else {
            throw ConfigurationError(
                variable: variable, problem: "must be one of \(choices.joined(separator: ", ")), got '\(text)'")
        }
        return value
    }
}
