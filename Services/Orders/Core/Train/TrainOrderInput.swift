import Foundation
import JSON
import ServiceKit

/// Reads `createOrder`'s parameters: the passenger (a valid resident identity number and a name: 0023
/// otherwise), the stations, one to ten journeys (`ticketDetails`, an array or the text of one) on days
/// from today on, and the amount in yuan with at most two decimals within the fare rules.
struct TrainOrderInput: Sendable {
    /// The largest amount one order may carry: ten tickets of the dearest sleeper, 10,000 yuan.
    static let maximumFen: Int64 = 1_000_000
    static let maximumJourneys = 10

    let draft: TrainOrderDraft

    init(_ parameters: Parameters, account: Int64, today: String) throws {
        let identityText = try parameters.required("ticketIdentity", maxLength: 32)
        let name = try parameters.required("ticketName", maxLength: 64)
        let identity: ResidentIDNumber
        do {
            identity = try ResidentIDNumber(identityText.uppercased())
        } catch {
            throw PlainRefusal(.invalidParams, "身份证或者姓名有误，请检查", code: "0023")
        }
        guard name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "·" || $0 == " " }) else {
            throw PlainRefusal(.invalidParams, "身份证或者姓名有误，请检查", code: "0023")
        }
        let from = try parameters.required("fromSite", maxLength: 32)
        let to = try parameters.required("toSite", maxLength: 32)
        guard let amount = try parameters.fen("orderAmount", maximumFen: Self.maximumFen) else {
            throw InputProblem("orderAmount", .missing)
        }
        guard amount > 0 else { throw PlainRefusal.invalid("orderAmount 须大于 0") }
        _ = try parameters.required("termIp", maxLength: 64)
        let details = try Self.journeys(parameters.values["ticketDetails"], today: today)
        draft = TrainOrderDraft(
            accountID: account, ticketIdentity: identity.text, ticketName: name, fromSite: from, toSite: to,
            details: details, amount: amount)
    }

    private static func journeys(_ value: JSONValue?, today: String) throws -> [TrainTicketDetail] {
        var list = value
        if case .string(let text)? = value { list = try? JSONValue.parse(Array(text.utf8)) }
        guard case .array(let entries)? = list else {
            throw PlainRefusal.invalid("ticketDetails 须为车票信息数组")
        }
        guard (1...maximumJourneys).contains(entries.count) else {
            throw PlainRefusal.invalid("ticketDetails 须有 1 至 \(maximumJourneys) 条")
        }
        return try entries.map { entry in
            guard case .object(let fields) = entry else { throw PlainRefusal.invalid("ticketDetails 的每条须为对象") }
            let parameters = Parameters(fields)
            let seat = try parameters.required("seatType", maxLength: 64)
            let train = try parameters.required("trainNum", maxLength: 128)
            let day = try parameters.required("departureDate", maxLength: 10)
            guard DisplayTime.china.parse(day) != nil, day.count == 10 else {
                throw PlainRefusal.invalid("departureDate 须为 yyyy-MM-dd")
            }
            guard day >= today else { throw PlainRefusal.invalid("departureDate 不能早于今天") }
            return TrainTicketDetail(seatType: seat, departureDate: day, trainNum: train)
        }
    }
}
