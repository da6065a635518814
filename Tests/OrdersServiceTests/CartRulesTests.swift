import Foundation
import Testing

@testable import OrdersService

/// What the cart accepts, decided without a database.
struct CartRulesTests {
    static func product(stock: Int64 = 10, onSale: Bool = true) -> CartProduct {
        CartProduct(
            goodsID: 1, productID: 2, name: "马克杯", pic: "", spec: [], sku: "MUG", price: 3500, marketPrice: 4500,
            stock: stock, onSale: onSale)
    }

    @Test func aProductOnSaleIsAddedUpToItsStock() {
        #expect(CartRules.refusal(adding: 10, of: Self.product()) == nil)
        #expect(CartRules.refusal(adding: 4, inCart: 6, of: Self.product()) == nil)
        #expect(CartRules.refusal(adding: 5, inCart: 6, of: Self.product()) == .overStock(stock: 10, inCart: 6))
        #expect(CartRules.refusal(adding: 1, of: Self.product(stock: 0)) == .overStock(stock: 0, inCart: 0))
        #expect(CartRules.refusal(setting: 10, of: Self.product()) == nil)
        #expect(CartRules.refusal(setting: 11, of: Self.product()) == .overStock(stock: 10, inCart: 0))
    }

    @Test func unknownAndWithdrawnProductsAreRefusedFirst() {
        #expect(CartRules.refusal(adding: 1, of: nil) == .unknownProduct)
        #expect(CartRules.refusal(adding: 99, of: Self.product(onSale: false)) == .notOnSale)
        #expect(CartRules.refusal(setting: 1, of: nil) == .unknownProduct)
    }

    @Test func theBoundIsTheStockWithinTheLineMaximum() {
        #expect(CartRules.bound(of: Self.product(stock: 7)) == 7)
        #expect(CartRules.bound(of: Self.product(stock: 1_000_000)) == CartRules.maximumQuantity)
    }

    @Test func refusalsHaveTheirKindsAndWords() {
        #expect(CartRefusal.unknownProduct.kind == .notFound)
        #expect(CartRefusal.unknownLine.kind == .notFound)
        #expect(CartRefusal.notOnSale.kind == .invalidState)
        #expect(CartRefusal.overStock(stock: 3, inCart: 0).kind == .outOfStock)
        #expect(CartRefusal.cartFull(maximum: 100).message == "购物车已满：至多 100 种商品")
    }

    @Test func specKeysReadAsNamesAndValues() {
        let choices = CartProduct.choices(of: "颜色:::红色|||尺码:::L")
        #expect(choices == [SpecChoice(name: "颜色", value: "红色"), SpecChoice(name: "尺码", value: "L")])
        #expect(CartProduct.choices(of: "").isEmpty)
        #expect(CartProduct.choices(of: "broken").isEmpty)
    }

    @Test func theListTotalsOnlyTheLinesOnSale() {
        func line(_ id: Int64, goods: Int64 = 1, product: Int64, _ quantity: Int64) -> CartLineRecord {
            CartLineRecord(
                id: id, accountID: 9, goodsID: goods, productID: product, quantity: quantity, createdAt: Date())
        }
        let mug = Self.product()
        let withdrawn = CartProduct(
            goodsID: 1, productID: 3, name: "旧杯", pic: "", spec: [SpecChoice(name: "颜色", value: "红色")], sku: "OLD",
            price: 990, marketPrice: 990, stock: 5, onSale: false)
        let lines = [
            line(3, product: 2, 3), line(2, product: 3, 1), line(1, product: 4, 2), line(4, goods: 8, product: 2, 1),
        ]
        let rendered = CartView.render(lines, products: [2: mug, 3: withdrawn])
        let list = rendered["list"]?.arrayValue ?? []
        #expect(list.count == 4)
        #expect(list[0]["subtotal"]?.serialized() == "105")
        #expect(list[1]["onSale"] == false && list[1]["spec"] == ["颜色": "红色"])
        #expect(list[2]["onSale"] == false && list[2]["proName"] == "" && list[2]["stock"] == 0)
        #expect(list[3]["onSale"] == false, "a product that is not of the line's goods item")
        #expect(rendered["totalNum"] == 3)
        #expect(rendered["totalPrice"]?.serialized() == "105")
    }
}
