import Foundation
import Glibc
import Synchronization

/// One real service executable started for a test, with its output captured to a file.
final class ServiceProcess: Sendable {
    /// Foundation's `Process.run()` on Linux is not safe to call from several threads at once (a
    /// concurrent launch crashed copying the child's arguments under load), so launches take turns.
    private static let launching = Mutex<Void>(())

    let name: String
    let port: Int
    let logFile: URL
    private let process: Process
    private let exit = Mutex<Int32?>(nil)

    /// Starts `name` from the build folder with `environment` added to this process's own.
    init(name: String, port: Int, environment: [String: String], logDirectory: URL) throws {
        guard let binaries = TestEnvironment.binaryDirectory else {
            throw HarnessError("no built executables: set PLATFORM_BIN_DIR")
        }
        self.name = name
        self.port = port
        logFile = logDirectory.appendingPathComponent("\(name)-\(port).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: logFile)
        let process = Process()
        process.executableURL = binaries.appendingPathComponent(name)
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        self.process = process
        process.terminationHandler = { [weak self] finished in
            self?.exit.withLock { $0 = finished.terminationStatus }
        }
        try Self.launching.withLock { _ in try process.run() }
    }

    var isRunning: Bool { exit.withLock { $0 } == nil }

    /// Sends SIGTERM and waits up to `timeout` for the exit status.
    func terminate(timeout: Duration = .seconds(15)) async -> Int32? {
        if isRunning { process.terminate() }
        return await waitForExit(timeout: timeout)
    }

    func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = exit.withLock({ $0 }) { return status }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    func kill() {
        if isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
    }

    /// Everything the process has written so far.
    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }
}

/// A test set-up step that could not be done; says what to fix.
struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
