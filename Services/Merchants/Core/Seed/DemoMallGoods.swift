/// The goods of the demo mobile mall (document 004: the cart's `proId` is a goods id, `proSkuId` one of
/// its products): single-spec items and items with one spec. Prices are fen; a product's price is the
/// item's plus the surcharge of the spec value it picks. `pictures` name `DemoMerchantImages`. Written
/// for this project: names, descriptions, prices and stock are invented.
enum DemoMallGoods {
    /// One mobile-mall item.
    struct Item: Sendable {
        let name: String
        let description: String
        let pictures: [String]
        let specs: [GoodsSpecs.Spec]
        let price: Int64
        let marketPrice: Int64
        let surcharges: [String: Int64]
        let stock: Int

        init(
            _ name: String, _ description: String, pictures: [String], specs: [GoodsSpecs.Spec] = [], price: Int64,
            marketPrice: Int64, surcharges: [String: Int64] = [:], stock: Int
        ) {
            self.name = name
            self.description = description
            self.pictures = pictures
            self.specs = specs
            self.price = price
            self.marketPrice = marketPrice
            self.surcharges = surcharges
            self.stock = stock
        }

        /// The price and market price (fen) of the product with spec key `key`.
        func prices(of key: String) -> (price: Int64, marketPrice: Int64) {
            let extra = (GoodsSpecs(specs).choices(of: key) ?? []).reduce(Int64(0)) { $0 + (surcharges[$1.value] ?? 0) }
            return (price + extra, marketPrice + extra)
        }
    }

    static let items = [
        Item(
            "五常稻花香大米 5kg", "当季新米，真空包装。", pictures: ["points-home", "points-home-alt"], price: 8990,
            marketPrice: 10990, stock: 300),
        Item(
            "不锈钢保温饭盒", "三层分格，保温 6 小时。", pictures: ["points-home-alt"],
            specs: [GoodsSpecs.Spec(name: "颜色", values: ["白色", "蓝色"])], price: 6900, marketPrice: 8900, stock: 150),
        Item(
            "便携蓝牙音箱", "防水设计，续航 10 小时。", pictures: ["points-digital", "points-digital-alt"],
            specs: [GoodsSpecs.Spec(name: "颜色", values: ["黑色", "红色"])], price: 15900, marketPrice: 19900,
            surcharges: ["红色": 1000], stock: 80),
        Item(
            "陶瓷马克杯", "350ml，可微波加热。", pictures: ["points-home"], price: 3500, marketPrice: 4500, stock: 200),
        Item(
            "桌面收纳盒", "抽屉式，可叠放。", pictures: ["points-home-alt", "points-home"],
            specs: [GoodsSpecs.Spec(name: "尺寸", values: ["小号", "大号"])], price: 2500, marketPrice: 3500,
            surcharges: ["大号": 1000], stock: 120),
        Item(
            "USB-C 充电器 20W", "支持快充，折叠插脚。", pictures: ["points-digital-alt"], price: 4900, marketPrice: 6900,
            stock: 250),
    ]
}
