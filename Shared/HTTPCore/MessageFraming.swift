/// Reads the fields that frame a message body, `Content-Length` and `Transfer-Encoding`, without any
/// leniency an attacker could use to make two parsers disagree on where a message ends.
enum MessageFraming {
    /// Longest accepted `Content-Length`, in digits (keeps the value far from `Int` overflow).
    static let maxContentLengthDigits = 18

    /// The declared length, nil when absent. Every field and every comma-separated element must be
    /// 1 to 18 ASCII digits and all must agree; anything else is malformed.
    static func contentLength(_ headers: HTTPHeaders) -> Result<Int?, HTTPParseError> {
        var length: Int?
        for value in headers.values("Content-Length") {
            for element in value.split(separator: ",", omittingEmptySubsequences: false) {
                let digits = element.trimmingASCIISpaces()
                guard !digits.isEmpty, digits.utf8.count <= maxContentLengthDigits,
                    digits.utf8.allSatisfy(HTTPGrammar.isDigit), let parsed = Int(digits)
                else {
                    return .failure(.malformed("Content-Length must be 1 to 18 decimal digits"))
                }
                if let length, length != parsed {
                    return .failure(.malformed("several Content-Length values disagree"))
                }
                length = parsed
            }
        }
        return .success(length)
    }

    /// What `Transfer-Encoding` says about the body.
    enum TransferCoding: Equatable {
        case absent
        case chunked
        case failed(HTTPParseError)
    }

    /// Only `chunked` alone is supported (`.unsupportedTransferEncoding` for anything else, such as
    /// `gzip, chunked` or `chunked, identity`); a field naming no coding at all is malformed.
    static func transferCoding(_ headers: HTTPHeaders) -> TransferCoding {
        let values = headers.values("Transfer-Encoding")
        if values.isEmpty { return .absent }
        var codings: [Substring] = []
        for value in values {
            for element in value.split(separator: ",") {
                let coding = element.trimmingASCIISpaces()
                if !coding.isEmpty { codings.append(coding) }
            }
        }
        if codings.isEmpty { return .failed(.malformed("Transfer-Encoding names no coding")) }
        guard codings.count == 1, codings[0].equalsIgnoringASCIICase("chunked") else {
            return .failed(.unsupportedTransferEncoding)
        }
        return .chunked
    }
}
