import Glibc

/// The IMF-fixdate text of the `Date` header, recomputed at most once per second.
struct HTTPDateCache {
    private(set) var text: String = ""
    private var second: Int = -1

    /// Refreshes the text when the wall-clock second has changed.
    mutating func refresh() {
        var now = time(nil)
        guard now != second else { return }
        second = now
        var parts = tm()
        gmtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%a, %d %b %Y %H:%M:%S GMT", &parts)
        text = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
