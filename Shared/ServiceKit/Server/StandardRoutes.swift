import HTTPCore

/// `GET /health`, `GET /ready` and `GET /metrics`, the same in every service.
enum StandardRoutes {
    static func make(for application: ServiceApplication) -> [Route] {
        [
            .get("/health") { _ in
                .json(
                    JSONText.object([
                        ("status", "\"ok\""), ("service", JSONText.quoted(application.configuration.name)),
                    ]))
            },
            .get("/ready") { _ in
                let (ready, results) = await application.readiness()
                let checks = JSONText.object(results.map { ($0.name, $0.ok ? "\"ok\"" : "\"failing\"") })
                return .json(
                    JSONText.object([("status", ready ? "\"ready\"" : "\"not_ready\""), ("checks", checks)]),
                    status: ready ? .ok : .serviceUnavailable)
            },
            .get("/metrics") { _ in
                HTTPResponse(
                    status: .ok, contentType: "text/plain; version=0.0.4; charset=utf-8",
                    body: application.metrics.render())
            },
        ]
    }
}
