import Mesh
import Postgres
import ServiceKit

/// Turns points into balance at a configured rate, in one statement that lowers the points, raises
/// the balance and writes a row in each ledger.
struct PointsExchange: Sendable {
    let database: PostgresPool
    let profiles: Profiles
    let rate: PointsRate

    /// Why an exchange was refused.
    enum Refusal: ServiceKit.Refusal, Equatable {
        /// The points do not make a whole number of fen at the rate.
        case notWholeFen(pointsPerYuan: Int64)
        case insufficientPoints

        var message: String {
            switch self {
            case .notWholeFen(let rate): "兑换积分须能换成整分金额（\(rate) 积分兑换 1 元）"
            case .insufficientPoints: "积分不足"
            }
        }

        var kind: ReplyKind { self == .insufficientPoints ? .invalidState : .invalidParams }
    }

    /// Exchanges `points` of `account`; answers the fen credited.
    func exchange(_ points: Int64, for account: Int64) async throws -> Int64 {
        guard let fen = rate.fen(for: points), fen > 0 else {
            throw Refusal.notWholeFen(pointsPerYuan: rate.pointsPerYuan)
        }
        try await profiles.ensure(account)
        let rows = try await database.query(
            """
            WITH moved AS (
                UPDATE users.wallets SET points = points - \(points), balance = balance + \(fen), updated_at = now()
                 WHERE account_id = \(account) AND points >= \(points)
                RETURNING account_id, points, balance, frozen
            ), spent AS (
                INSERT INTO users.points_ledger (account_id, kind, change, points_after, reason, actor)
                SELECT account_id, 'exchange', -\(points), points, '积分兑换余额', 'user' FROM moved
                RETURNING id
            ), credited AS (
                INSERT INTO users.wallet_ledger (account_id, kind, balance_change, frozen_change, balance_after,
                    frozen_after, reason, actor)
                SELECT account_id, 'points_exchange', \(fen), 0, balance, frozen, '积分兑换余额', 'user' FROM moved
                RETURNING id
            )
            SELECT (SELECT count(*) FROM spent) AS spent, (SELECT count(*) FROM credited) AS credited
            """)
        guard try rows.first?.decode("credited", as: Int.self) == 1 else { throw Refusal.insufficientPoints }
        return fen
    }
}
