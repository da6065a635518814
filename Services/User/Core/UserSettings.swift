import ServiceKit

/// The user service's settings, from the environment (`USER_` prefixed names win):
/// - `ADDRESS_LIMIT` (20): delivery addresses per user;
/// - `PASSENGER_LIMIT` (15): train passengers per user;
/// - `PAYMENT_METHODS_PER_TYPE` (10): payment methods of one type per user (the c2c list's maximum);
/// - `POINTS_PER_YUAN` (100): points that make one yuan of balance in the mobile points exchange.
struct UserSettings: Sendable {
    let addressLimit: Int
    let passengerLimit: Int
    let paymentMethodsPerType: Int
    let pointsPerYuan: Int64

    init(configuration: ServiceConfiguration) throws {
        let environment = configuration.environment
        addressLimit = try environment.int("ADDRESS_LIMIT", default: 20, range: 1...1000)
        passengerLimit = try environment.int("PASSENGER_LIMIT", default: 15, range: 1...1000)
        paymentMethodsPerType = try environment.int("PAYMENT_METHODS_PER_TYPE", default: 10, range: 1...1000)
        pointsPerYuan = Int64(try environment.int("POINTS_PER_YUAN", default: 100, range: 1...1_000_000))
    }
}
