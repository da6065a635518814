/// The vouchers of the demo merchants, by child category: every merchant sells each voucher of its
/// category (one product, no specs), valid for a year from the seeding day. Prices are fen.
enum DemoVouchers {
    /// One voucher: its own rule goes after the common notes in `buy_info`; `hours` narrows the
    /// merchant's business hours (nil: the merchant's); `limit` is per buyer (0: none).
    struct Template: Sendable {
        let name: String
        let description: String
        let rule: String
        let price: Int64
        let marketPrice: Int64
        let limit: Int
        let hours: (opens: String, closes: String)?

        init(
            _ name: String, _ description: String, rule: String, price: Int64, marketPrice: Int64, limit: Int = 0,
            hours: (opens: String, closes: String)? = nil
        ) {
            self.name = name
            self.description = description
            self.rule = rule
            self.price = price
            self.marketPrice = marketPrice
            self.limit = limit
            self.hours = hours
        }
    }

    static let commonNotes =
        "有效期内可用，周末及法定节假日通用；不与店内其他优惠同享，不找零、不兑现；"
        + "未使用可随时退款，过期自动退款。"

    /// `buy_info` of `template`.
    static func buyInfo(_ template: Template) -> String {
        commonNotes + "\n" + template.rule
    }

    static let byCategory: [String: [Template]] = [
        "火锅": [
            Template(
                "双人火锅套餐", "锅底一份、招牌肉品两份、时蔬拼盘与小料。",
                rule: "每桌限用 1 张，仅限堂食。", price: 15800, marketPrice: 21800),
            Template(
                "100 元代金券", "全场通用，可叠加使用。",
                rule: "每桌最多使用 3 张，酒水除外。", price: 8800, marketPrice: 10000, limit: 6),
            Template(
                "四人欢聚套餐", "锅底两份、肉品六份、海鲜拼盘与饮料。",
                rule: "建议 3 至 5 人使用，仅限堂食。", price: 29800, marketPrice: 39800),
        ],
        "中餐": [
            Template(
                "招牌双人餐", "招牌菜两道、时令小炒一道、主食两份。",
                rule: "每桌限用 1 张，仅限堂食。", price: 12800, marketPrice: 16800),
            Template(
                "50 元代金券", "全场通用，可叠加使用。",
                rule: "每桌最多使用 4 张，酒水除外。", price: 4500, marketPrice: 5000, limit: 8),
            Template(
                "四人家宴套餐", "冷菜两道、热菜六道、汤一道、主食四份。",
                rule: "建议 4 人使用，包间需提前预约。", price: 36800, marketPrice: 46800),
        ],
        "西餐": [
            Template(
                "双人牛排套餐", "牛排两份、沙拉、汤与甜品。",
                rule: "每桌限用 1 张，牛排熟度可选。", price: 26800, marketPrice: 35800),
            Template(
                "双人下午茶", "三层点心架与两杯咖啡或茶。",
                rule: "仅限 14:00 至 17:00 使用。", price: 9800, marketPrice: 13800, hours: ("14:00:00", "17:00:00")),
        ],
        "小吃快餐": [
            Template(
                "招牌单人餐", "招牌小吃一份与饮品一杯。",
                rule: "仅限堂食，打包另收餐盒费。", price: 2900, marketPrice: 3800),
            Template(
                "20 元代金券", "全场通用，可叠加使用。",
                rule: "每单最多使用 2 张。", price: 1800, marketPrice: 2000, limit: 10),
        ],
        "KTV": [
            Template(
                "小包欢唱 3 小时", "小包房欢唱 3 小时，含果盘一份。",
                rule: "适合 2 至 4 人，仅限 12:00 至 18:00 开唱。", price: 9900, marketPrice: 19800,
                hours: ("12:00:00", "18:00:00")),
            Template(
                "中包欢唱 3 小时", "中包房欢唱 3 小时，含果盘与小食。",
                rule: "适合 5 至 8 人，周末需提前预约。", price: 16800, marketPrice: 29800),
        ],
        "电影": [
            Template(
                "2D 电影票", "2D 影片单人票一张。",
                rule: "兑换时可选场次与座位，特殊场次除外。", price: 3990, marketPrice: 6000, limit: 4),
            Template(
                "双人观影套餐", "2D 影片两张与中份爆米花、饮料两杯。",
                rule: "一次兑换两张，特殊场次除外。", price: 8800, marketPrice: 13000),
        ],
        "密室桌游": [
            Template(
                "主题体验单人票", "任选一个主题体验一次。",
                rule: "需提前一天预约场次。", price: 9800, marketPrice: 12800),
            Template(
                "桌游畅玩通票", "当日桌游不限时畅玩，含饮品一杯。",
                rule: "当日离店后不可再次入场。", price: 3900, marketPrice: 5000),
        ],
        "美发": [
            Template(
                "洗剪吹", "资深发型师洗剪吹一次。",
                rule: "需提前预约，指定总监另补差价。", price: 4900, marketPrice: 8800),
            Template(
                "烫染护理套餐", "烫或染任选一项，含护理一次。",
                rule: "需提前预约，长发另补差价。", price: 29800, marketPrice: 59800),
        ],
        "美甲美睫": [
            Template(
                "纯色美甲", "手部纯色美甲一次，含基础护理。",
                rule: "需提前预约，卸甲另计。", price: 5900, marketPrice: 9800),
            Template(
                "自然款美睫", "自然款睫毛嫁接一次。",
                rule: "需提前预约，一周内可免费补睫一次。", price: 9900, marketPrice: 16800),
        ],
        "美容SPA": [
            Template(
                "精油舒缓 SPA 60 分钟", "全身精油舒缓 60 分钟。",
                rule: "需提前预约，孕期不宜。", price: 19800, marketPrice: 32800),
            Template(
                "面部深层清洁", "面部清洁、补水与按摩。",
                rule: "需提前预约。", price: 12800, marketPrice: 19800),
        ],
        "经济酒店": [
            Template(
                "大床房一晚", "标准大床房入住一晚。",
                rule: "需提前一天预约，入住 14:00 后、退房 12:00 前。", price: 19900, marketPrice: 26800),
            Template(
                "双床房一晚", "标准双床房入住一晚。",
                rule: "需提前一天预约，入住 14:00 后、退房 12:00 前。", price: 21900, marketPrice: 28800),
        ],
        "精品酒店": [
            Template(
                "高级大床房一晚含双早", "高级大床房入住一晚，含双人早餐。",
                rule: "需提前一天预约，节假日需补差价。", price: 59900, marketPrice: 79900),
            Template(
                "景观套房一晚", "景观套房入住一晚，含双人早餐与下午茶。",
                rule: "需提前三天预约，节假日需补差价。", price: 99900, marketPrice: 139900),
        ],
        "洗衣": [
            Template(
                "任洗 3 件", "衬衫、外套、裤装任选 3 件干洗或水洗。",
                rule: "皮草、婚纱等特殊衣物除外。", price: 3900, marketPrice: 6000),
            Template(
                "羽绒服精洗", "羽绒服精洗一件，含除螨。",
                rule: "长款及以上另补差价。", price: 4900, marketPrice: 8000),
        ],
        "宠物": [
            Template(
                "小型犬洗护", "10 公斤以内犬只洗澡、吹干与修剪指甲。",
                rule: "需提前预约，需携带疫苗本。", price: 6800, marketPrice: 9800),
            Template(
                "猫咪洗护", "猫咪洗澡、吹干与耳道清洁。",
                rule: "需提前预约，需携带疫苗本。", price: 7800, marketPrice: 11800),
        ],
        "摄影写真": [
            Template(
                "个人形象照", "化妆造型一套，精修照片 6 张。",
                rule: "需提前三天预约拍摄时间。", price: 19900, marketPrice: 39900),
            Template(
                "情侣写真套餐", "服装两套、外景一处，精修照片 20 张。",
                rule: "需提前一周预约，外景交通自理。", price: 59900, marketPrice: 99900),
        ],
    ]
}
