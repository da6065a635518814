import JSON
import ServiceKit

/// A train order as the document writes it in `getOrderList` and `getOrderDetails`: amounts in yuan,
/// times `yyyy-MM-dd HH:mm:ss` in China's zone, the journeys under `ticketDetails`.
enum TrainOrderJSON {
    static func order(_ order: TrainOrderRecord) -> JSONObject {
        [
            "id": .id(order.id), "orderNo": .string(order.orderNo), "userId": .id(order.accountID),
            "ticketIdentity": .string(order.ticketIdentity), "identityType": .string(order.identityType),
            "linkmanType": .string(order.linkmanType), "ticketName": .string(order.ticketName),
            "fromSite": .string(order.fromSite), "toSite": .string(order.toSite),
            "createDate": .string(DisplayTime.china.format(order.createdAt)),
            "orderStatus": .string(order.state.rawValue),
            "modifyDate": .string(DisplayTime.china.format(order.modifiedAt)),
            "orderAmount": Yuan.number(fen: order.amount),
            "ticketDetails": .array(
                order.details.map {
                    [
                        "orderNo": .string(order.orderNo), "seatType": .string($0.seatType),
                        "departureDate": .string($0.departureDate), "trainNum": .string($0.trainNum),
                    ]
                }),
        ]
    }
}
