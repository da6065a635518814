import Mesh

/// Every external operation of the five API documents: the gateway routes by it, tests check it
/// against the documents and the API reference is generated from it.
public enum OperationCatalog {
    /// All operations, dialect by dialect, each in its document's order.
    public static let all: [Operation] =
        trainOperations + o2oOperations + c2cOperations + yafOperations
        + mobileOperations

    /// The operations of one dialect, in its document's order.
    public static func operations(of dialect: Dialect) -> [Operation] {
        index.operationsByDialect[dialect] ?? []
    }

    /// Lookup by the client-facing name: the c2c `_apiname` (case-insensitive), the yaf `method`,
    /// or the path tail of train, o2o and mobile (`login`, `area/tree`, `member/addr/get`).
    /// Spellings a document uses for the same operation in another place are accepted too
    /// (see ``alternateNames(of:)``).
    public static func find(_ dialect: Dialect, name: String) -> Operation? {
        index.operation(dialect, name: name)
    }

    /// Lookup by HTTP path (without query) for the path-routed dialects (train, o2o, mobile).
    /// The c2c and yaf dialects share the single path `/`, so this answers `nil` for them.
    public static func find(_ dialect: Dialect, path: String) -> Operation? {
        index.operation(dialect, path: path)
    }

    /// Second spellings of an operation's name, mapped to its catalog name, where a document
    /// writes the same operation two ways (e.g. c2c `coin.coin.addOrder` for `order.order.addOrder`).
    public static func alternateNames(of dialect: Dialect) -> [String: String] {
        switch dialect {
        case .c2c: c2cAlternateNames
        case .yaf: yafAlternateNames
        case .train, .o2o, .mobile: [:]
        }
    }

    static let index = OperationCatalogIndex(
        operations: all,
        alternateNames: Dictionary(
            uniqueKeysWithValues: Dialect.allCases.map {
                ($0, alternateNames(of: $0))
            }))
}
