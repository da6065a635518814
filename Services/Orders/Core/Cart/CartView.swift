import JSON
import ServiceKit

/// The cart as `member/shopcart/list` shows it (a platform addition: the document's section 6.1 renders
/// it as a page): every line, newest first, with its product now, and the totals of the lines on sale.
///
/// ```
/// {"list":[{"shopcartId":7,"proId":3,"proSkuId":11,"proName":"便携蓝牙音箱","pic":"http://…","spec":{"颜色":"红色"},
///           "sku":"DEMO-M03-2","price":169,"marketPrice":209,"num":2,"subtotal":338,"onSale":true,"stock":80}],
///  "totalNum":2,"totalPrice":338}
/// ```
///
/// Prices are yuan now (not when the line was saved). A line whose product was withdrawn, or is no
/// longer known, stays listed with `onSale` false (and, when unknown, an empty name, price 0 and stock 0)
/// so the member can remove it; it does not count in `totalNum` and `totalPrice`.
enum CartView {
    static func render(_ lines: [CartLineRecord], products: [Int64: CartProduct]) -> JSONValue {
        var list: [JSONValue] = []
        var totalNumber: Int64 = 0
        var totalFen: Int64 = 0
        for line in lines {
            let product = products[line.productID].flatMap { $0.goodsID == line.goodsID ? $0 : nil }
            let onSale = product?.onSale ?? false
            let fen = saturating((product?.price ?? 0).multipliedReportingOverflow(by: line.quantity))
            if onSale {
                totalNumber += line.quantity
                totalFen = saturating(totalFen.addingReportingOverflow(fen))
            }
            var spec = JSONObject()
            for choice in product?.spec ?? [] { spec[choice.name] = .string(choice.value) }
            list.append(
                .object([
                    "shopcartId": .integer(line.id), "proId": .integer(line.goodsID),
                    "proSkuId": .integer(line.productID),
                    "proName": .string(product?.name ?? ""), "pic": .string(product?.pic ?? ""), "spec": .object(spec),
                    "sku": .string(product?.sku ?? ""), "price": Yuan.shortNumber(fen: product?.price ?? 0),
                    "marketPrice": Yuan.shortNumber(fen: product?.marketPrice ?? 0), "num": .integer(line.quantity),
                    "subtotal": Yuan.shortNumber(fen: fen), "onSale": .bool(onSale),
                    "stock": .integer(product?.stock ?? 0),
                ]))
        }
        return .object([
            "list": .array(list), "totalNum": .integer(totalNumber), "totalPrice": Yuan.shortNumber(fen: totalFen),
        ])
    }

    /// The result of an operation that overflowed as `Int64.max` (prices in the database are far below
    /// what could overflow: a stored price of up to 10^10 fen times 10^4 pieces times 100 lines fits).
    private static func saturating(_ result: (partialValue: Int64, overflow: Bool)) -> Int64 {
        result.overflow ? Int64.max : result.partialValue
    }
}
