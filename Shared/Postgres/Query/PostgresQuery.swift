/// SQL text with bound parameters, written as a string literal with interpolations.
///
/// Every interpolated value becomes a `$n` placeholder and a bound parameter; it is never spliced into the
/// SQL: `"SELECT id FROM users WHERE email = \(email)"`. Raw SQL text can only be added through
/// `\(unsafeSQL: ...)`, which is meant for identifiers the program itself controls, such as schema names.
/// String parameters are sent as `text`; cast them where another type is needed (`\(id)::uuid`).
public struct PostgresQuery: ExpressibleByStringInterpolation, Sendable, CustomStringConvertible {
    /// The SQL text with `$1`, `$2`, … placeholders.
    public private(set) var sql: String
    /// The bound values, `binds[0]` is `$1`.
    public private(set) var binds: [PostgresValue]
    /// The type OID of each bound parameter.
    public private(set) var bindTypes: [PostgresTypeOID]

    /// SQL without parameters.
    public init(stringLiteral sql: String) {
        self.sql = sql
        binds = []
        bindTypes = []
    }

    public init(stringInterpolation: StringInterpolation) {
        sql = stringInterpolation.sql
        binds = stringInterpolation.binds
        bindTypes = stringInterpolation.bindTypes
    }

    /// SQL text that already holds `$n` placeholders, with the values for them (`binds[0]` is `$1`).
    public init(unsafeSQL sql: String, binds: [PostgresValue] = []) {
        self.sql = sql
        self.binds = binds
        bindTypes = binds.map(\.typeOID)
    }

    /// The SQL text and the number of parameters; the parameter values are left out because they can be secret.
    public var description: String {
        binds.isEmpty ? sql : "\(sql) [\(binds.count) parameter\(binds.count == 1 ? "" : "s")]"
    }

    /// Collects literal SQL and bound parameters while a query literal is built.
    public struct StringInterpolation: StringInterpolationProtocol, Sendable {
        var sql = ""
        var binds: [PostgresValue] = []
        var bindTypes: [PostgresTypeOID] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            binds.reserveCapacity(interpolationCount)
            bindTypes.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Binds `value` as the next parameter and appends its `$n` placeholder.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value) {
            let bound = value.postgresValue
            binds.append(bound)
            bindTypes.append(bound == .null ? Value.postgresNullType : bound.typeOID)
            sql += "$\(binds.count)"
        }

        /// Binds an optional value (`nil` is sent as a NULL of `Value`'s type) and appends its placeholder.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            let bound = value?.postgresValue ?? .null
            binds.append(bound)
            bindTypes.append(bound == .null ? Value.postgresNullType : bound.typeOID)
            sql += "$\(binds.count)"
        }

        /// Appends raw SQL text. Only for identifiers the program controls (never for input from users).
        public mutating func appendInterpolation(unsafeSQL text: String) {
            sql += text
        }
    }
}
