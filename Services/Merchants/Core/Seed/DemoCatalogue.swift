/// The operations centres and the merchant category tree of the demo data. The first centre runs the
/// development O2O mini-program (`wxdevo2o`, one of auth's development apps), so a development login
/// sees its merchants as its own. Each top category has a theme that names its pictures in
/// `DemoMerchantImages` (`icon-food`, `logo-food`, `voucher-food`); its children share them.
enum DemoCatalogue {
    /// An operations centre: its name and its O2O mini-program's app id.
    struct Centre: Sendable {
        let name: String
        let appID: String
    }

    /// A top category with its theme and the names of its children, in display order.
    struct TopCategory: Sendable {
        let name: String
        let theme: String
        let children: [String]

        var iconImage: String { "icon-\(theme)" }
        var logoImage: String { "logo-\(theme)" }
        var voucherImage: String { "voucher-\(theme)" }
    }

    static let centres = [
        Centre(name: "京沪运营中心", appID: "wxdevo2o"),
        Centre(name: "华南运营中心", appID: "wxdemoo2o2"),
        Centre(name: "杭州运营中心", appID: "wxdemoo2o3"),
    ]

    static let categories = [
        TopCategory(name: "美食", theme: "food", children: ["火锅", "中餐", "西餐", "小吃快餐"]),
        TopCategory(name: "休闲娱乐", theme: "leisure", children: ["KTV", "电影", "密室桌游"]),
        TopCategory(name: "丽人", theme: "beauty", children: ["美发", "美甲美睫", "美容SPA"]),
        TopCategory(name: "酒店", theme: "hotel", children: ["经济酒店", "精品酒店"]),
        TopCategory(name: "生活服务", theme: "life", children: ["洗衣", "宠物", "摄影写真"]),
    ]

    /// The top category child category `name` belongs to; nil when no top category has it.
    static func top(of name: String) -> TopCategory? {
        categories.first { $0.children.contains(name) }
    }
}
