import HTTPClient
import HTTPCore
import JSON
import Mesh
import Postgres
import ServiceHarness
import ServiceKit
import Synchronization
import Testing
import UserService

@testable import OrdersService

/// The top-up's money against a real database and the real wallet (the user service in process), with
/// a provider the test steers: a charged order keeps its debit, a failed one gets it back exactly once
/// however many refunders run, a short balance moves nothing, and the sweep finishes what a crash or a
/// silent provider left behind.
@Suite(.serialized)
struct PhoneTopUpFlowTests {
    /// A provider whose answers the test sets.
    final class SteeredProvider: PhoneTopUpProvider {
        /// How `onlineorder` answers: takes the order, refuses it for certain, or does not answer.
        enum Submission: Sendable {
            case accept, refuse, silent
        }

        let submission = Mutex<Submission>(.accept)
        /// What `ordersta` says, per order number; absent: the provider does not know the order.
        let states = Mutex<[String: ProviderProgress]>([:])
        let submitted = Mutex<[String]>([])
        /// The purchase price quoted, when not 4 fen under the face value.
        let price = Mutex<Int64?>(nil)

        func check(phone: String, faceValue: FaceValue) async throws(ProviderFailure) -> ProviderRefusal? { nil }

        func quote(
            phone: String, faceValue: FaceValue
        ) async throws(ProviderFailure) -> Result<ProviderQuote, ProviderRefusal> {
            .success(ProviderQuote(cardID: "10674", purchasePrice: price.withLock { $0 } ?? faceValue.fen - 4))
        }

        func submit(
            orderNo: String, phone: String, faceValue: FaceValue
        ) async throws(ProviderFailure) -> Result<ProviderOrder, ProviderRefusal> {
            switch submission.withLock({ $0 }) {
            case .accept:
                submitted.withLock { $0.append(orderNo) }
                states.withLock { $0[orderNo] = .charging }
                return .success(ProviderOrder(thirdNo: "J" + orderNo, progress: .charging))
            case .refuse:
                return .failure(ProviderRefusal(code: 208505, reason: "错误的手机号码", subject: .number, isDefinitive: true))
            case .silent:
                throw ProviderFailure(cause: .unreachable, detail: "timed out")
            }
        }

        func status(orderNo: String) async throws(ProviderFailure) -> Result<ProviderOrder, ProviderRefusal> {
            guard let progress = states.withLock({ $0[orderNo] }) else {
                return .failure(ProviderRefusal(code: 208592, reason: "订单不存在", subject: .other, isDefinitive: false))
            }
            return .success(ProviderOrder(thirdNo: "J" + orderNo, progress: progress))
        }

        func settle(_ orderNo: String, _ progress: ProviderProgress) { states.withLock { $0[orderNo] = progress } }
    }

    /// What a test works with.
    struct Bench {
        let mesh: InProcessMesh
        let module: PhoneTopUpModule
        let provider: SteeredProvider
        let database: PostgresPool
        let target: TopUpTarget

        func balance(_ account: Int64) async throws -> JSONValue? {
            try await mesh.internalCall(.user, "wallet.get", ["account_id": .id(account)]).data?["balance"]
        }

        func credit(_ account: Int64, _ amount: Int64) async throws {
            let reply = try await mesh.internalCall(
                .user, "wallet.credit", ["account_id": .id(account), "amount": .integer(amount)],
                idempotencyKey: "seed-\(account)-\(amount)")
            #expect(reply.kind == .ok)
        }

        /// Ledger rows of `kind` for the order.
        func ledger(_ orderNo: String, _ kind: String) async throws -> Int64 {
            try await database.query(
                "SELECT count(*) AS n FROM users.wallet_ledger WHERE reference = \(orderNo) AND kind = \(kind)"
            )[0].decode("n")
        }

        /// A sweep that treats every order as stalled.
        var impatientSweeper: PhoneTopUpSweeper {
            let sweeper = module.sweeper
            return PhoneTopUpSweeper(
                orders: sweeper.orders, provider: sweeper.provider, wallet: sweeper.wallet,
                settlement: sweeper.settlement, refunds: sweeper.refunds, charging: sweeper.charging, stallAfter: .zero,
                logger: sweeper.logger)
        }

        func charge(_ account: Int64) async throws -> PhoneCharging.Outcome {
            try await module.charging.charge(target, account: account, payPassword: "pay_pass1", requestID: nil)
        }
    }

