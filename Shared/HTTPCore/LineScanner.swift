/// Finds the end of the next CRLF-terminated line at the front of a buffer and remembers how far it
/// has already looked, so a line that arrives in many small pieces is scanned only once.
struct LineScanner: Sendable {
    enum Outcome: Equatable {
        /// A complete line of `length` bytes, followed by CRLF.
        case line(length: Int)
        /// No line end yet.
        case incomplete
        /// More than the allowed bytes arrived without a line end.
        case tooLong
        /// A LF not preceded by CR.
        case bareLF
        /// A CR not followed by LF.
        case bareCR
    }

    private var scanned = 0

    /// Looks for the line end; a line longer than `maxLength` bytes is reported as `.tooLong` as soon
    /// as its first excess byte has arrived.
    mutating func scan(_ buffer: ByteBuffer, maxLength: Int) -> Outcome {
        let start = scanned
        var stoppedAt = start
        let outcome: Outcome = buffer.withReadableBytes { bytes in
            var index = start
            let count = bytes.count
            while index < count {
                if index > maxLength { return .tooLong }
                let byte = bytes[index]
                if byte == HTTPGrammar.lf { return .bareLF }
                if byte == HTTPGrammar.cr {
                    if index + 1 == count {
                        stoppedAt = index
                        return .incomplete
                    }
                    return bytes[index + 1] == HTTPGrammar.lf ? .line(length: index) : .bareCR
                }
                index += 1
            }
            stoppedAt = count
            return index > maxLength ? .tooLong : .incomplete
        }
        scanned = outcome == .incomplete ? stoppedAt : 0
        return outcome
    }

    /// Forgets the progress (after the caller consumed the line or dropped the buffer).
    mutating func reset() { scanned = 0 }
}
