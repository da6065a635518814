import JSON
import Mesh
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

    /// A page of orders as `getOrderList` writes it: `{total, pages, datas, pageNum}`.
    static func page(total: Int64, page: Int, size: Int, _ found: [TrainOrderRecord]) -> CanonicalReply {
        .ok([
            "total": .integer(total), "pages": .integer((total + Int64(size) - 1) / Int64(size)),
            "datas": .array(found.map { .object(order($0)) }), "pageNum": .integer(Int64(page)),
        ])
    }
}
