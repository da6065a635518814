import Foundation

/// Text forms of timestamps: ISO-8601 UTC with microseconds for parameters, and the server's ISO output
/// (`2024-01-02 03:04:05.123456+00`, with the session time zone set to UTC) for results.
enum TimestampText {
    private static let microsecondsPerSecond: Int64 = 1_000_000
    private static let secondsPerDay: Int64 = 86_400
    /// Beyond this many seconds from 1970 a Date does not fit PostgreSQL's timestamp range.
    private static let representableSeconds = 9_000_000_000_000.0

    /// `2024-01-02T03:04:05.123456Z` (with ` BC` appended for years before 1); nil for dates outside
    /// PostgreSQL's range or not finite.
    static func format(_ date: Date) -> String? {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < representableSeconds else { return nil }
        let micros = Int64((seconds * Double(microsecondsPerSecond)).rounded())
        let wholeSeconds = CivilCalendar.floorDivide(micros, microsecondsPerSecond)
        let fraction = micros - wholeSeconds * microsecondsPerSecond
        let days = CivilCalendar.floorDivide(wholeSeconds, secondsPerDay)
        let secondOfDay = wholeSeconds - days * secondsPerDay
        let civil = CivilCalendar.date(days: days)
        let isBeforeCommonEra = civil.year <= 0
        let year = isBeforeCommonEra ? 1 - civil.year : civil.year
        var text = pad(year, 4) + "-" + pad(civil.month, 2) + "-" + pad(civil.day, 2)
        text += "T" + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        text += "." + pad(fraction, 6) + "Z"
        return isBeforeCommonEra ? text + " BC" : text
    }

    /// Parses the server's ISO output; a missing offset (a `timestamp` column) means UTC.
    /// `infinity` and `-infinity` map to `Date.distantFuture` and `Date.distantPast`.
    static func parse(_ text: UnsafeRawBufferPointer) -> Date? {
        var scanner = DigitScanner(text)
        if scanner.matches("infinity") { return scanner.isAtEnd ? .distantFuture : nil }
        if scanner.matches("-infinity") { return scanner.isAtEnd ? .distantPast : nil }
        guard let year = scanner.number(), scanner.skip("-"),
            let month = scanner.number(), scanner.skip("-"),
            let day = scanner.number(), scanner.skip(" ") || scanner.skip("T"),
            let hour = scanner.number(), scanner.skip(":"),
            let minute = scanner.number(), scanner.skip(":"),
            let second = scanner.number()
        else { return nil }
        var micros: Int64 = 0
        if scanner.skip(".") {
            guard let digits = scanner.fractionMicroseconds() else { return nil }
            micros = digits
        }
        var offsetSeconds: Int64 = 0
        if let sign = scanner.sign() {
            guard let offsetHours = scanner.number() else { return nil }
            var offset = offsetHours * 3600
            if scanner.skip(":") {
                guard let offsetMinutes = scanner.number() else { return nil }
                offset += offsetMinutes * 60
                if scanner.skip(":") {
                    guard let offsetSeconds = scanner.number() else { return nil }
                    offset += offsetSeconds
                }
            }
            offsetSeconds = sign * offset
        } else if scanner.skip("Z") {
            offsetSeconds = 0
        }
        let astronomicalYear = scanner.matches(" BC") ? 1 - year : year
        guard scanner.isAtEnd, (1...12).contains(month), (1...31).contains(day), hour <= 24, minute < 60,
            second <= 60
        else { return nil }
        let days = CivilCalendar.days(year: astronomicalYear, month: month, day: day)
        let wholeSeconds = days * secondsPerDay + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(wholeSeconds) + Double(micros) / Double(microsecondsPerSecond))
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A cursor over ASCII text that reads unsigned numbers and fixed tokens.
private struct DigitScanner {
    let text: UnsafeRawBufferPointer
    var position = 0

    init(_ text: UnsafeRawBufferPointer) {
        self.text = text
    }

    var isAtEnd: Bool { position == text.count }

    mutating func number() -> Int64? {
        var value: Int64 = 0
        let start = position
        while position < text.count, let digit = digitValue(text[position]), position - start < 12 {
            value = value * 10 + digit
            position += 1
        }
        return position > start ? value : nil
    }

    /// Up to six fraction digits as microseconds; further digits are rejected.
    mutating func fractionMicroseconds() -> Int64? {
        var value: Int64 = 0
        var count = 0
        while position < text.count, let digit = digitValue(text[position]) {
            guard count < 6 else { return nil }
            value = value * 10 + digit
            count += 1
            position += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<6 { value *= 10 }
        return value
    }

    mutating func sign() -> Int64? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }

    mutating func skip(_ character: Character) -> Bool {
        guard position < text.count, let ascii = character.asciiValue, text[position] == ascii else { return false }
        position += 1
        return true
    }

    /// Consumes `token` if the remaining text starts with it.
    mutating func matches(_ token: String) -> Bool {
        let bytes = Array(token.utf8)
        guard text.count - position >= bytes.count else { return false }
        for (offset, byte) in bytes.enumerated() where text[position + offset] != byte { return false }
        position += bytes.count
        return true
    }

    private func digitValue(_ byte: UInt8) -> Int64? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int64(byte - UInt8(ascii: "0")) : nil
    }
}
