import Foundation

/// One value sent as a statement parameter or read from a result column.
///
/// Parameters travel in text format together with an explicit type OID, so values are always bound,
/// never spliced into SQL. `double` exists only for `real`/`double precision` columns; exact amounts
/// belong in `numeric`.
public enum PostgresValue: Hashable, Sendable {
    /// SQL NULL.
    case null
    /// `text`, `varchar`, and every type without a dedicated case (uuid, date, enums, arrays) when read.
    case text(String)
    /// `int2`, `int4`, `int8` (sent as `int8`).
    case int(Int64)
    /// `bool`.
    case bool(Bool)
    /// `float4`, `float8` (sent as `float8`); only for columns that really are floating point.
    case double(Double)
    /// `numeric`, kept exact as text.
    case numeric(PostgresNumeric)
    /// `timestamptz` (sent as ISO-8601 UTC with microseconds); `timestamp` columns are read as UTC.
    case timestamp(Date)
    /// `bytea`.
    case bytea([UInt8])
    /// `json`, as its text.
    case json(String)
    /// `jsonb`, as its text (the server normalises spacing and key order).
    case jsonb(String)

    /// The type OID sent along with this value as a parameter.
    public var typeOID: PostgresTypeOID {
        switch self {
        case .null: return .unspecified
        case .text: return .text
        case .int: return .int8
        case .bool: return .bool
        case .double: return .float8
        case .numeric: return .numeric
        case .timestamp: return .timestamptz
        case .bytea: return .bytea
        case .json: return .json
        case .jsonb: return .jsonb
        }
    }

    /// A short name of the value's kind for error messages (never the value itself).
    var kindName: String {
        switch self {
        case .null: return "NULL"
        case .text: return "text"
        case .int: return "an integer"
        case .bool: return "a boolean"
        case .double: return "a floating-point number"
        case .numeric: return "a numeric"
        case .timestamp: return "a timestamp"
        case .bytea: return "bytea"
        case .json: return "json"
        case .jsonb: return "jsonb"
        }
    }
}