    /// A mesh client that answers auth's pay-password check itself (right for `pay_pass1`) and passes
    /// every other call to the in-process services.
    static func meshClient(_ mesh: InProcessMesh) -> MeshClient {
        MeshClient(
            transport: { service, request, _ throws(HTTPClientError) in
                let reply: CanonicalReply
                do {
                    let body = try JSONValue.parse(request.body).objectValue ?? [:]
                    if service == .auth {
                        reply =
                            body["pay_password"] == "pay_pass1"
                            ? .ok() : .failure(.payPasswordWrong, "支付密码错误")
                    } else {
                        reply = try await mesh.internalCall(
                            service, String(request.path.dropFirst("/internal/".count)), body,
                            idempotencyKey: request.headers[MeshClient.idempotencyKeyHeader])
                    }
                } catch {
                    throw HTTPClientError(.malformedResponse, upstream: service.rawValue, detail: "\(error)")
                }
                return reply.httpResponse
            }, internalKey: "in-process")
    }

    static func with(_ body: (Bench) async throws -> Void) async throws {
        let services = [
            InProcessService(.user, descriptor: UserService.descriptor, routes: UserService.routes),
            InProcessService(.orders, descriptor: OrdersService.descriptor, routes: OrdersService.routes),
        ]
        let environment = ["ORDERS_PAYMENTS_SWEEP_MS": "60000", "ORDERS_PHONE_TOPUP_SWEEP_MS": "600000"]
        try await InProcessMesh.with(services, environment: environment) { mesh in
            guard let database = mesh.database(of: .orders) else { throw InProcessMeshError("no orders database") }
            let configuration = try ServiceConfiguration(
                descriptor: OrdersService.descriptor, environment: Environment(prefix: "ORDERS", values: [:]))
            let provider = SteeredProvider()
            let directory = try SegmentDirectory(text: Array("R 0 山西 太原\n1569 1000:0\n".utf8))
            let module = PhoneTopUpModule(
                settings: try PhoneTopUpSettings(configuration: configuration), provider: provider,
                directory: directory, database: database, mesh: meshClient(mesh), logger: Logger(service: "test"))
            let target = try module.targets.target(phone: "15698566598", faceValue: "20").get()
            try await body(
                Bench(mesh: mesh, module: module, provider: provider, database: database, target: target))
        }
    }

    @Test func aChargedTopUpKeepsItsDebit() async throws {
        try await Self.with { bench in
            try await bench.credit(51, 5_000)
            guard case .charging(let order) = try await bench.charge(51) else {
                Issue.record("the charge did not reach the provider")
                return
            }
            #expect(order.state == .charging && order.thirdNo == "J" + order.orderNo)
            #expect(order.sellPrice == 1_996 && order.purchasePrice == 1_996)
            #expect(order.cardName == "山西联通话费20元" && order.belongArea == "山西太原联通")
            #expect(try await bench.balance(51) == .integer(3_004))
            bench.provider.settle(order.orderNo, .charged)
            let charged = try await bench.module.settlement.refresh(order, provider: bench.provider)
            #expect(charged.state == .charged)
            try await bench.impatientSweeper.run()
            #expect(try await bench.balance(51) == .integer(3_004))
            #expect(try await bench.ledger(order.orderNo, "debit") == 1)
            #expect(try await bench.ledger(order.orderNo, "credit") == 0)
        }
    }

    @Test func aFailedTopUpIsRefundedExactlyOnceWhateverRunsTogether() async throws {
        try await Self.with { bench in
            try await bench.credit(52, 2_000)
            guard case .charging(let order) = try await bench.charge(52) else {
                Issue.record("the charge did not reach the provider")
                return
            }
            #expect(try await bench.balance(52) == .integer(4))
            bench.provider.settle(order.orderNo, .failed)
            let module = bench.module
            let sweeper = bench.impatientSweeper
            try await withThrowingTaskGroup(of: Void.self) { group in
                for round in 0..<12 {
                    group.addTask {
                        switch round % 3 {
                        case 0: _ = try await module.settlement.refresh(order, provider: bench.provider)
                        case 1: try await sweeper.run()
                        default: try await module.settlement.apply(.failed(reason: "9"), to: order.orderNo)
                        }
                    }
                }
                try await group.waitForAll()
            }
            try await sweeper.run()
            #expect(try await module.orders.find(order.orderNo)?.state == .refunded)
            #expect(try await bench.balance(52) == .integer(2_000))
            #expect(try await bench.ledger(order.orderNo, "credit") == 1)
            #expect(try await bench.ledger(order.orderNo, "debit") == 1)
        }
    }

