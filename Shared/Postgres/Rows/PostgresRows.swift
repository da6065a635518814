/// The rows a statement returned, plus the number of rows it affected.
public struct PostgresRows: RandomAccessCollection, Sendable {
    /// The result columns, in order.
    public let columns: [PostgresColumn]
    /// Rows inserted, updated, deleted, or selected, as reported by the server (0 for other commands).
    public let affectedRows: Int
    /// The command tag the server sent, such as `INSERT 0 1`, `UPDATE 3`, or `COMMIT`.
    public let commandTag: String
    /// Cell values, row after row.
    let cells: [PostgresValue]

    init(columns: [PostgresColumn], cells: [PostgresValue], affectedRows: Int, commandTag: String) {
        self.columns = columns
        self.cells = cells
        self.affectedRows = affectedRows
        self.commandTag = commandTag
    }

    /// A result without rows or columns.
    static let empty = PostgresRows(columns: [], cells: [], affectedRows: 0, commandTag: "")

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns.isEmpty ? 0 : cells.count / columns.count }

    public subscript(position: Int) -> PostgresRow {
        precondition(position >= 0 && position < endIndex, "row \(position) is out of range 0..<\(endIndex)")
        return PostgresRow(columns: columns, cells: cells, offset: position * columns.count)
    }
}
