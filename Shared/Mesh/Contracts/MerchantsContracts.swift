import JSON

/// `goods.snapshot` on merchants: a goods item with one of its products at its current price, as an
/// order records it. `product_id` or `spec_key` names the product; a single-product item needs
/// neither. `app_id` is the calling mini-program's, for `is_oper_self`. Unknown goods, products or
/// spec keys answer `not_found`; a multi-product item without a product named answers
/// `invalid_params`.
public enum GoodsSnapshot: MeshContract {
    public static let service = ServiceName.merchants
    public static let name = "goods.snapshot"

    /// `{"goods_id","product_id"?,"spec_key"?,"app_id"?}`.
    public struct Request: MeshMessage {
        public let goodsID: Int64
        public let productID: Int64?
        public let specKey: String?
        public let appID: String?

        public init(goodsID: Int64, productID: Int64? = nil, specKey: String? = nil, appID: String? = nil) {
            self.goodsID = goodsID
            self.productID = productID
            self.specKey = specKey
            self.appID = appID
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            goodsID = try fields.positiveInteger("goods_id")
            productID = try fields.optionalPositiveInteger("product_id")
            specKey = try fields.optionalText("spec_key", maxLength: 500)
            appID = try fields.optionalText("app_id", maxLength: 64)
        }

        public var json: JSONObject {
            JSONObject(omittingNils: [
                "goods_id": .id(goodsID), "product_id": productID.map(JSONValue.id),
                "spec_key": specKey.map(JSONValue.string), "app_id": appID.map(JSONValue.string),
            ])
        }
    }

    /// The item and the product. Prices are fen, or gold coins in the `points` catalogue. `on_sale`
    /// is false for a withdrawn item, one outside its validity dates, or one whose merchant is not
    /// listed. Dates are `yyyy-MM-dd`, null when open-ended.
    public struct Reply: MeshMessage {
        public let goodsID: Int64
        public let catalogue: String
        public let name: String
        public let merchantID: Int64?
        public let merchantName: String?
        public let operID: Int64?
        /// The app id of the operations centre's mini-program, where the item is paid for.
        public let operAppID: String?
        public let isOperSelf: Bool
        public let onSale: Bool
        public let pic: String
        public let thumbURL: String
        public let limitCount: Int64
        public let startDate: String?
        public let endDate: String?
        public let product: ProductSnapshot

        public init(
            goodsID: Int64, catalogue: String, name: String, merchantID: Int64?, merchantName: String?,
            operID: Int64?, operAppID: String? = nil, isOperSelf: Bool, onSale: Bool, pic: String, thumbURL: String,
            limitCount: Int64,
            startDate: String?, endDate: String?, product: ProductSnapshot
        ) {
            self.goodsID = goodsID
            self.catalogue = catalogue
            self.name = name
            self.merchantID = merchantID
            self.merchantName = merchantName
            self.operID = operID
            self.operAppID = operAppID
            self.isOperSelf = isOperSelf
            self.onSale = onSale
            self.pic = pic
            self.thumbURL = thumbURL
            self.limitCount = limitCount
            self.startDate = startDate
            self.endDate = endDate
            self.product = product
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            goodsID = try fields.positiveInteger("goods_id")
            catalogue = try fields.string("catalogue")
            name = try fields.string("name")
            merchantID = try fields.optionalPositiveInteger("merchant_id")
            merchantName = try fields.optionalString("merchant_name")
            operID = try fields.optionalPositiveInteger("oper_id")
            operAppID = try fields.optionalString("oper_app_id")
            isOperSelf = try fields.bool("is_oper_self")
            onSale = try fields.bool("on_sale")
            pic = try fields.string("pic")
            thumbURL = try fields.string("thumb_url")
            limitCount = try fields.integer("limit_count")
            startDate = try fields.optionalString("start_date")
            endDate = try fields.optionalString("end_date")
            product = try ProductSnapshot(json: fields.object("product"))
        }

        public var json: JSONObject {
            [
                "goods_id": .id(goodsID), "catalogue": .string(catalogue), "name": .string(name),
                "merchant_id": merchantID.map(JSONValue.id) ?? .null, "merchant_name": .optional(merchantName),
                "oper_id": operID.map(JSONValue.id) ?? .null, "oper_app_id": .optional(operAppID),
                "is_oper_self": .bool(isOperSelf),
                "on_sale": .bool(onSale), "pic": .string(pic), "thumb_url": .string(thumbURL),
                "limit_count": .integer(limitCount), "start_date": .optional(startDate),
                "end_date": .optional(endDate), "product": .object(product.json),
            ]
        }
    }