    @Test func aShortBalanceDeclinesAndMovesNothing() async throws {
        try await Self.with { bench in
            try await bench.credit(53, 1_995)
            guard case .balanceShort(let order) = try await bench.charge(53) else {
                Issue.record("a short balance paid")
                return
            }
            #expect(order.state == .declined)
            #expect(try await bench.balance(53) == .integer(1_995))
            #expect(try await bench.ledger(order.orderNo, "debit") == 0)
            #expect(bench.provider.submitted.withLock { $0.isEmpty })
            await #expect(throws: PlainRefusal.self) {
                try await bench.module.charging.charge(
                    bench.target, account: 53, payPassword: "wrong_pay1", requestID: nil)
            }
            #expect(
                try await bench.database.query("SELECT count(*) AS n FROM orders.phone_topups")[0].decode(
                    "n", as: Int64.self) == 1)
        }
    }

    @Test func aQuoteFarAboveTheFaceValueIsNotBelieved() async throws {
        try await Self.with { bench in
            try await bench.credit(58, 10_000)
            bench.provider.price.withLock { $0 = 2_201 }
            await #expect(throws: ProviderFailure.self) { try await bench.charge(58) }
            bench.provider.price.withLock { $0 = 2_200 }
            guard case .charging(let order) = try await bench.charge(58) else {
                Issue.record("a price at 110% was refused")
                return
            }
            #expect(order.sellPrice == 2_200)
            #expect(try await bench.balance(58) == .integer(7_800))
        }
    }

    @Test func aProviderThatRefusesForCertainGetsTheDebitBackAtOnce() async throws {
        try await Self.with { bench in
            try await bench.credit(54, 3_000)
            bench.provider.submission.withLock { $0 = .refuse }
            guard case .failed(let order) = try await bench.charge(54) else {
                Issue.record("a refused order did not fail")
                return
            }
            #expect(order.state == .refunded)
            #expect(try await bench.balance(54) == .integer(3_000))
            #expect(try await bench.ledger(order.orderNo, "credit") == 1)
        }
    }

    @Test func theSweepResubmitsWhatTheProviderNeverGot() async throws {
        try await Self.with { bench in
            try await bench.credit(55, 3_000)
            bench.provider.submission.withLock { $0 = .silent }
            guard case .charging(let order) = try await bench.charge(55) else {
                Issue.record("an unanswered submission was not left charging")
                return
            }
            #expect(order.state == .paid, "nobody knows yet whether the provider has it")
            bench.provider.submission.withLock { $0 = .accept }
            try await bench.module.sweeper.run()
            #expect(try await bench.module.orders.find(order.orderNo)?.state == .paid, "not stalled yet")
            try await bench.impatientSweeper.run()
            #expect(try await bench.module.orders.find(order.orderNo)?.state == .charging)
            #expect(bench.provider.submitted.withLock { $0 } == [order.orderNo])
            #expect(try await bench.balance(55) == .integer(1_004))
        }
    }

    @Test func anOrderLeftCreatedIsVoidedAndItsDebitGivenBack() async throws {
        try await Self.with { bench in
            try await bench.credit(56, 3_000)
            let orders = bench.module.orders
            let quote = ProviderQuote(cardID: "10674", purchasePrice: 1_996)
            let crashed = try await orders.create(
                PhoneTopUpDraft(accountID: 56, target: bench.target, quote: quote, sellPrice: 1_996))
            let debited = try await bench.mesh.internalCall(
                .user, "wallet.debit", crashed.debit.json, idempotencyKey: crashed.debitKey)
            #expect(debited.kind == .ok)
            #expect(try await bench.balance(56) == .integer(1_004))
            let neverDebited = try await orders.create(
                PhoneTopUpDraft(accountID: 56, target: bench.target, quote: quote, sellPrice: 1_996))
            let unaffordable = try await orders.create(
                PhoneTopUpDraft(accountID: 57, target: bench.target, quote: quote, sellPrice: 1_996))
            try await bench.impatientSweeper.run()
            #expect(try await orders.find(crashed.orderNo)?.state == .refunded)
            #expect(try await orders.find(neverDebited.orderNo)?.state == .refunded)
            #expect(try await orders.find(unaffordable.orderNo)?.state == .declined)
            #expect(try await bench.balance(56) == .integer(3_000))
            #expect(try await bench.ledger(crashed.orderNo, "debit") == 1)
            #expect(try await bench.ledger(crashed.orderNo, "credit") == 1)
            #expect(bench.provider.submitted.withLock { $0.isEmpty }, "a voided order is never topped up")
        }
    }
}
