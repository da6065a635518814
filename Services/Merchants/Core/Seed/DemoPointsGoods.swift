/// The goods of the demo points mall (the app base API's `goods.list` and `goods.detail`): single-spec
/// items and items with one or two specs. Prices are whole gold coins; a product's price is the
/// item's plus the surcharge of each spec value it picks. `category` names one of the content
/// service's demo goods categories (`数码产品`, `生活家居`); `pictures` name `DemoMerchantImages`.
enum DemoPointsGoods {
    /// One points-mall item.
    struct Item: Sendable {
        let name: String
        let category: String
        let description: String
        let pictures: [String]
        let specs: [GoodsSpecs.Spec]
        let price: Int64
        let marketPrice: Int64
        let surcharges: [String: Int64]
        let stock: Int
        let limit: Int

        init(
            _ name: String, category: String, _ description: String, pictures: [String],
            specs: [GoodsSpecs.Spec] = [], price: Int64, marketPrice: Int64, surcharges: [String: Int64] = [:],
            stock: Int, limit: Int
        ) {
            self.name = name
            self.category = category
            self.description = description
            self.pictures = pictures
            self.specs = specs
            self.price = price
            self.marketPrice = marketPrice
            self.surcharges = surcharges
            self.stock = stock
            self.limit = limit
        }

        /// The price and market price of the product with spec key `key` (one of `GoodsSpecs.allKeys`).
        func prices(of key: String) -> (price: Int64, marketPrice: Int64) {
            let extra = (GoodsSpecs(specs).choices(of: key) ?? []).reduce(Int64(0)) { $0 + (surcharges[$1.value] ?? 0) }
            return (price + extra, marketPrice + extra)
        }
    }

    static let digital = "数码产品"
    static let home = "生活家居"

    static let items = [
        Item(
            "无线蓝牙耳机", category: digital, "入耳式设计，单次续航 6 小时，配充电仓。",
            pictures: ["points-digital", "points-digital-alt"],
            specs: [GoodsSpecs.Spec(name: "颜色", values: ["白色", "黑色"])], price: 2990, marketPrice: 3990,
            stock: 200, limit: 2),
        Item(
            "纯棉圆领T恤", category: home, "精梳棉面料，透气亲肤，男女同款。", pictures: ["points-home", "points-home-alt"],
            specs: [
                GoodsSpecs.Spec(name: "颜色", values: ["红色", "黑色"]),
                GoodsSpecs.Spec(name: "尺码", values: ["M", "L", "XL"]),
            ], price: 690, marketPrice: 890, surcharges: ["XL": 50], stock: 120, limit: 5),
        Item(
            "20000mAh 移动电源", category: digital, "双口快充，可随身携带登机。", pictures: ["points-digital"],
            price: 1290, marketPrice: 1690, stock: 300, limit: 3),
        Item(
            "不锈钢保温杯 500ml", category: home, "双层真空，保温 12 小时。", pictures: ["points-home-alt", "points-home"],
            specs: [GoodsSpecs.Spec(name: "颜色", values: ["红色", "黑色"])], price: 490, marketPrice: 690,
            stock: 260, limit: 3),
        Item(
            "智能运动手环", category: digital, "心率与睡眠监测，50 米防水。", pictures: ["points-digital-alt", "points-digital"],
            specs: [GoodsSpecs.Spec(name: "颜色", values: ["黑色", "粉色", "蓝色"])], price: 1590, marketPrice: 1990,
            stock: 150, limit: 2),
        Item(
            "全棉四件套", category: home, "全棉斜纹，含被套、床单与枕套两只。", pictures: ["points-home"],
            specs: [GoodsSpecs.Spec(name: "尺寸", values: ["1.5米床", "1.8米床"])], price: 2990, marketPrice: 3990,
            surcharges: ["1.8米床": 500], stock: 80, limit: 2),
        Item(
            "机械键盘", category: digital, "87 键紧凑布局，白色背光。", pictures: ["points-digital", "points-digital-alt"],
            specs: [GoodsSpecs.Spec(name: "轴体", values: ["青轴", "红轴", "茶轴"])], price: 3990, marketPrice: 4990,
            surcharges: ["茶轴": 200], stock: 60, limit: 1),
        Item(
            "香薰蜡烛礼盒", category: home, "大豆蜡三只装，雪松、白茶与柑橘香。", pictures: ["points-home-alt"],
            price: 390, marketPrice: 520, stock: 180, limit: 3),
        Item(
            "三合一快充数据线", category: digital, "苹果、安卓与 Type-C 三头，长 1.2 米。", pictures: ["points-digital-alt"],
            price: 290, marketPrice: 390, stock: 500, limit: 5),
        Item(
            "折叠晴雨伞", category: home, "三折自动开合，防晒涂层。", pictures: ["points-home", "points-home-alt"],
            specs: [GoodsSpecs.Spec(name: "颜色", values: ["藏青", "米白"])], price: 350, marketPrice: 450, stock: 220,
            limit: 3),
        Item(
            "纯棉毛巾三条装", category: home, "长绒棉，柔软吸水。", pictures: ["points-home-alt"], price: 260,
            marketPrice: 350, stock: 400, limit: 5),
    ]
}
