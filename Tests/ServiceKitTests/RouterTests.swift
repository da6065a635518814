import HTTPCore
import ServiceKit
import Testing

@Suite struct RouterTests {
    private let router = Router([
        .get("/health") { _ in .text("h") },
        .post("/op/{dialect}/{operation}") { context in
            .text("\(context.parameter("dialect")!)|\(context.parameter("operation")!)")
        },
        .get("/files/*") { context in .text(context.parameter("*")!) },
    ])

    @Test func matchesLiteralsParametersAndRest() {
        guard case .found(let route, _) = router.match(method: .get, path: "/health/") else {
            Issue.record("no match")
            return
        }
        #expect(route.template == "/health")
        guard case .found(_, let parameters) = router.match(method: .post, path: "/op/yaf/user.login") else {
            Issue.record("no match")
            return
        }
        #expect(parameters == ["dialect": "yaf", "operation": "user.login"])
        guard case .found(_, let rest) = router.match(method: .get, path: "/files/ab/cd.png") else {
            Issue.record("no match")
            return
        }
        #expect(rest["*"] == "ab/cd.png")
    }

    @Test func tellsWrongMethodFromUnknownPath() {
        guard case .methodNotAllowed(let allowed) = router.match(method: .post, path: "/health") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed.contains(.get))
        guard case .notFound = router.match(method: .get, path: "/op/yaf") else {
            Issue.record("expected 404")
            return
        }
    }

    @Test func decodesPercentEncodedParameters() {
        guard case .found(_, let parameters) = router.match(method: .post, path: "/op/a%20b/c") else {
            Issue.record("no match")
            return
        }
        #expect(parameters["dialect"] == "a b")
    }
}
