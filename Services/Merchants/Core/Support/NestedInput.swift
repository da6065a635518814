import ServiceKit

/// Reads a value nested in a list or an object of the body (`products[2]`): a problem with one of its
/// fields is named by its place (`products[2].price`).
enum NestedInput {
    static func read<T>(_ place: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let problem as InputProblem {
            throw InputProblem("\(place).\(problem.field)", problem.reason)
        }
    }
}