    /// `{"product_id","spec_key","sku","market_price","price","stock"}`; `spec_key` is "" for the
    /// single product of a single-spec item.
    public struct ProductSnapshot: MeshMessage, Equatable {
        public let productID: Int64
        public let specKey: String
        public let sku: String
        public let marketPrice: Int64
        public let price: Int64
        public let stock: Int64

        public init(productID: Int64, specKey: String, sku: String, marketPrice: Int64, price: Int64, stock: Int64) {
            self.productID = productID
            self.specKey = specKey
            self.sku = sku
            self.marketPrice = marketPrice
            self.price = price
            self.stock = stock
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            productID = try fields.positiveInteger("product_id")
            specKey = try fields.optionalString("spec_key") ?? ""
            sku = try fields.string("sku")
            marketPrice = try fields.integer("market_price")
            price = try fields.integer("price")
            stock = try fields.integer("stock")
        }

        public var json: JSONObject {
            [
                "product_id": .id(productID), "spec_key": .string(specKey), "sku": .string(sku),
                "market_price": .integer(marketPrice), "price": .integer(price), "stock": .integer(stock),
            ]
        }
    }
}

/// A reservation of stock for an order, as every stock movement answers it: `state` is `reserved`,
/// `committed` (sold), `released` (given back unsold) or `refunded` (given back after the sale);
/// `stock` is the product's stock after the movement.
public struct StockReservation: MeshMessage, Equatable {
    public let reservationID: Int64
    public let productID: Int64
    public let goodsID: Int64
    public let quantity: Int64
    public let orderRef: String
    public let state: String
    public let stock: Int64

    public init(
        reservationID: Int64, productID: Int64, goodsID: Int64, quantity: Int64, orderRef: String, state: String,
        stock: Int64
    ) {
        self.reservationID = reservationID
        self.productID = productID
        self.goodsID = goodsID
        self.quantity = quantity
        self.orderRef = orderRef
        self.state = state
        self.stock = stock
    }

    public init(json: JSONObject) throws(MeshProtocolError) {
        let fields = MeshFields(json)
        reservationID = try fields.positiveInteger("reservation_id")
        productID = try fields.positiveInteger("product_id")
        goodsID = try fields.positiveInteger("goods_id")
        quantity = try fields.positiveInteger("quantity")
        orderRef = try fields.string("order_ref")
        state = try fields.string("state")
        stock = try fields.integer("stock")
    }

    public var json: JSONObject {
        [
            "reservation_id": .id(reservationID), "product_id": .id(productID), "goods_id": .id(goodsID),
            "quantity": .integer(quantity), "order_ref": .string(orderRef), "state": .string(state),
            "stock": .integer(stock),
        ]
    }
}

/// `stock.reserve` on merchants (mutating): takes `quantity` of a product's stock for the order
/// `order_ref`. Refused with `out_of_stock` when the stock is short, `invalid_state` when the item is
/// not on sale, `not_found` for an unknown product; a refusal uses up nothing, not even the key.
public enum StockReserve: MeshContract {
    public typealias Reply = StockReservation
    public static let service = ServiceName.merchants
    public static let name = "stock.reserve"
    public static let isMutating = true
    /// The most one reservation may take.
    public static let maximumQuantity: Int64 = 10_000

    /// `{"product_id","quantity","order_ref"}`.
    public struct Request: MeshMessage {
        public let productID: Int64
        public let quantity: Int64
        public let orderRef: String

        public init(productID: Int64, quantity: Int64, orderRef: String) {
            self.productID = productID
            self.quantity = quantity
            self.orderRef = orderRef
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            productID = try fields.positiveInteger("product_id")
            quantity = try fields.positiveInteger("quantity", maximum: StockReserve.maximumQuantity)
            guard let orderRef = try fields.optionalText("order_ref", maxLength: 64) else {
                throw .missing("order_ref")
            }
            self.orderRef = orderRef
        }

        public var json: JSONObject {
            ["product_id": .id(productID), "quantity": .integer(quantity), "order_ref": .string(orderRef)]
        }
    }
}

/// The request of the movements of an existing reservation: `{"reservation_id","reason"?,"quantity"?}`.
/// `quantity` (a release only) gives back that many of a sold reservation's units rather than all of them.
public struct ReservationMovementRequest: MeshMessage {
    public let reservationID: Int64
    public let reason: String?
    public let quantity: Int64?

