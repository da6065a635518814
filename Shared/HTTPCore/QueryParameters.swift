extension HTTPRequest {
    /// The decoded query parameters in order (see `urlEncodedPairs` for the decoding rules).
    public var queryParameters: [(name: String, value: String)] {
        guard let query else { return [] }
        return urlEncodedPairs(query.utf8)
    }

    /// The value of the first query parameter with that exact (decoded) name.
    public func queryValue(_ name: String) -> String? {
        queryParameters.first { $0.name == name }?.value
    }

    /// Every value of the query parameters with that exact (decoded) name, in order.
    public func queryValues(_ name: String) -> [String] {
        queryParameters.filter { $0.name == name }.map(\.value)
    }

    /// The decoded query parameters, or the first one that cannot be decoded.
    public func strictQueryParameters() throws(URLEncodingError) -> [(name: String, value: String)] {
        guard let query else { return [] }
        return try strictURLEncodedPairs(query.utf8)
    }
}
