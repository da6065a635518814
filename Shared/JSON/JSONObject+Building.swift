extension JSONObject {
    /// The pairs in written order, leaving out those whose value is nil; handy for replies whose
    /// fields are present only sometimes: `JSONObject(omittingNils: ["code": "200", "data": data])`.
    /// A `.null` value is kept and written as `null`.
    public init(omittingNils pairs: KeyValuePairs<String, JSONValue?>) {
        self.init()
        for (key, value) in pairs {
            if let value { self[key] = value }
        }
    }

    /// Appends the members of `other` in its order; a key already present takes the new value in place.
    public mutating func merge(_ other: JSONObject) {
        for (key, value) in other { self[key] = value }
    }
}

extension JSONValue {
    /// An object of the pairs in written order, leaving out those whose value is nil; see
    /// `JSONObject(omittingNils:)`.
    public init(omittingNils pairs: KeyValuePairs<String, JSONValue?>) {
        self = .object(JSONObject(omittingNils: pairs))
    }
}
