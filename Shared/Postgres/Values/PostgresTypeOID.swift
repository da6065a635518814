/// The object identifier (OID) of a PostgreSQL data type, as sent with parameters and reported for columns.
public struct PostgresTypeOID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Lets the server infer the type from the statement (used for untyped NULLs).
    public static let unspecified = PostgresTypeOID(rawValue: 0)
    public static let bool = PostgresTypeOID(rawValue: 16)
    public static let bytea = PostgresTypeOID(rawValue: 17)
    public static let name = PostgresTypeOID(rawValue: 19)
    public static let int8 = PostgresTypeOID(rawValue: 20)
    public static let int2 = PostgresTypeOID(rawValue: 21)
    public static let int4 = PostgresTypeOID(rawValue: 23)
    public static let text = PostgresTypeOID(rawValue: 25)
    public static let oid = PostgresTypeOID(rawValue: 26)
    public static let json = PostgresTypeOID(rawValue: 114)
    public static let float4 = PostgresTypeOID(rawValue: 700)
    public static let float8 = PostgresTypeOID(rawValue: 701)
    public static let bpchar = PostgresTypeOID(rawValue: 1042)
    public static let varchar = PostgresTypeOID(rawValue: 1043)
    public static let timestamp = PostgresTypeOID(rawValue: 1114)
    public static let timestamptz = PostgresTypeOID(rawValue: 1184)
    public static let numeric = PostgresTypeOID(rawValue: 1700)
    public static let uuid = PostgresTypeOID(rawValue: 2950)
    public static let jsonb = PostgresTypeOID(rawValue: 3802)

    public var description: String { "oid \(rawValue)" }
}
