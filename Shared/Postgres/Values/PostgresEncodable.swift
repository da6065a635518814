import Foundation

/// A Swift type that can be bound as a statement parameter.
public protocol PostgresEncodable: Sendable {
    /// The parameter type sent when the value is NULL, so the server still knows the parameter's type.
    static var postgresNullType: PostgresTypeOID { get }
    /// The value to bind.
    var postgresValue: PostgresValue { get }
}

extension PostgresValue: PostgresEncodable {
    public static var postgresNullType: PostgresTypeOID { .unspecified }
    public var postgresValue: PostgresValue { self }
}

extension String: PostgresEncodable {
    public static var postgresNullType: PostgresTypeOID { .text }
    public var postgresValue: PostgresValue { .text(self) }
}

extension Int: PostgresEncodable {
    public static var postgresNullType: PostgresTypeOID { .int8 }
    public var postgresValue: PostgresValue { .int(Int64(self)) }
}

extension Int64: PostgresEncodable {
    public static var postgresNullType: PostgresTypeOID { .int8 }
    public var postgresValue: PostgresValue { .int(self) }
}

extension Int32: PostgresEncodable {
    public static var postgresNullType: PostgresTypeOID { .int8 }
    public var postgresValue: PostgresValue { .int(Int64(self)) }
}

extension Bool: PostgresEncodable {
    public static var postgresNullType: PostgresTypeOID { .bool }
    public var postgresValue: PostgresValue { .bool(self) }
}

extension Double: PostgresEncodable {
    public static var postgresNullType: PostgresTypeOID { .float8 }
    public var postgresValue: PostgresValue { .double(self) }
}

extension Date: PostgresEncodable {
    public static var postgresNullType: PostgresTypeOID { .timestamptz }
    public var postgresValue: PostgresValue { .timestamp(self) }
}

extension Array: PostgresEncodable where Element == UInt8 {
    public static var postgresNullType: PostgresTypeOID { .bytea }
    public var postgresValue: PostgresValue { .bytea(self) }
}

extension PostgresNumeric: PostgresEncodable {
    public static var postgresNullType: PostgresTypeOID { .numeric }
    public var postgresValue: PostgresValue { .numeric(self) }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public static var postgresNullType: PostgresTypeOID { Wrapped.postgresNullType }
    public var postgresValue: PostgresValue { self?.postgresValue ?? .null }
}
