import Catalog
import JSON
import Mesh
import ServiceKit

/// The operations the other services call on `POST /internal/{name}`: profiles, passengers and
/// addresses looked up for their owner, the wallet (credit, debit, freeze, unfreeze, settle, get)
/// and points (add, spend). Amounts are fen, as integers. Every mutating operation needs an
/// `Idempotency-Key`: the same key again answers the first outcome without applying anything, the
/// same key with other parameters is refused (`invalid_params`).
struct UserInternalOperations: Sendable {
    let domain: UserDomain

    func register(on handlers: inout InternalHandlers) {
        let domain = self.domain
        handlers.on(
            "profiles.get",
            { call, _ in
                let account = try Parameters(call.parameters).accountID()
                return .ok(InternalReplies.profile(try await domain.profiles.load(account)))
            })
        handlers.on(
            "contacts.get",
            { call, _ in
                let parameters = Parameters(call.parameters)
                let account = try parameters.accountID()
                let id = try parameters.requiredPositiveInteger("contact_id", maximum: Int64.max)
                guard let passenger = try await domain.passengers.find(id, of: account) else {
                    return .failure(.notFound, "no passenger \(id) belongs to account \(account)")
                }
                return .ok(InternalReplies.passenger(passenger))
            })
        handlers.on(
            "addresses.get",
            { call, _ in
                let parameters = Parameters(call.parameters)
                let account = try parameters.accountID()
                let found =
                    if let id = try parameters.positiveInteger("address_id", maximum: Int64.max) {
                        try await domain.addresses.find(id, of: account)
                    } else {
                        try await domain.addresses.defaultAddress(of: account)
                    }
                guard let address = found else { return .failure(.notFound, "no such address for account \(account)") }
                return .ok(InternalReplies.address(address))
            })
        handlers.on(
            "wallet.get",
            { call, _ in
                let account = try Parameters(call.parameters).accountID()
                return .ok(InternalReplies.balances(account, try await domain.wallets.balances(of: account)))
            })
        for kind in [WalletMovementKind.credit, .debit, .freeze, .unfreeze, .settle] {
            handlers.on(
                kind.operation,
                { call, _ in
                    let key = try IdempotencyKey.required(call.idempotencyKey)
                    let parameters = Parameters(call.parameters)
                    let account = try parameters.accountID()
                    let amount = try parameters.requiredPositiveInteger("amount", maximum: WalletMovement.maximumAmount)
                    let notes = try parameters.movementNotes()
                    let movement = WalletMovement(
                        kind: kind, account: account, amount: amount, reference: notes.reference, reason: notes.reason,
                        actor: "service")
                    return InternalReplies.outcome(try await domain.wallets.apply(movement, key: key), account: account)
                })
        }
        for kind in [PointsMovement.Kind.add, .spend] {
            handlers.on(
                kind.operation,
                { call, _ in
                    let key = try IdempotencyKey.required(call.idempotencyKey)
                    let parameters = Parameters(call.parameters)
                    let account = try parameters.accountID()
                    let points = try parameters.requiredPositiveInteger("points", maximum: PointsMovement.maximumPoints)
                    let notes = try parameters.movementNotes()
                    let movement = PointsMovement(
                        kind: kind, account: account, points: points, reference: notes.reference, reason: notes.reason,
                        actor: "service")
                    return InternalReplies.outcome(try await domain.points.apply(movement, key: key), account: account)
                })
        }
    }
}
