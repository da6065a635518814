/// A column holds a value this version of the service does not know (the schema's CHECK allows more
/// than the code reads): the row cannot be shown until the code learns it.
struct UnknownStoredValue: Error, Sendable, CustomStringConvertible {
    let column: String
    let value: String
    var description: String { "column \(column) holds \(value), which this service does not know" }
}
