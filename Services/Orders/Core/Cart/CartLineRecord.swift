import Foundation
import Postgres

/// A cart line as stored: the member's quantity of one product.
struct CartLineRecord: Sendable, Equatable {
    static let columns = "id, account_id, goods_id, product_id, quantity, created_at"

    let id: Int64
    let accountID: Int64
    let goodsID: Int64
    let productID: Int64
    let quantity: Int64
    let createdAt: Date

    init(id: Int64, accountID: Int64, goodsID: Int64, productID: Int64, quantity: Int64, createdAt: Date) {
        self.id = id
        self.accountID = accountID
        self.goodsID = goodsID
        self.productID = productID
        self.quantity = quantity
        self.createdAt = createdAt
    }

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        accountID = try row.decode("account_id")
        goodsID = try row.decode("goods_id")
        productID = try row.decode("product_id")
        quantity = try row.decode("quantity")
        createdAt = try row.decode("created_at")
    }
}
