import COpenSSL

/// Reads and clears the calling thread's OpenSSL error queue.
enum OpenSSLErrorQueue {
    /// The queued errors as one line of text, oldest first, or a fixed note when the queue is empty.
    static func drain() -> String {
        var messages: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            let length = buffer.firstIndex(of: 0) ?? buffer.count
            messages.append(String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return messages.isEmpty ? "no error reported by OpenSSL" : messages.joined(separator: "; ")
    }
}
