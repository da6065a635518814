/// Reading a text-format result cell into a `PostgresValue` according to the column's type OID.
extension PostgresValue {
    /// Decodes one non-NULL cell. Cells of types without a dedicated case, or that do not parse, become `.text`.
    init(resultText bytes: UnsafeRawBufferPointer, type: PostgresTypeOID) {
        let text = { String(decoding: bytes, as: UTF8.self) }
        switch type {
        case .int2, .int4, .int8, .oid:
            self = Int64(text()).map(PostgresValue.int) ?? .text(text())
        case .bool:
            self = bytes.count == 1 ? .bool(bytes[0] == UInt8(ascii: "t")) : .text(text())
        case .numeric:
            self = Self.numeric(text())
        case .float4, .float8:
            self = Self.float(text()).map(PostgresValue.double) ?? .text(text())
        case .timestamptz, .timestamp:
            self = TimestampText.parse(bytes).map(PostgresValue.timestamp) ?? .text(text())
        case .bytea:
            self = ByteaHex.decode(bytes).map(PostgresValue.bytea) ?? .text(text())
        case .json:
            self = .json(text())
        case .jsonb:
            self = .jsonb(text())
        default:
            self = .text(text())
        }
    }

    /// Finite numerics stay exact; `NaN` and `±Infinity` (which `PostgresNumeric` cannot hold) become `.double`.
    private static func numeric(_ text: String) -> PostgresValue {
        if let exact = PostgresNumeric(text) { return .numeric(exact) }
        return float(text).map(PostgresValue.double) ?? .text(text)
    }

    private static func float(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return Double(text)
        }
    }
}
