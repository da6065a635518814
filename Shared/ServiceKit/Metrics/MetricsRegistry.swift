import Synchronization

/// One labelled series of a metric.
public struct MetricLabels: Hashable, Sendable {
    public let pairs: [String]

    public init(_ pairs: [(String, String)]) { self.pairs = pairs.flatMap { [$0.0, $0.1] } }

    /// `{a="1",b="2"}` with Prometheus escaping, or empty.
    func rendered(extra: (String, String)? = nil) -> String {
        var parts: [String] = []
        var i = 0
        while i + 1 < pairs.count {
            parts.append("\(pairs[i])=\"\(MetricLabels.escape(pairs[i + 1]))\"")
            i += 2
        }
        if let extra { parts.append("\(extra.0)=\"\(MetricLabels.escape(extra.1))\"") }
        return parts.isEmpty ? "" : "{" + parts.joined(separator: ",") + "}"
    }

    static func escape(_ value: String) -> String {
        var out = ""
        for c in value {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }
}

/// A gauge value read when metrics are scraped.
public struct GaugeSample: Sendable {
    public let name: String
    public let help: String
    public let labels: MetricLabels
    public let value: Double

    public init(name: String, help: String, labels: [(String, String)] = [], value: Double) {
        self.name = name
        self.help = help
        self.labels = MetricLabels(labels)
        self.value = value
    }
}

/// Counters, histograms and gauges of one process, rendered in the Prometheus text format 0.0.4.
/// Label by route template, never by raw path or user id.
public final class MetricsRegistry: Sendable {
    private struct Histogram {
        var buckets: [Int]
        var count = 0
        var sum = 0.0
    }

    private struct Families {
        var counters: [String: (help: String, series: [MetricLabels: Int])] = [:]
        var histograms: [String: (help: String, series: [MetricLabels: Histogram])] = [:]
        var gaugeProviders: [@Sendable () -> [GaugeSample]] = []
    }

    /// Upper bounds of the latency histogram buckets, in seconds.
    public static let latencyBuckets: [Double] = [
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]

    private let families = Mutex(Families())

    public init() {}

    public func increment(_ name: String, help: String, labels: [(String, String)] = [], by amount: Int = 1) {
        let key = MetricLabels(labels)
        families.withLock { f in
            f.counters[name, default: (help, [:])].series[key, default: 0] += amount
        }
    }

    /// Records one observation (seconds) in a histogram with the latency buckets.
    public func observe(_ name: String, help: String, labels: [(String, String)] = [], value: Double) {
        let key = MetricLabels(labels)
        let bucket = MetricsRegistry.latencyBuckets.firstIndex { value <= $0 } ?? MetricsRegistry.latencyBuckets.count
        families.withLock { f in
            var histogram =
                f.histograms[name]?.series[key]
                ?? Histogram(buckets: Array(repeating: 0, count: MetricsRegistry.latencyBuckets.count + 1))
            histogram.buckets[bucket] += 1
            histogram.count += 1
            histogram.sum += value
            f.histograms[name, default: (help, [:])].series[key] = histogram
        }
    }

    /// Adds gauges that are read at each scrape (pool sizes, open connections).
    public func addGauges(_ provider: @escaping @Sendable () -> [GaugeSample]) {
        families.withLock { $0.gaugeProviders.append(provider) }
    }

    public func render() -> String {
        let snapshot = families.withLock { $0 }
        var out = ""
        for name in snapshot.counters.keys.sorted() {
            let family = snapshot.counters[name]!
            out += "# HELP \(name) \(family.help)\n# TYPE \(name) counter\n"
            for (labels, value) in family.series.sorted(by: { $0.key.pairs.lexicographicallyPrecedes($1.key.pairs) }) {
                out += "\(name)\(labels.rendered()) \(value)\n"
            }
        }
        for name in snapshot.histograms.keys.sorted() {
            let family = snapshot.histograms[name]!
            out += "# HELP \(name) \(family.help)\n# TYPE \(name) histogram\n"
            for (labels, histogram) in family.series.sorted(by: { $0.key.pairs.lexicographicallyPrecedes($1.key.pairs) }
            ) {
                var cumulative = 0
                for (index, bound) in MetricsRegistry.latencyBuckets.enumerated() {
                    cumulative += histogram.buckets[index]
                    out += "\(name)_bucket\(labels.rendered(extra: ("le", "\(bound)"))) \(cumulative)\n"
                }
                out += "\(name)_bucket\(labels.rendered(extra: ("le", "+Inf"))) \(histogram.count)\n"
                out += "\(name)_sum\(labels.rendered()) \(histogram.sum)\n"
                out += "\(name)_count\(labels.rendered()) \(histogram.count)\n"
            }
        }
        var gauges: [String: (help: String, lines: [String])] = [:]
        for provider in snapshot.gaugeProviders {
            for sample in provider() {
                gauges[sample.name, default: (sample.help, [])].lines.append(
                    "\(sample.name)\(sample.labels.rendered()) \(sample.value)")
            }
        }
        for name in gauges.keys.sorted() {
            out += "# HELP \(name) \(gauges[name]!.help)\n# TYPE \(name) gauge\n"
            out += gauges[name]!.lines.joined(separator: "\n") + "\n"
        }
        return out
    }
}
