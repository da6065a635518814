import Postgres

/// SQL text assembled from parts that each bind their own values, for queries whose conditions depend
/// on what the caller gave: `bind` adds a value and answers its `$n` placeholder.
struct SQLText {
    private(set) var binds: [PostgresValue] = []

    mutating func bind(_ value: some PostgresEncodable) -> String {
        binds.append(value.postgresValue)
        return "$\(binds.count)::\(Self.cast(binds[binds.count - 1]))"
    }

    /// Binds a point's coordinates.
    mutating func point(_ point: MerchantSearch.Point) -> (longitude: String, latitude: String) {
        (bind(point.longitude), bind(point.latitude))
    }

    private static func cast(_ value: PostgresValue) -> String {
        switch value.typeOID {
        case .float8: "double precision"
        case .int8, .int4, .int2: "bigint"
        default: "text"
        }
    }
}
