/// A JSON object whose keys stay in the order they were parsed or inserted.
///
/// Keys are unique: assigning to an existing key replaces its value in place, a new key goes to the
/// end. Keys compare as Swift strings do, so canonically equivalent spellings count as the same key.
/// Equality takes the key order into account, since the order is part of what a reply carries.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: JSONValue)

    /// Up to this many members a key is found by a linear search; larger objects keep an index.
    private static let linearSearchLimit = 8
    /// The index starts with room for this many keys, so objects of typical size never grow it.
    private static let initialIndexCapacity = 32

    /// The keys in order.
    public private(set) var keys: [String]
    /// The values in the order of `keys`.
    public private(set) var values: [JSONValue]
    /// Position of each key; filled only while `count > linearSearchLimit`.
    private var positions: [String: Int]

    public init() {
        keys = []
        values = []
        positions = [:]
    }

    /// The pairs in order; when a key repeats, its later value replaces the earlier one in the
    /// earlier position.
    public init<Pairs: Sequence>(_ pairs: Pairs) where Pairs.Element == (String, JSONValue) {
        self.init()
        let expected = pairs.underestimatedCount
        keys.reserveCapacity(expected)
        values.reserveCapacity(expected)
        if expected > Self.linearSearchLimit {
            positions.reserveCapacity(Swift.max(expected, Self.initialIndexCapacity))
        }
        for (key, value) in pairs { self[key] = value }
    }

    /// Keeps the order the literal is written in; a repeated key behaves as in `init(_:)`.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The value of `key`. Setting a value keeps an existing key's position and appends a new key;
    /// setting nil removes the key (to store a JSON null, set `.null`).
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = position(of: key) else { return nil }
            return values[position]
        }
        set {
            if let newValue {
                if let position = position(of: key) {
                    values[position] = newValue
                } else {
                    appendNew(key: key, value: newValue)
                }
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// Removes `key` and returns its value, or nil when it was absent; the other keys keep their order.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = position(of: key) else { return nil }
        keys.remove(at: position)
        let removed = values.remove(at: position)
        rebuildPositions()
        return removed
    }

    public func contains(key: String) -> Bool {
        position(of: key) != nil
    }

    /// Appends a member whose key the caller knows to be absent.
    mutating func appendNew(key: String, value: JSONValue) {
        keys.append(key)
        values.append(value)
        if keys.count > Self.linearSearchLimit {
            if positions.isEmpty {
                rebuildPositions()
            } else {
                positions[key] = keys.count - 1
            }
        }
    }

    private func position(of key: String) -> Int? {
        if keys.count > Self.linearSearchLimit { return positions[key] }
        return keys.firstIndex(of: key)
    }

    private mutating func rebuildPositions() {
        positions.removeAll(keepingCapacity: true)
        guard keys.count > Self.linearSearchLimit else { return }
        positions.reserveCapacity(Swift.max(keys.count * 2, Self.initialIndexCapacity))
        for (position, key) in keys.enumerated() { positions[key] = position }
    }

    public func makeIterator() -> Iterator {
        Iterator(object: self)
    }

    /// Walks the members in order.
    public struct Iterator: IteratorProtocol {
        private let object: JSONObject
        private var position = 0

        init(object: JSONObject) {
            self.object = object
        }

        public mutating func next() -> Element? {
            guard position < object.keys.count else { return nil }
            defer { position += 1 }
            return (object.keys[position], object.values[position])
        }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.keys == rhs.keys && lhs.values == rhs.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(values)
    }
}
