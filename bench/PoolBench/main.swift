import EventLoops
import Foundation
import Postgres

/// Command-line settings of the pool benchmark.
struct PoolBenchOptions: Sendable {
    var url = ""
    var workers = 16
    var seconds = 20
    var table = "pgbench_accounts"
    var loops = ProcessInfo.processInfo.activeProcessorCount

    static let usage = """
        usage: pool-bench --url postgres://user@host:port/db [--workers 16] [--seconds 20] [--table pgbench_accounts]
                          [--loops <CPUs>]
        Each worker selects one random row by primary key (SELECT abalance FROM <table> WHERE aid = $1) through
        the connection pool, as fast as it can, for the given time.
        With --loops N (default: the number of CPUs, as a service's HTTP_THREADS), the pool shares a group of N
        event loops and the workers run as tasks on those loops, spread evenly, the way a service's request
        handlers do. With --loops 0 the workers run on Swift's cooperative thread pool and the pool uses its own
        private event loop.
        """

    init(arguments: [String]) throws(PoolBenchError) {
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            if flag == "--help" || flag == "-h" { throw PoolBenchError(message: Self.usage, exitCode: 0) }
            guard let value = remaining.popFirst() else {
                throw PoolBenchError(message: "\(flag) needs a value\n\(Self.usage)")
            }
            switch flag {
            case "--url": url = value
            case "--workers": workers = try Self.positive(value, flag: flag)
            case "--seconds": seconds = try Self.positive(value, flag: flag)
            case "--table": table = value
            case "--loops": loops = try Self.count(value, flag: flag)
            default: throw PoolBenchError(message: "unknown option \(flag)\n\(Self.usage)")
            }
        }
        if url.isEmpty { throw PoolBenchError(message: "--url is required\n\(Self.usage)") }
        if !Self.isPlainTableName(table) {
            throw PoolBenchError(message: "--table must be a plain table name such as pgbench_accounts, got '\(table)'")
        }
    }

    /// `name` or `schema.name`, each made of ASCII letters, digits and underscores, not starting with a digit.
    static func isPlainTableName(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count)
            && parts.allSatisfy { part in
                guard let first = part.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
                return part.unicodeScalars.allSatisfy {
                    $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0)
                        || ("0"..."9").contains($0)
                }
            }
    }

    private static func count(_ text: String, flag: String) throws(PoolBenchError) -> Int {
        guard let number = Int(text), number >= 0 else {
            throw PoolBenchError(message: "\(flag) must be a whole number, 0 or more, got '\(text)'")
        }
        return number
    }

    private static func positive(_ text: String, flag: String) throws(PoolBenchError) -> Int {
        guard let number = Int(text), number > 0 else {
            throw PoolBenchError(message: "\(flag) must be a positive whole number, got '\(text)'")
        }
        return number
    }
}

/// Why the benchmark stopped before printing its result, and the exit code to leave with.
struct PoolBenchError: Error {
    var message: String
    var exitCode: Int32 = 2
}

/// What one worker measured: the latency of each query in nanoseconds, and its failures.
struct WorkerReport: Sendable {
    var latencies: [UInt64] = []
    var failures = 0
    var firstFailure: String?
}

extension Duration {
    var nanoseconds: UInt64 {
        let parts = components
        return UInt64(parts.seconds) * 1_000_000_000 + UInt64(parts.attoseconds / 1_000_000_000)
    }
}

/// The value at `fraction` (0...1) of sorted latencies, in milliseconds.
func percentile(_ sorted: [UInt64], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)
    return Double(sorted[max(0, index)]) / 1_000_000
}

