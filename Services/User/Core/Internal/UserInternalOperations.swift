import Catalog
import JSON
import Mesh
import ServiceKit

/// The operations the other services call on `POST /internal/{name}`, one per contract: profiles,
/// passengers and addresses looked up for their owner, the wallet (credit, debit, freeze, unfreeze,
/// settle, get) and points (add, spend). Amounts are fen, as integers. Every movement needs an
/// `Idempotency-Key`: the same key again answers the first outcome without applying anything, the
/// same key with another request is refused (`invalid_state`).
struct UserInternalOperations: Sendable {
    let domain: UserDomain

    func register(on handlers: inout InternalHandlers) {
        let domain = self.domain
        handlers.on(ProfilesGet.self) { request, _, _ in
            .ok(InternalReplies.profile(try await domain.profiles.load(request.accountID)))
        }
        handlers.on(ContactsGet.self) { request, _, _ in
            guard let passenger = try await domain.passengers.find(request.contactID, of: request.accountID) else {
                return .failure(.notFound, "no passenger \(request.contactID) belongs to account \(request.accountID)")
            }
            return .ok(InternalReplies.passenger(passenger))
        }
        handlers.on(AddressesGet.self) { request, _, _ in
            let account = request.accountID
            let found =
                if let id = request.addressID {
                    try await domain.addresses.find(id, of: account)
                } else {
                    try await domain.addresses.defaultAddress(of: account)
                }
            guard let address = found else { return .failure(.notFound, "no such address for account \(account)") }
            return .ok(InternalReplies.address(address))
        }
        handlers.on(WalletGet.self) { request, _, _ in
            .ok(InternalReplies.balances(request.accountID, try await domain.wallets.balances(of: request.accountID)))
        }
        register(WalletCredit.self, .credit, on: &handlers)
        register(WalletDebit.self, .debit, on: &handlers)
        register(WalletFreeze.self, .freeze, on: &handlers)
        register(WalletUnfreeze.self, .unfreeze, on: &handlers)
        register(WalletSettle.self, .settle, on: &handlers)
        register(PointsAdd.self, .add, on: &handlers)
        register(PointsSpend.self, .spend, on: &handlers)
    }

    private func register<C: WalletMovementContract>(
        _ contract: C.Type, _ kind: WalletMovementKind, on handlers: inout InternalHandlers
    ) {
        let wallets = domain.wallets
        handlers.on(contract) { request, call, _ in
            let movement = WalletMovement(
                kind: kind, account: request.accountID, amount: request.amount, reference: request.reference,
                reason: request.reason, actor: "service")
            let outcome = try await wallets.apply(movement, key: try call.checkedIdempotencyKey())
            return InternalReplies.answer(outcome, account: request.accountID)
        }
    }

    private func register<C: PointsMovementContract>(
        _ contract: C.Type, _ kind: PointsMovement.Kind, on handlers: inout InternalHandlers
    ) {
        let points = domain.points
        handlers.on(contract) { request, call, _ in
            let movement = PointsMovement(
                kind: kind, account: request.accountID, points: request.points, reference: request.reference,
                reason: request.reason, actor: "service")
            let outcome = try await points.apply(movement, key: try call.checkedIdempotencyKey())
            return InternalReplies.answer(outcome, account: request.accountID)
        }
    }
}
