/// An app version such as `1.10.0`: one to four whole numbers joined by dots, compared number by
/// number (`1.10.0` is newer than `1.9.3`; missing numbers count as 0, so `1.2` equals `1.2.0`).
struct AppVersion: Sendable, Comparable, CustomStringConvertible {
    let components: [Int]
    let text: String

    /// nil for anything but 1–4 groups of 1–9 digits separated by single dots.
    init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var components: [Int] = []
        for part in parts {
            guard (1...9).contains(part.utf8.count), part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                let number = Int(part)
            else { return nil }
            components.append(number)
        }
        self.components = components
        self.text = text
    }

    var description: String { text }

    private func component(_ index: Int) -> Int { index < components.count ? components[index] : 0 }

    static func < (lhs: AppVersion, rhs: AppVersion) -> Bool {
        for index in 0..<max(lhs.components.count, rhs.components.count)
        where lhs.component(index) != rhs.component(index) {
            return lhs.component(index) < rhs.component(index)
        }
        return false
    }

    static func == (lhs: AppVersion, rhs: AppVersion) -> Bool { !(lhs < rhs) && !(rhs < lhs) }
}
