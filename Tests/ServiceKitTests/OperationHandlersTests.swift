import HTTPCore
import JSON
import Mesh
import ServiceKit
import Testing

/// The one handler style, driven in process through the real `/op` route: registration checked
/// against the catalog, access checked before the code runs, and what the code throws answered the
/// same way for every service.
@Suite struct OperationHandlersTests {
    private struct Mistake: Error {}

    @Test func registrationsTheCatalogGivesThisServiceStart() throws {
        var handlers = OperationHandlers(service: .user)
        handlers.on(.yaf, "user.detail", access: .account) { _ in .ok() }
        handlers.on(.train, "getUserInfo", access: .account) { _ in .ok() }
        #expect(try handlers.routes().count == 2)
        #expect(handlers.names == ["train/getUserInfo", "yaf/user.detail"])
    }

    @Test func aTypoStopsStartUp() {
        var handlers = OperationHandlers(service: .user)
        handlers.on(.yaf, "user.detial") { _ in .ok() }
        #expect {
            _ = try handlers.routes()
        } throws: { error in
            "\(error)".contains("yaf/user.detial is not in the catalog")
        }
    }

    @Test func anotherServicesOperationStopsStartUp() {
        var handlers = OperationHandlers(service: .user)
        handlers.on(.yaf, "user.login") { _ in .ok() }
        handlers.on(.mobile, "member/saveinfo") { _ in .ok() }
        handlers.on(.mobile, "member/saveinfo") { _ in .ok() }
        #expect {
            _ = try handlers.routes()
        } throws: { error in
            let text = "\(error)"
            return text.contains("yaf/user.login belongs to auth")
                && text.contains("mobile/member/saveinfo is registered twice")
        }
    }

    @Test func anAlternateSpellingIsNotARegistration() {
        var handlers = OperationHandlers(service: .exchange)
        handlers.on(.c2c, "coin.coin.addOrder") { _ in .ok() }
        #expect(throws: RegistrationError.self) { _ = try handlers.routes() }
    }

    @Test func accessIsCheckedBeforeTheCodeRuns() async throws {
        var handlers = OperationHandlers(service: .user)
        handlers.on(.yaf, "user.detail", access: .account) { call in .ok(.number(JSONNumber(call.account))) }
        handlers.on(.train, "getUserInfo", access: .merchant) { call in .ok(.number(JSONNumber(call.account))) }
        handlers.on(.mobile, "member/im", access: .session) { _ in .ok(true) }
        handlers.on(.mobile, "member/exchangescore") { call in .ok(.bool(call.accountID == nil)) }
        let routes = try handlers.routes()

        #expect(try await Self.call(routes, .yaf, "user.detail").kind == .notLoggedIn)
        #expect(try await Self.call(routes, .yaf, "user.detail", caller: ("7", .guest)).kind == .notLoggedIn)
        #expect(
            try await Self.call(routes, .yaf, "user.detail", caller: ("7", nil), state: .invalid).kind == .notLoggedIn)
        #expect(try await Self.call(routes, .yaf, "user.detail", caller: ("7", nil)).data == .number(7))
        #expect(try await Self.call(routes, .train, "getUserInfo", caller: ("7", .customer)).kind == .forbidden)
        #expect(try await Self.call(routes, .train, "getUserInfo", caller: ("8", .business)).data == .number(8))
        #expect(try await Self.call(routes, .mobile, "member/im", caller: ("9", .guest)).kind == .ok)
        #expect(try await Self.call(routes, .mobile, "member/im").kind == .notLoggedIn)
        #expect(try await Self.call(routes, .mobile, "member/exchangescore").data == .bool(true))
    }

    @Test func whatTheCodeThrowsIsAnsweredInTheCallersDialect() async throws {
        var handlers = OperationHandlers(service: .user)
        handlers.on(.train, "addContacts") { _ in throw TestRefusal() }
        handlers.on(.yaf, "user.detail") { _ in throw TestRefusal() }
        handlers.on(.mobile, "member/saveinfo") { call in
            _ = try call.parameters.required("nickname", maxLength: 4)
            return .ok()
        }
        handlers.on(.mobile, "member/im") { _ in
            throw UpstreamFailure(service: .content, operation: "files.store", detail: "refused")
        }
        handlers.on(.mobile, "member/exchangescore") { _ in throw Mistake() }
        let routes = try handlers.routes()

        let train = try await Self.call(routes, .train, "addContacts")
        #expect(train.kind == .alreadyExists && train.dialectCode == "0025" && train.message == "该联系人已存在")
        let yaf = try await Self.call(routes, .yaf, "user.detail")
        #expect(yaf.kind == .alreadyExists && yaf.dialectCode == nil && yaf.message == "已经存在")
        let long = try await Self.call(routes, .mobile, "member/saveinfo", ["nickname": "  五个字太长  "])
        #expect(long.kind == .invalidParams && long.message == "参数 nickname 不能超过 4 个字符")
        let missing = try await Self.call(routes, .mobile, "member/saveinfo", ["nickname": " "])
        #expect(missing.kind == .missingParameter)
        #expect(try await Self.call(routes, .mobile, "member/im").kind == .upstreamFailed)
        let fault = try await Self.call(routes, .mobile, "member/exchangescore")
        #expect(fault.kind == .internal && fault.message == "internal error")
    }

    /// Sends one mesh call to the `/op` route as the gateway would.
    private static func call(
        _ routes: [Route], _ dialect: Dialect, _ operation: String, _ parameters: JSONObject = [:],
        caller: (String, CallerRole?)? = nil, state: SessionState = .valid
    ) async throws -> CanonicalReply {
        let mesh = MeshCall(
            dialect: dialect, operation: operation, parameters: parameters,
            caller: caller.map { CallerIdentity(userID: $0.0, role: $0.1) },
            sessionState: caller == nil ? .none : state)
        let request = mesh.httpRequest()
        let router = Router(routes)
        guard case .found(let route, let pathParameters) = router.match(method: .post, path: Substring(request.path))
        else { throw HandlerTestError.noRoute }
        let context = RequestContext(
            request: request, pathParameters: pathParameters, requestID: "test",
            logger: Logger(service: "test", minimumLevel: .error))
        return try CanonicalReply(response: try await route.handler(context))
    }

    private enum HandlerTestError: Error { case noRoute }
}

/// A refusal with a train code and otherwise the platform's words.
private struct TestRefusal: Refusal {
    var kind: ReplyKind { .alreadyExists }
    var message: String { "已经存在" }

    func wording(in dialect: Dialect) -> DialectWording? {
        dialect == .train ? DialectWording(code: "0025", message: "该联系人已存在") : nil
    }
}
