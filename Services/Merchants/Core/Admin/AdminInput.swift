import ServiceKit

/// Readings the merchants service's admin operations share, under the one parameter rule set.
extension Parameters {
    /// A one-line text an item cannot do without: required when `creating`; on an update nil keeps it
    /// and `""` is refused.
    func name(_ key: String, maximum: Int, creating: Bool) throws -> String? {
        if creating { return try required(key, maxLength: maximum) }
        guard let text = try update(key, maxLength: maximum) else { return nil }
        guard !text.isEmpty else { throw InputProblem(key, .malformed("不能为空")) }
        return text
    }

    /// A reference to another row that may be cleared: nil when not sent (or null); `.some(nil)` when
    /// sent as `""` or `0`; else the id.
    func reference(_ key: String) throws -> Int64?? {
        guard let value = values[key], !value.isNull else { return nil }
        guard let id = try integer(key, in: 0...Int64.max), id != 0 else { return .some(nil) }
        return .some(id)
    }

    /// The page a list asks for: `page` from 1 and `page_size` from 1 to 100 (`defaultSize` when absent).
    func page(defaultSize: Int) throws -> PageRequest {
        let size = try integer("page_size", in: 1...100).map(Int.init) ?? defaultSize
        return try PageRequest(values["page"], size: size)
    }

    /// The admin who makes a change, as the stock ledger records the actor.
    static func actor(_ adminID: String) -> String { String("admin:\(adminID)".prefix(64)) }
}
