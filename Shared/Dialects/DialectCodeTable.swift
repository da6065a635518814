import Catalog
import Mesh

/// One dialect's reply codes: every code its document lists, in document order, and the code each semantic
/// `ReplyKind` is answered with. The five tables are `train`, `o2o`, `c2c`, `yaf` and `mobile`.
public struct DialectCodeTable: Sendable {
    public let dialect: Dialect
    /// Every code the dialect's document lists, in the document's order.
    public let documented: [DialectCode]
    /// How the dialect's envelope usually writes its code.
    public let notation: CodeNotation
    /// The code a kind without a row of its own is answered with (a kind made from a raw value the tables do
    /// not know). Every kind in `ReplyKind.allCases` has its own row.
    public let genericFailure: DialectCode
    /// Operations (by `Operation.name`) whose document examples write `code` in the other notation than the
    /// rest of the dialect.
    public let otherNotationOperations: Set<String>
    private let byText: [String: DialectCode]
    private let byKind: [ReplyKind: DialectCode]

    /// `rows` maps kinds to code texts; a text missing from `documented` leaves its kind without a row, which
    /// the tests report through `mappedKinds`.
    init(
        dialect: Dialect, documented: [DialectCode], genericFailure: String, rows: [ReplyKind: String],
        otherNotationOperations: Set<String> = []
    ) {
        let byText = Dictionary(documented.map { ($0.text, $0) }, uniquingKeysWith: { first, _ in first })
        self.dialect = dialect
        self.documented = documented
        self.byText = byText
        self.byKind = rows.compactMapValues { byText[$0] }
        guard let failure = byText[genericFailure], let first = documented.first else {
            preconditionFailure("the \(dialect) table must list its generic failure code \(genericFailure)")
        }
        self.genericFailure = failure
        self.notation = first.notation
        self.otherNotationOperations = otherNotationOperations
    }

    /// The dialect's success code.
    public var success: DialectCode { code(for: .ok) }

    /// The code to answer `kind` with.
    public func code(for kind: ReplyKind) -> DialectCode {
        byKind[kind] ?? genericFailure
    }

    /// The code to answer `kind` with in `operation`, written in the notation that operation's examples use.
    public func code(for kind: ReplyKind, operation: String) -> DialectCode {
        written(code(for: kind), operation: operation)
    }

    /// A documented code by its text (`"505"`, `"0007"`), for replies that need a specific one.
    public func documentedCode(_ text: String) -> DialectCode? {
        byText[text]
    }

    /// A documented code by its text, written in the notation `operation`'s examples use.
    public func documentedCode(_ text: String, operation: String) -> DialectCode? {
        byText[text].map { written($0, operation: operation) }
    }

    /// How the envelope of `operation` writes its code.
    public func notation(forOperation operation: String) -> CodeNotation {
        guard otherNotationOperations.contains(operation) else { return notation }
        return notation == .string ? .number : .string
    }

    /// The kinds that have a row of their own in this table.
    public var mappedKinds: Set<ReplyKind> { Set(byKind.keys) }

    private func written(_ code: DialectCode, operation: String) -> DialectCode {
        code.written(as: notation(forOperation: operation)) ?? code
    }

    /// The table of `dialect`.
    public static func table(for dialect: Dialect) -> DialectCodeTable {
        switch dialect {
        case .train: train
        case .o2o: o2o
        case .c2c: c2c
        case .yaf: yaf
        case .mobile: mobile
        }
    }
}

extension Dialect {
    /// This dialect's reply-code table.
    public var codeTable: DialectCodeTable { DialectCodeTable.table(for: self) }
}
