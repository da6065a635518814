import Mesh

/// The catalog's lookup tables, built once from the operation list.
struct OperationCatalogIndex: Sendable {
    private struct Key: Hashable, Sendable {
        let dialect: Dialect
        let text: String
    }

    let operationsByDialect: [Dialect: [Operation]]
    private let byName: [Key: Operation]
    private let byPath: [Key: Operation]

    init(operations: [Operation], alternateNames: [Dialect: [String: String]]) {
        operationsByDialect = Dictionary(grouping: operations, by: \.dialect)
        var byName: [Key: Operation] = [:]
        var byPath: [Key: Operation] = [:]
        for operation in operations {
            byName[Key(dialect: operation.dialect, text: Self.nameKey(operation.name, operation.dialect))] = operation
            if Self.isPathRouted(operation.dialect) {
                byPath[Key(dialect: operation.dialect, text: operation.path)] = operation
            }
        }
        for (dialect, names) in alternateNames {
            for (alternate, canonical) in names {
                let canonicalKey = Key(dialect: dialect, text: Self.nameKey(canonical, dialect))
                let alternateKey = Key(dialect: dialect, text: Self.nameKey(alternate, dialect))
                if byName[alternateKey] == nil, let operation = byName[canonicalKey] {
                    byName[alternateKey] = operation
                }
            }
        }
        self.byName = byName
        self.byPath = byPath
    }

    func operation(_ dialect: Dialect, name: String) -> Operation? {
        byName[Key(dialect: dialect, text: Self.nameKey(name, dialect))]
    }

    func operation(_ dialect: Dialect, path: String) -> Operation? {
        guard Self.isPathRouted(dialect) else { return nil }
        return byPath[Key(dialect: dialect, text: path)]
    }

    /// The c2c document declares `_apiname` case-insensitive; every other name is exact.
    private static func nameKey(_ name: String, _ dialect: Dialect) -> String {
        dialect == .c2c ? name.lowercased() : name
    }

    private static func isPathRouted(_ dialect: Dialect) -> Bool {
        switch dialect {
        case .train, .o2o, .mobile: true
        case .c2c, .yaf: false
        }
    }
}
