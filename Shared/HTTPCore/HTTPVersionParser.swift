/// Reads the `HTTP/x.y` protocol version of a request or status line.
enum HTTPVersionParser {
    /// `HTTP/1.0` and `HTTP/1.1` are accepted; any other well-formed `HTTP/<digit>.<digit>` (such as
    /// `HTTP/2.0` or `HTTP/1.2`) is `.unsupportedVersion` (505); anything else is `.malformed` (400).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<HTTPVersion, HTTPParseError> {
        guard bytes.count == 8, bytes.prefix(5).elementsEqual("HTTP/".utf8), HTTPGrammar.isDigit(bytes[5]),
            bytes[6] == UInt8(ascii: "."), HTTPGrammar.isDigit(bytes[7])
        else {
            return .failure(.malformed("the protocol version is not of the form HTTP/1.1"))
        }
        let version = HTTPVersion(major: Int(bytes[5] - UInt8(ascii: "0")), minor: Int(bytes[7] - UInt8(ascii: "0")))
        guard version == .http1_0 || version == .http1_1 else { return .failure(.unsupportedVersion) }
        return .success(version)
    }
}