    public init(reservationID: Int64, reason: String? = nil, quantity: Int64? = nil) {
        self.reservationID = reservationID
        self.reason = reason
        self.quantity = quantity
    }

    public init(json: JSONObject) throws(MeshProtocolError) {
        let fields = MeshFields(json)
        reservationID = try fields.positiveInteger("reservation_id")
        reason = try fields.optionalText("reason", maxLength: 200)
        quantity = try fields.optionalPositiveInteger("quantity", maximum: StockReserve.maximumQuantity)
    }

    public var json: JSONObject {
        JSONObject(omittingNils: [
            "reservation_id": .id(reservationID), "reason": reason.map(JSONValue.string),
            "quantity": quantity.map(JSONValue.integer),
        ])
    }
}

/// `stock.commit` on merchants (mutating): the order was paid, the reserved stock is sold and counts
/// in the goods' sales. Committing a committed reservation answers it unchanged; a released one is
/// refused with `invalid_state`.
public enum StockCommit: MeshContract {
    public typealias Request = ReservationMovementRequest
    public typealias Reply = StockReservation
    public static let service = ServiceName.merchants
    public static let name = "stock.commit"
    public static let isMutating = true
}

/// `stock.release` on merchants (mutating): gives the stock back (a cancelled or timed-out order
/// before the sale, a refund after it). Releasing a released or refunded reservation answers it
/// unchanged, so the stock comes back once. With `quantity`, that many units of a sold reservation come
/// back (a partial refund; `invalid_state` for an unsold one or more units than are still sold), once per
/// idempotency key.
public enum StockRelease: MeshContract {
    public typealias Request = ReservationMovementRequest
    public typealias Reply = StockReservation
    public static let service = ServiceName.merchants
    public static let name = "stock.release"
    public static let isMutating = true
}

/// `merchants.centre` on merchants: the operations centre of a merchant, and whether the calling
/// mini-program (`app_id`) is that centre's own.
public enum MerchantCentre: MeshContract {
    public static let service = ServiceName.merchants
    public static let name = "merchants.centre"

    /// `{"merchant_id","app_id"?}`.
    public struct Request: MeshMessage {
        public let merchantID: Int64
        public let appID: String?

        public init(merchantID: Int64, appID: String? = nil) {
            self.merchantID = merchantID
            self.appID = appID
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            merchantID = try fields.positiveInteger("merchant_id")
            appID = try fields.optionalText("app_id", maxLength: 64)
        }

        public var json: JSONObject {
            JSONObject(omittingNils: ["merchant_id": .id(merchantID), "app_id": appID.map(JSONValue.string)])
        }
    }

    /// `{"merchant_id","oper_id","name","app_id","is_own"}`.
    public struct Reply: MeshMessage {
        public let merchantID: Int64
        public let operID: Int64
        public let name: String
        public let appID: String
        public let isOwn: Bool

        public init(merchantID: Int64, operID: Int64, name: String, appID: String, isOwn: Bool) {
            self.merchantID = merchantID
            self.operID = operID
            self.name = name
            self.appID = appID
            self.isOwn = isOwn
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            merchantID = try fields.positiveInteger("merchant_id")
            operID = try fields.positiveInteger("oper_id")
            name = try fields.string("name")
            appID = try fields.string("app_id")
            isOwn = try fields.bool("is_own")
        }

        public var json: JSONObject {
            [
                "merchant_id": .id(merchantID), "oper_id": .id(operID), "name": .string(name),
                "app_id": .string(appID), "is_own": .bool(isOwn),
            ]
        }
    }
}

/// `merchants.staff` on merchants: the merchants an account works for (its staff links), empty when none.
public enum MerchantStaff: MeshContract {
    public typealias Request = AccountRequest
    public static let service = ServiceName.merchants
    public static let name = "merchants.staff"

    /// `{"merchant_ids":[…]}`.
    public struct Reply: MeshMessage {
        public let merchantIDs: [Int64]

        public init(merchantIDs: [Int64]) {
            self.merchantIDs = merchantIDs
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            guard case .array(let values)? = json["merchant_ids"] else { throw .missing("merchant_ids") }
            var ids: [Int64] = []
            for value in values {
                guard let id = value.int64Value ?? value.stringValue.flatMap({ Int64($0) }), id > 0 else {
                    throw .invalid("merchant_ids", "an array of positive ids")
                }
                ids.append(id)
            }
            merchantIDs = ids
        }

        public var json: JSONObject { ["merchant_ids": .array(merchantIDs.map(JSONValue.id))] }
    }
}
