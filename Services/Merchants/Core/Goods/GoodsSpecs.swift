import JSON

/// The specs of a goods item in display order, each with its values (`颜色`: `红色`, `黑色`); empty for
/// a single-spec item. A product's spec key names one value of every spec: `颜色:::红色`, joined by
/// `|||` when there are several (`颜色:::红色|||尺码:::L`); the single product's key is "".
struct GoodsSpecs: Sendable, Equatable {
    static let nameValueSeparator = ":::"
    static let specSeparator = "|||"
    static let maximumSpecs = 3
    static let maximumValues = 20

    /// One spec: its name and values.
    struct Spec: Sendable, Equatable {
        let name: String
        let values: [String]
    }

    let specs: [Spec]

    init(_ specs: [Spec]) {
        self.specs = specs
    }

    /// The specs stored as `[{"name":…,"values":[…]}]`; nil when the text is not of that form.
    init?(storedJSON text: String) {
        guard case .array(let items)? = try? JSONValue.parse(text) else { return nil }
        var specs: [Spec] = []
        for item in items {
            guard case .object(let object) = item, let name = object["name"]?.stringValue,
                case .array(let values)? = object["values"]
            else { return nil }
            let texts = values.compactMap(\.stringValue)
            guard texts.count == values.count else { return nil }
            specs.append(Spec(name: name, values: texts))
        }
        self.specs = specs
    }

    var storedJSON: String {
        JSONValue.array(
            specs.map { .object(["name": .string($0.name), "values": .array($0.values.map(JSONValue.string))]) }
        ).serialized()
    }

    var isSingle: Bool { specs.isEmpty }

    /// Every spec key the specs allow, in display order (the first spec varies slowest).
    var allKeys: [String] {
        guard !specs.isEmpty else { return [""] }
        var keys: [[String]] = [[]]
        for spec in specs {
            keys = keys.flatMap { prefix in
                spec.values.map { prefix + [spec.name + Self.nameValueSeparator + $0] }
            }
        }
        return keys.map { $0.joined(separator: Self.specSeparator) }
    }

    /// The spec names and values `key` picks, in spec order; nil when the key is not one of `allKeys`.
    func choices(of key: String) -> [(name: String, value: String)]? {
        guard !specs.isEmpty else { return key.isEmpty ? [] : nil }
        let parts = key.components(separatedBy: Self.specSeparator)
        guard parts.count == specs.count else { return nil }
        var choices: [(name: String, value: String)] = []
        for (part, spec) in zip(parts, specs) {
            let pair = part.components(separatedBy: Self.nameValueSeparator)
            guard pair.count == 2, pair[0] == spec.name, spec.values.contains(pair[1]) else { return nil }
            choices.append((pair[0], pair[1]))
        }
        return choices
    }

    /// Whether `text` may be a spec name or value: 1 to 20 characters without the separators.
    static func isValidPart(_ text: String) -> Bool {
        (1...20).contains(text.unicodeScalars.count) && !text.contains(":::") && !text.contains("|||")
            && !text.contains(":") && !text.contains("|")
    }
}
