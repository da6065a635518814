/// One result row; columns are found by name or by position.
public struct PostgresRow: Sendable {
    /// The result columns, in order.
    public let columns: [PostgresColumn]
    private let cells: [PostgresValue]
    private let offset: Int

    init(columns: [PostgresColumn], cells: [PostgresValue], offset: Int) {
        self.columns = columns
        self.cells = cells
        self.offset = offset
    }

    /// The value of the column at `index` (0-based).
    public subscript(index: Int) -> PostgresValue {
        precondition(index >= 0 && index < columns.count, "column \(index) is out of range 0..<\(columns.count)")
        return cells[offset + index]
    }

    /// The value of the first column named `name`, or nil when the row has no such column.
    public subscript(name: String) -> PostgresValue? {
        columnIndex(named: name).map { cells[offset + $0] }
    }

    /// Decodes the column named `column`; throws a `.decoding` error naming the column and the type when the
    /// column is missing, NULL (decode as an Optional to accept NULL), or holds another kind of value.
    public func decode<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        guard let index = columnIndex(named: column) else {
            let reason = "the result has no such column"
            throw PostgresError(.decoding(column: column, type: "\(Value.self)", reason: reason))
        }
        return try decode(index, name: column, as: type)
    }

    /// Decodes the column at `index` (0-based), with the same rules as decoding by name.
    public func decode<Value: PostgresDecodable>(_ index: Int, as type: Value.Type = Value.self) throws -> Value {
        guard index >= 0 && index < columns.count else {
            let reason = "the result has \(columns.count) columns"
            throw PostgresError(.decoding(column: "#\(index)", type: "\(Value.self)", reason: reason))
        }
        return try decode(index, name: columns[index].name, as: type)
    }

    private func decode<Value: PostgresDecodable>(_ index: Int, name: String, as type: Value.Type) throws -> Value {
        let value = cells[offset + index]
        if let decoded = Value.decode(from: value) { return decoded }
        let reason = value == .null ? "the value is NULL" : "the value is \(value.kindName)"
        throw PostgresError(.decoding(column: name, type: "\(Value.self)", reason: reason))
    }

    private func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }
}
