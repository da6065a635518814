import Foundation
import Glibc
import Synchronization

/// One real service executable started for a test, with its output captured to a file. It is spawned
/// with `posix_spawn` rather than Foundation's `Process`: on Linux `Process.run()` reads past a directory
/// entry while it closes inherited descriptors and now and then crashes the test process
/// (swift-corelibs-foundation#5472), which happened here under load.
final class ServiceProcess: Sendable {
    let name: String
    let port: Int
    let logFile: URL
    private let pid: pid_t
    private let exit = Mutex<Int32?>(nil)

    /// Starts `name` from the build folder with `environment` added to this process's own.
    init(name: String, port: Int, environment: [String: String], logDirectory: URL) throws {
        guard let binaries = TestEnvironment.binaryDirectory else {
            throw HarnessError("no built executables: set PLATFORM_BIN_DIR")
        }
        self.name = name
        self.port = port
        logFile = logDirectory.appendingPathComponent("\(name)-\(port).log")
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let path = binaries.appendingPathComponent(name).path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        Self.closeInheritedDescriptors(&actions)
        let arguments = [path]
        let variables = merged.map { "\($0.key)=\($0.value)" }
        var child: pid_t = 0
        let status = Self.withCStrings(arguments) { argv in
            Self.withCStrings(variables) { envp in posix_spawn(&child, path, &actions, nil, argv, envp) }
        }
        guard status == 0 else {
            throw HarnessError("cannot start \(path): \(String(cString: strerror(status)))")
        }
        pid = child
    }

    /// Whether the process still runs; reaps it (once) when it has ended.
    var isRunning: Bool {
        exit.withLock { status in
            guard status == nil else { return false }
            var raw: Int32 = 0
            guard waitpid(pid, &raw, WNOHANG) == pid else { return true }
            status = (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
            return false
        }
    }

    /// Sends SIGTERM and waits up to `timeout` for the exit status.
    func terminate(timeout: Duration = .seconds(15)) async -> Int32? {
        if isRunning { Glibc.kill(pid, SIGTERM) }
        return await waitForExit(timeout: timeout)
    }

    func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if !isRunning { return exit.withLock { $0 } }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    func kill() {
        if isRunning { Glibc.kill(pid, SIGKILL) }
    }

    /// Everything the process has written so far.
    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// Has the child close every descriptor above standard error it would inherit (the test process's
    /// sockets, database connections and files), with glibc's `posix_spawn_file_actions_addclosefrom_np`
    /// (2.34 and newer; looked up at run time, since Swift's Glibc module does not declare it); on an
    /// older C library the descriptors are marked close-on-exec instead.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
            return
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            guard let descriptor = Int32(name), descriptor > 2 else { continue }
            let flags = fcntl(descriptor, F_GETFD)
            if flags >= 0 { _ = fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    /// `strings` as a NULL-terminated array of C strings for the duration of `body`.
    private static func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> T) -> T {
        var pointers = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}

/// A test set-up step that could not be done; says what to fix.
struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
