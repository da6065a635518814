import JSON
import Mesh

/// An admin's stock adjustment as it was applied: the product, the change and the stock after it; kept
/// with the adjustment's idempotency key so a repeated submission answers the same.
struct StockAdjustment: MeshMessage, Equatable {
    let productID: Int64
    let change: Int64
    let stock: Int64

    init(productID: Int64, change: Int64, stock: Int64) {
        self.productID = productID
        self.change = change
        self.stock = stock
    }

    init(json: JSONObject) throws(MeshProtocolError) {
        let fields = MeshFields(json)
        productID = try fields.positiveInteger("product_id")
        change = try fields.integer("change")
        stock = try fields.integer("stock")
    }

    var json: JSONObject { ["product_id": .integer(productID), "change": .integer(change), "stock": .integer(stock)] }
}
