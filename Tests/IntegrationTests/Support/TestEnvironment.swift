import Foundation
import Glibc

/// Where the integration tests find the database server and the built executables.
enum TestEnvironment {
    /// The server the tests may create databases on (`TEST_DATABASE_URL`), set by the test script.
    static let databaseURL: String? = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"]

    /// The folder holding `gateway`, `auth` … : `PLATFORM_BIN_DIR`, or the folder of the test bundle.
    static let binaryDirectory: URL? = {
        if let dir = ProcessInfo.processInfo.environment["PLATFORM_BIN_DIR"] { return URL(fileURLWithPath: dir) }
        var candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<5 {
            if FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("gateway").path) {
                return candidate
            }
            candidate = candidate.deletingLastPathComponent()
        }
        return nil
    }()

    /// True when both a database and the executables are there.
    static var isAvailable: Bool { databaseURL != nil && binaryDirectory != nil }

    /// A port that was free a moment ago on 127.0.0.1.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length)
                return getsockname(fd, $0, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
