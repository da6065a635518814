import JSON

/// `goods.snapshots` on merchants: several goods items, each with one named product, as `goods.snapshot`
/// answers them one at a time (a cart's lines in one call). A pair whose goods item is unknown, or whose
/// product is not one of that item's, is left out of the reply; the caller matches the snapshots to its
/// pairs by `goods_id` and `product.product_id`.
public enum GoodsSnapshots: MeshContract {
    public static let service = ServiceName.merchants
    public static let name = "goods.snapshots"
    /// The most pairs one call may ask for.
    public static let maximumItems = 200

    /// One goods item and one of its products.
    public struct Item: MeshMessage, Hashable {
        public let goodsID: Int64
        public let productID: Int64

        public init(goodsID: Int64, productID: Int64) {
            self.goodsID = goodsID
            self.productID = productID
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            goodsID = try fields.positiveInteger("goods_id")
            productID = try fields.positiveInteger("product_id")
        }

        public var json: JSONObject { ["goods_id": .id(goodsID), "product_id": .id(productID)] }
    }

    /// `{"items":[{"goods_id","product_id"}],"app_id"?}`, at most `maximumItems` items.
    public struct Request: MeshMessage {
        public let items: [Item]
        public let appID: String?

        public init(items: [Item], appID: String? = nil) {
            self.items = items
            self.appID = appID
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            let fields = MeshFields(json)
            items = try fields.messages("items", as: Item.self)
            guard items.count <= GoodsSnapshots.maximumItems else {
                throw .invalid("items", "a list of at most \(GoodsSnapshots.maximumItems) items")
            }
            appID = try fields.optionalText("app_id", maxLength: 64)
        }

        public var json: JSONObject {
            JSONObject(omittingNils: [
                "items": .array(items.map { .object($0.json) }), "app_id": appID.map(JSONValue.string),
            ])
        }
    }

    /// `{"snapshots":[…]}`: a `goods.snapshot` reply for every known pair, in the order asked.
    public struct Reply: MeshMessage {
        public let snapshots: [GoodsSnapshot.Reply]

        public init(snapshots: [GoodsSnapshot.Reply]) {
            self.snapshots = snapshots
        }

        public init(json: JSONObject) throws(MeshProtocolError) {
            snapshots = try MeshFields(json).messages("snapshots", as: GoodsSnapshot.Reply.self)
        }

        public var json: JSONObject { ["snapshots": .array(snapshots.map { .object($0.json) })] }
    }
}
