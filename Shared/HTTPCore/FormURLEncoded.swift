extension HTTPRequest {
    /// The decoded fields of an `application/x-www-form-urlencoded` body in order (see
    /// `urlEncodedPairs` for the decoding rules); empty when the body has another content type.
    public var formParameters: [(name: String, value: String)] {
        guard contentType == "application/x-www-form-urlencoded" else { return [] }
        return urlEncodedPairs(body)
    }

    /// The value of the first form field with that exact (decoded) name.
    public func formValue(_ name: String) -> String? {
        formParameters.first { $0.name == name }?.value
    }

    /// The decoded fields of an `application/x-www-form-urlencoded` body, or the first field that
    /// cannot be decoded; empty when the body has another content type.
    public func strictFormParameters() throws(URLEncodingError) -> [(name: String, value: String)] {
        guard contentType == "application/x-www-form-urlencoded" else { return [] }
        return try strictURLEncodedPairs(body)
    }
}
