import CLibPQ

/// Copies what a `PGresult` holds into Swift values, so the result can be cleared right after.
enum ResultReader {
    /// Diagnostic field codes of `PQresultErrorField`.
    private enum Field {
        static let severity = Int32(UInt8(ascii: "V"))
        static let sqlState = Int32(UInt8(ascii: "C"))
        static let message = Int32(UInt8(ascii: "M"))
        static let detail = Int32(UInt8(ascii: "D"))
        static let constraint = Int32(UInt8(ascii: "n"))
    }

    /// The rows, columns, affected-row count, and command tag of a successful result.
    static func rows(of result: OpaquePointer) -> PostgresRows {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let columns = (0..<columnCount).map { index in
            PostgresColumn(
                name: String(cString: PQfname(result, Int32(index))),
                type: PostgresTypeOID(rawValue: PQftype(result, Int32(index))))
        }
        var cells: [PostgresValue] = []
        cells.reserveCapacity(rowCount * columnCount)
        for row in 0..<Int32(rowCount) {
            for (index, column) in columns.enumerated() {
                let field = Int32(index)
                if PQgetisnull(result, row, field) == 1 {
                    cells.append(.null)
                } else {
                    let text = UnsafeRawBufferPointer(
                        start: PQgetvalue(result, row, field), count: Int(PQgetlength(result, row, field)))
                    cells.append(PostgresValue(resultText: text, type: column.type))
                }
            }
        }
        let commandTag = String(cString: PQcmdStatus(result))
        let affectedRows = Int(String(cString: PQcmdTuples(result))) ?? 0
        return PostgresRows(columns: columns, cells: cells, affectedRows: affectedRows, commandTag: commandTag)
    }

    /// What a failed result reports.
    static func failure(of result: OpaquePointer) -> ResultFailure {
        let fallback = String(cString: PQresultErrorMessage(result)).trimmingTrailingNewlines()
        return ResultFailure(
            sqlState: field(result, Field.sqlState),
            message: field(result, Field.message) ?? fallback,
            detail: field(result, Field.detail),
            constraint: field(result, Field.constraint),
            isFatal: isFatal(result))
    }

    /// True for a notice or error whose severity ends the session (`FATAL`, `PANIC`).
    static func isFatal(_ result: OpaquePointer) -> Bool {
        guard let severity = field(result, Field.severity) else { return false }
        return severity == "FATAL" || severity == "PANIC"
    }

    private static func field(_ result: OpaquePointer, _ code: Int32) -> String? {
        PQresultErrorField(result, code).map { String(cString: $0) }
    }
}

/// The diagnostic fields of a failed result, copied out before the result is cleared.
struct ResultFailure {
    let sqlState: String?
    let message: String
    let detail: String?
    let constraint: String?
    /// The server ends the session with this error.
    let isFatal: Bool

    /// The error to report; a failure without SQLSTATE is a broken connection when the connection broke.
    func error(connectionIsBroken: Bool, statementWasNotSent: Bool = false) -> PostgresError {
        let kind: PostgresError.Kind
        if let sqlState {
            kind = .server(sqlState: sqlState, message: message, detail: detail, constraint: constraint)
        } else if connectionIsBroken {
            kind = .connectionLost(message)
        } else {
            kind = .unexpectedResult(message)
        }
        return PostgresError(kind, connectionIsBroken: connectionIsBroken, statementWasNotSent: statementWasNotSent)
    }
}
