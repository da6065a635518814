import Mesh

/// Where an order stands in the shopping flow the member centre counts (`OrdersCounts`), decided from
/// each kind of order's own state without a database. An order that was never paid and can no longer
/// be has no stage.
enum OrderStage: Sendable, CaseIterable {
    case awaitingPayment, awaitingShipment, awaitingReceipt, completed, afterSale

    /// A balance recharge's stage: its trade open and not expired is awaiting payment; paid is
    /// completed, or after-sale once a refund of it is pending or made; closed or expired has none.
    init?(recharge state: TradeState, expired: Bool, refunded: Bool) {
        switch state {
        case .created where !expired: self = .awaitingPayment
        case .created, .closed: return nil
        case .paid: self = refunded ? .afterSale : .completed
        }
    }

    /// A phone top-up's stage: created (the wallet debit not seen yet) is awaiting payment; paid and
    /// charging are awaiting shipment (the credit is on its way); charged is completed; failed (the
    /// debit is owed back) and refunded are after-sale; declined (nothing was paid) has none.
    init?(phoneTopUp state: PhoneTopUpState) {
        switch state {
        case .created: self = .awaitingPayment
        case .paid, .charging: self = .awaitingShipment
        case .charged: self = .completed
        case .failed, .refunded: self = .afterSale
        case .declined: return nil
        }
    }
}

extension OrderStage {
    /// An O2O voucher order's stage: unpaid is awaiting payment; paid with codes still to use is awaiting
    /// receipt (the service is still to be had); completed (every code redeemed) is completed; refunded is
    /// after-sale; cancelled and closed have none.
    init?(o2o status: O2OOrderStatus) {
        switch status {
        case .unpaid: self = .awaitingPayment
        case .paid: self = .awaitingReceipt
        case .completed: self = .completed
        case .refunded: self = .afterSale
        case .cancelled, .closed: return nil
        }
    }

    /// A points-mall order's stage: paid on creation, it awaits shipment, then receipt once shipped, and is
    /// completed; closed orders (coins given back) count as after-sale; placings that never finished have none.
    init?(points state: PointsOrderState) {
        switch state {
        case .paid: self = .awaitingShipment
        case .shipped: self = .awaitingReceipt
        case .completed: self = .completed
        case .closed: self = .afterSale
        case .placing, .undoing, .failed: return nil
        }
    }
}

extension OrdersCounts.Reply {
    /// Adds `count` orders at `stage`.
    mutating func add(_ count: Int64, at stage: OrderStage) {
        switch stage {
        case .awaitingPayment: awaitingPayment += count
        case .awaitingShipment: awaitingShipment += count
        case .awaitingReceipt: awaitingReceipt += count
        case .completed: completed += count
        case .afterSale: afterSale += count
        }
    }
}
