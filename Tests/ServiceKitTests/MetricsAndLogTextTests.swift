import ServiceKit
import Testing

@Suite struct MetricsAndLogTextTests {
    @Test func rendersPrometheusText() {
        let metrics = MetricsRegistry()
        metrics.increment("http_requests_total", help: "Requests.", labels: [("route", "/a\"b"), ("status", "200")])
        metrics.increment("http_requests_total", help: "Requests.", labels: [("route", "/a\"b"), ("status", "200")])
        metrics.observe("latency_seconds", help: "Latency.", labels: [("route", "/x")], value: 0.003)
        metrics.addGauges { [GaugeSample(name: "pool_size", help: "Pool.", value: 4)] }
        let text = metrics.render()
        #expect(text.contains("# TYPE http_requests_total counter\n"))
        #expect(text.contains("http_requests_total{route=\"/a\\\"b\",status=\"200\"} 2\n"))
        #expect(text.contains("latency_seconds_bucket{route=\"/x\",le=\"0.0025\"} 0\n"))
        #expect(text.contains("latency_seconds_bucket{route=\"/x\",le=\"0.005\"} 1\n"))
        #expect(text.contains("latency_seconds_bucket{route=\"/x\",le=\"+Inf\"} 1\n"))
        #expect(text.contains("latency_seconds_count{route=\"/x\"} 1\n"))
        #expect(text.contains("# TYPE pool_size gauge\npool_size 4.0\n"))
    }

    @Test func escapesJSONText() {
        #expect(JSONText.quoted("a\"b\\c\n\u{01}é") == "\"a\\\"b\\\\c\\n\\u0001é\"")
        #expect(JSONText.object([("k", "1"), ("s", JSONText.quoted("v"))]) == "{\"k\":1,\"s\":\"v\"}")
    }
}
