extension HTTPRequest {
    /// The media type of the body (`application/json`), lower-cased and without parameters; nil when
    /// `Content-Type` is absent or not of the form `type/subtype`.
    public var contentType: String? {
        guard let field = headers["Content-Type"] else { return nil }
        let parsed = ParameterizedFieldValue(field)
        return parsed.isMediaType ? parsed.value : nil
    }

    /// A parameter of `Content-Type` (`charset`, `boundary`), unquoted; the name is compared ignoring case.
    public func contentTypeParameter(_ name: String) -> String? {
        guard let field = headers["Content-Type"] else { return nil }
        return ParameterizedFieldValue(field).parameter(name)
    }
}
