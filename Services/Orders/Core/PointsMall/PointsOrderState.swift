/// The life of a points-mall order (document 003's `order.list`; `order.submit` is the platform's
/// addition), decided without a database; the store persists what a decision says, on the order's
/// locked row.
///
/// ```
/// placing ──placed──▶ paid ──shipped──▶ shipped ──completed──▶ completed
///    │                  │                  │
///    │                  └──────closed──────┴──▶ closed (coins and stock given back)
///    └──abandoned──▶ undoing ──undone──▶ failed (whatever the placing took is given back)
/// ```
///
/// `placing`: the row is written before any stock or coin moves, so a crash leaves a trace; the request
/// that placed it finishes it (`placed`: stock reserved, coins spent, stock committed) or, when a step
/// fails or the row is found stale by the sweep, it is `abandoned` and what it took is given back, once,
/// under the same idempotency keys. The order is paid on creation, so a placed order awaits shipment.
/// The customer sees the document's four statuses only: 1 awaiting shipment, 2 shipped, 3 completed,
/// 4 closed.
enum PointsOrderState: String, Sendable, CaseIterable {
    case placing, undoing, failed, paid, shipped, completed, closed

    /// What happens to an order.
    enum Event: Sendable, Equatable {
        /// Stock reserved, coins spent and the stock committed: the order is paid.
        case placed
        /// The placing did not finish (a refusal, a failure, or a stale row found by the sweep).
        case abandoned
        /// What the placing took was given back.
        case undone
        /// The platform sent the goods.
        case shipped
        /// The goods arrived: the trade succeeded.
        case completed
        /// The platform closed the order.
        case closed
    }

    /// What a decision asks for besides the new state.
    enum Effect: Sendable, Equatable {
        /// Give back what the order took: its stock reservation released and its coins added back, each
        /// under its own key, so however often it runs it happens once.
        case giveBack
    }

    /// The new state and what else to do.
    struct Decision: Sendable, Equatable {
        let next: PointsOrderState
        let effects: [Effect]
    }

    /// An event this state does not allow; nothing changes.
    struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        let state: PointsOrderState
        let event: Event

        var description: String { "a \(state.rawValue) order cannot take \(event)" }
    }

    /// The decision for `event` in this state.
    func apply(_ event: Event) -> Result<Decision, Refusal> {
        switch (self, event) {
        case (.placing, .placed): .success(Decision(next: .paid, effects: []))
        case (.placing, .abandoned): .success(Decision(next: .undoing, effects: [.giveBack]))
        case (.undoing, .undone): .success(Decision(next: .failed, effects: []))
        case (.paid, .shipped): .success(Decision(next: .shipped, effects: []))
        case (.shipped, .completed): .success(Decision(next: .completed, effects: []))
        case (.paid, .closed), (.shipped, .closed): .success(Decision(next: .closed, effects: [.giveBack]))
        default: .failure(Refusal(state: self, event: event))
        }
    }

    /// The document's `order_status`: 1 awaiting shipment, 2 shipped, 3 completed, 4 closed; nil for the
    /// states of a placing that the customer never sees.
    var documentStatus: Int? {
        switch self {
        case .paid: 1
        case .shipped: 2
        case .completed: 3
        case .closed: 4
        case .placing, .undoing, .failed: nil
        }
    }

    /// The document's `order_status_label` (its example writes 待发货 for status 1).
    var label: String {
        switch self {
        case .paid: "待发货"
        case .shipped: "已发货"
        case .completed: "交易成功"
        case .closed: "已关闭"
        case .placing: "下单中"
        case .undoing, .failed: "下单失败"
        }
    }

    /// The state the document's `order_status` names; nil for any other number.
    init?(documentStatus: Int64) {
        guard let state = Self.allCases.first(where: { $0.documentStatus.map(Int64.init) == documentStatus }) else {
            return nil
        }
        self = state
    }

    /// The states shown to the customer, in the document's order.
    static let visible: [PointsOrderState] = [.paid, .shipped, .completed, .closed]

    /// Whether the order counts towards the goods' per-person limit: every order not closed and not
    /// failed (a placing one included, so two submissions at once cannot pass the limit together).
    var countsTowardsLimit: Bool { self == .placing || self == .paid || self == .shipped || self == .completed }
}
