import Foundation
import Glibc

/// A value in a log line's metadata.
public enum LogValue: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case int(Int)
    case double(Double)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }

    var json: String {
        switch self {
        case .string(let s): JSONText.quoted(s)
        case .int(let i): String(i)
        case .double(let d): d.isFinite ? String((d * 1000).rounded() / 1000) : "null"
        }
    }
}

/// Structured logger: one JSON object per line on standard output with time, level, service,
/// message and dotted metadata keys (`request.id`). Never give it secrets.
public struct Logger: Sendable {
    public let service: String
    public let minimumLevel: LogLevel
    public private(set) var metadata: [(String, LogValue)]

    public init(service: String, minimumLevel: LogLevel = .info, metadata: [(String, LogValue)] = []) {
        self.service = service
        self.minimumLevel = minimumLevel
        self.metadata = metadata
    }

    /// A logger that adds `key` to every line.
    public func with(_ key: String, _ value: LogValue) -> Logger {
        var copy = self
        copy.metadata.append((key, value))
        return copy
    }

    public func log(_ level: LogLevel, _ message: @autoclosure () -> String, _ extra: [(String, LogValue)] = []) {
        guard level >= minimumLevel else { return }
        var pairs: [(String, String)] = [
            ("time", JSONText.quoted(LogClock.timestamp())),
            ("level", JSONText.quoted(level.name)),
            ("service", JSONText.quoted(service)),
            ("msg", JSONText.quoted(message())),
        ]
        for (key, value) in metadata { pairs.append((key, value.json)) }
        for (key, value) in extra { pairs.append((key, value.json)) }
        LogSink.write(JSONText.object(pairs) + "\n")
    }

    public func debug(_ message: @autoclosure () -> String, _ extra: [(String, LogValue)] = []) {
        log(.debug, message(), extra)
    }
    public func info(_ message: @autoclosure () -> String, _ extra: [(String, LogValue)] = []) {
        log(.info, message(), extra)
    }
    public func warning(_ message: @autoclosure () -> String, _ extra: [(String, LogValue)] = []) {
        log(.warning, message(), extra)
    }
    public func error(_ message: @autoclosure () -> String, _ extra: [(String, LogValue)] = []) {
        log(.error, message(), extra)
    }
}

/// Where log lines go: standard output, one `write` per line so lines never interleave.
enum LogSink {
    static func write(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }
}

/// UTC timestamps with milliseconds for log lines.
enum LogClock {
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))T"
            + "\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))."
            + "\(pad(now.tv_nsec / 1_000_000, 3))Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
