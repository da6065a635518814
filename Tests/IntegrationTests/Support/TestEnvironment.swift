import Foundation
import Glibc
import Synchronization

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
    /// The log file of the server at `databaseURL` (`TEST_DATABASE_LOG`, set by deploy/test.sh), for
    /// checks that the database logged no error.
    static let databaseLog: URL? = ProcessInfo.processInfo.environment["TEST_DATABASE_LOG"].map {
        URL(fileURLWithPath: $0)
    }

    static var isAvailable: Bool { databaseURL != nil && binaryDirectory != nil }

    /// Ports handed out in this process, never handed out twice (tests run in parallel).
    private static let handedOut = Mutex<Set<Int>>([])

    /// A port that was free a moment ago on 127.0.0.1, never one handed out before in this process.
    /// Ports come from 10000–32767, below Linux's ephemeral range, so outgoing connections and other
    /// processes' port-0 binds do not take them meanwhile.
    static func freePort() -> Int {
        while true {
            let port = Int.random(in: 10_000...32_767)
            let fresh = handedOut.withLock { ports in ports.insert(port).inserted }
            if fresh && canBind(port) { return port }
        }
    }

    private static func canBind(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
