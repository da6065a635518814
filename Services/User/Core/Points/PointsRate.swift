/// How points turn into balance: `pointsPerYuan` points make one yuan (100: one point is one fen).
struct PointsRate: Sendable, Equatable {
    let pointsPerYuan: Int64

    /// The fen `points` are worth, when they make a whole number of fen.
    func fen(for points: Int64) -> Int64? {
        let (product, overflow) = points.multipliedReportingOverflow(by: 100)
        guard !overflow, product % pointsPerYuan == 0 else { return nil }
        return product / pointsPerYuan
    }
}
