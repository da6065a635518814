import Foundation

/// A Swift type that a result column can be decoded into.
public protocol PostgresDecodable: Sendable {
    /// The Swift value for a column value, or nil when the column's value cannot become this type.
    static func decode(from value: PostgresValue) -> Self?
}

extension PostgresValue: PostgresDecodable {
    public static func decode(from value: PostgresValue) -> PostgresValue? { value }
}

extension String: PostgresDecodable {
    /// Accepts text-like columns (text, varchar, uuid, json, jsonb, and other types read as text) and numerics.
    public static func decode(from value: PostgresValue) -> String? {
        switch value {
        case let .text(text), let .json(text), let .jsonb(text): return text
        case let .numeric(number): return number.text
        default: return nil
        }
    }
}

extension Int64: PostgresDecodable {
    /// Accepts integer columns and numerics without a fractional part that fit in 64 bits.
    public static func decode(from value: PostgresValue) -> Int64? {
        switch value {
        case let .int(number): return number
        case let .numeric(number): return number.exactInteger
        default: return nil
        }
    }
}

extension Int: PostgresDecodable {
    public static func decode(from value: PostgresValue) -> Int? {
        Int64.decode(from: value).flatMap { Int(exactly: $0) }
    }
}

extension Int32: PostgresDecodable {
    /// Accepts integers in Int32's range.
    public static func decode(from value: PostgresValue) -> Int32? {
        Int64.decode(from: value).flatMap { Int32(exactly: $0) }
    }
}

extension Bool: PostgresDecodable {
    public static func decode(from value: PostgresValue) -> Bool? {
        if case let .bool(flag) = value { return flag }
        return nil
    }
}

extension Double: PostgresDecodable {
    /// Accepts floating-point, integer, and numeric columns (numerics may lose precision).
    public static func decode(from value: PostgresValue) -> Double? {
        switch value {
        case let .double(number): return number
        case let .int(number): return Double(number)
        case let .numeric(number): return Double(number.text)
        default: return nil
        }
    }
}

extension Date: PostgresDecodable {
    public static func decode(from value: PostgresValue) -> Date? {
        if case let .timestamp(date) = value { return date }
        return nil
    }
}

extension Array: PostgresDecodable where Element == UInt8 {
    public static func decode(from value: PostgresValue) -> [UInt8]? {
        if case let .bytea(bytes) = value { return bytes }
        return nil
    }
}

extension PostgresNumeric: PostgresDecodable {
    /// Accepts numeric and integer columns.
    public static func decode(from value: PostgresValue) -> PostgresNumeric? {
        switch value {
        case let .numeric(number): return number
        case let .int(number): return PostgresNumeric(number)
        default: return nil
        }
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    /// NULL becomes `nil`; any other value must decode as `Wrapped`.
    public static func decode(from value: PostgresValue) -> Wrapped?? {
        if case .null = value { return .some(nil) }
        return Wrapped.decode(from: value).map { .some($0) }
    }
}