func runWorker(
    pool: PostgresPool, table: String, rows: Int, until deadline: ContinuousClock.Instant
) async
    -> WorkerReport
{
    var report = WorkerReport()
    report.latencies.reserveCapacity(100_000)
    let clock = ContinuousClock()
    var random = SplitMix64()
    while clock.now < deadline {
        let aid = Int.random(in: 1...rows, using: &random)
        let started = clock.now
        do {
            let result = try await pool.query("SELECT abalance FROM \(unsafeSQL: table) WHERE aid = \(aid)")
            _ = try result.first?.decode("abalance", as: Int.self)
            report.latencies.append((clock.now - started).nanoseconds)
        } catch {
            report.failures += 1
            if report.firstFailure == nil { report.firstFailure = "\(error)" }
        }
    }
    return report
}

/// The event loops the workers run on; nil when they run on the cooperative thread pool.
struct WorkerPlacement: Sendable {
    let group: EventLoopGroup?

    /// The executor worker `index` prefers, spreading the workers evenly over the loops.
    func executor(for index: Int) -> (any TaskExecutor)? {
        group.map { $0.loops[index % $0.loops.count] }
    }
}

func benchmark(_ options: PoolBenchOptions) async throws -> String {
    var configuration = try PostgresConfiguration(url: options.url)
    configuration.poolSize = options.workers
    let placement = WorkerPlacement(group: options.loops > 0 ? try EventLoopGroup(threads: options.loops) : nil)
    let pool =
        placement.group.map { PostgresPool(configuration: configuration, group: $0) }
        ?? PostgresPool(configuration: configuration)
    let countResult = try await pool.query("SELECT count(*)::int8 AS n FROM \(unsafeSQL: options.table)")
    let rows = try countResult.first?.decode("n", as: Int.self) ?? 0
    guard rows > 0 else {
        throw PoolBenchError(message: "table \(options.table) is empty; fill it first (pgbench -i -s 10 <database>)")
    }

    // Open every connection, on the loop of the worker that will use it, and prepare the statement on it before
    // the clock starts, as pgbench does.
    let ready = WarmUpBarrier(count: options.workers)
    try await withThrowingTaskGroup(of: Void.self) { group in
        for index in 0..<options.workers {
            group.addTask(executorPreference: placement.executor(for: index)) {
                try await pool.withConnection { connection in
                    _ = try await connection.query("SELECT abalance FROM \(unsafeSQL: options.table) WHERE aid = \(1)")
                    await ready.arrive()
                }
            }
        }
        try await group.waitForAll()
    }

    let clock = ContinuousClock()
    let started = clock.now
    let deadline = started + .seconds(options.seconds)
    let reports = await withTaskGroup(of: WorkerReport.self) { group in
        for index in 0..<options.workers {
            group.addTask(executorPreference: placement.executor(for: index)) {
                await runWorker(pool: pool, table: options.table, rows: rows, until: deadline)
            }
        }
        var reports: [WorkerReport] = []
        for await report in group { reports.append(report) }
        return reports
    }
    let elapsed = Double((clock.now - started).nanoseconds) / 1_000_000_000
    await pool.close()
    await placement.group?.shutdown()

    let latencies = reports.flatMap(\.latencies).sorted()
    let failures = reports.reduce(0) { $0 + $1.failures }
    if let firstFailure = reports.compactMap(\.firstFailure).first {
        FileHandle.standardError.write(Data("pool-bench: \(failures) queries failed, first: \(firstFailure)\n".utf8))
    }
    let qps = Double(latencies.count) / elapsed
    return "pool-bench: queries=\(latencies.count) qps=\(String(format: "%.1f", qps))"
        + " p50_ms=\(String(format: "%.3f", percentile(latencies, 0.50)))"
        + " p99_ms=\(String(format: "%.3f", percentile(latencies, 0.99)))"
        + " workers=\(options.workers) loops=\(options.loops) seconds=\(String(format: "%.2f", elapsed))"
        + " rows=\(rows) errors=\(failures)"
}

do {
    let options = try PoolBenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    print(try await benchmark(options))
} catch let error as PoolBenchError {
    FileHandle.standardError.write(Data("\(error.message)\n".utf8))
    exit(error.exitCode)
} catch {
    FileHandle.standardError.write(Data("pool-bench: \(error)\n".utf8))
    exit(1)
}
