import Catalog
import Dialects
import Mesh
import Testing

/// The operations' business parameters, checked against counts and names taken by hand from the documents.
@Suite("Operation catalog parameters")
struct CatalogParameterTests {
    /// Operations whose section lists no request parameter (beyond the fields every call of the dialect
    /// carries), per document: train 000 has no table for personal info and contacts, o2o 001 says
    /// none for the city list and gives none for the categories, c2c 002 has no body table for the
    /// payment list and the assets, every yaf 003 section has a table, and mobile 004 asks for nothing in
    /// the eight sections named here.
    static let withoutParameters: [Dialect: Set<String>] = [
        .train: ["getUserInfo", "selectContacts"],
        .o2o: ["area/cities/withHot", "merchant/categories/tree"],
        .c2c: ["user.payment.getPaymentList", "wallet.wallet.getUserAssets"],
        .yaf: [],
        .mobile: [
            "code/validcode", "member/addr/addrList", "member/index", "member/checkpaypwd",
            "web/member/checkpaypwd", "member/relatelogin", "member/im", "member/facevalue",
        ],
    ]

    /// Operations with parameters: train 12 of 14, o2o 14 of 16, c2c 12 of 14 (11 documented and the
    /// platform's login), yaf 26 of 26, mobile 30 of 38.
    static let countsWithParameters: [Dialect: Int] = [.train: 12, .o2o: 14, .c2c: 12, .yaf: 26, .mobile: 30]

    /// The fields every call of a dialect carries, which no operation lists as its own.
    static let envelopeFields: [Dialect: Set<String>] = [
        .train: ["loginKey", "userId", "userRole", "appCode", "data"],
        .o2o: [],
        .c2c: ["_apiname", "mtoken", "cc", "ck", "_env"],
        .yaf: [
            "method", "v", "appid", "timestamp", "unique_id", "app_v", "platform", "channel", "device_token",
            "data", "sign",
        ],
        .mobile: ["token"],
    ]

    @Test(arguments: Dialect.allCases)
    func operationsWithARequestTableHaveParameters(dialect: Dialect) {
        let operations = OperationCatalog.operations(of: dialect).filter { !$0.traits.platformAddition }
        let empty = Set(operations.filter { $0.parameters.isEmpty }.map(\.name))
        #expect(empty == Self.withoutParameters[dialect])
        #expect(operations.filter { !$0.parameters.isEmpty }.count == Self.countsWithParameters[dialect])
    }

    @Test(arguments: Dialect.allCases)
    func noOperationRepeatsAParameter(dialect: Dialect) {
        for operation in OperationCatalog.operations(of: dialect) {
            let names = operation.parameters.map(\.name)
            #expect(Set(names).count == names.count, "\(operation.meshName): \(names)")
        }
    }

    @Test(arguments: Dialect.allCases)
    func everyParameterIsComplete(dialect: Dialect) {
        for operation in OperationCatalog.operations(of: dialect) {
            for parameter in operation.parameters {
                let label = "\(operation.meshName).\(parameter.name)"
                #expect(!parameter.name.isEmpty && !parameter.name.contains(" "), "\(label)")
                #expect(!parameter.type.isEmpty, "\(label)")
                #expect(!parameter.summary.isEmpty, "\(label)")
                #expect(!parameter.summary.contains("\n"), "\(label)")
            }
        }
    }

    @Test(arguments: Dialect.allCases)
    func envelopeFieldsAreLeftOut(dialect: Dialect) {
        let fixed = Self.envelopeFields[dialect] ?? []
        for operation in OperationCatalog.operations(of: dialect) {
            let listed = fixed.intersection(operation.parameters.map(\.name))
            #expect(listed.isEmpty, "\(operation.meshName) lists \(listed)")
        }
    }

    @Test(arguments: Dialect.allCases)
    func typesAreTheDocumentsSpellings(dialect: Dialect) {
        let allowed: Set<String> =
            switch dialect {
            case .train: ["String", "int", "double"]
            case .o2o, .mobile: ["String", "int", "double"]
            case .c2c: ["string", "int", "tinyint", "float"]
            case .yaf: ["String", "Integer", "Float", "file"]
            }
        for operation in OperationCatalog.operations(of: dialect) {
            for parameter in operation.parameters {
                #expect(allowed.contains(parameter.type), "\(operation.meshName).\(parameter.name): \(parameter.type)")
            }
        }
    }

    @Test func trainSpotChecks() throws {
        let login = try #require(OperationCatalog.find(.train, name: "login"))
        #expect(login.parameters.map(\.name) == ["code", "nonceStr", "sign"])
        #expect(login.parameters.allSatisfy { $0.required && $0.type == "String" })
        #expect(
            names(.train, "addContacts") == ["indentity", "name", "linkmanType", "indentityType", "nonceStr", "sign"])
        let createOrder = try #require(OperationCatalog.find(.train, name: "createOrder"))
        #expect(createOrder.parameters.first { $0.name == "orderAmount" }?.type == "double")
        #expect(createOrder.parameters.count == 9)
        #expect(names(.train, "getOrderList") == ["pageNum", "pageSize", "nonceStr", "sign"])
        let payOrder = try #require(OperationCatalog.find(.train, name: "payOrder"))
        #expect(payOrder.parameters.map(\.name) == ["id", "orderNo"])
        #expect(payOrder.parameters.allSatisfy { !$0.required })
        for name in ["getOrderDetails", "cancleOrder", "returnAmount", "confirmeOrder"] {
            #expect(names(.train, name) == ["id"], "\(name)")
        }
        #expect(names(.train, "appConfig") == ["keyType"])
    }

    @Test func o2oSpotChecks() throws {
        #expect(names(.o2o, "wxLogin") == ["code"])
        #expect(names(.o2o, "login") == ["mobile", "verify_code"])
        #expect(names(.o2o, "loginWithSceneId") == ["token", "sceneId"])
        #expect(names(.o2o, "area/getByGps") == ["lng", "lat"])
        #expect(
            names(.o2o, "merchants") == ["city_id", "keyword", "merchant_category_id", "lng", "lat", "radius", "page"])
        let merchants = try #require(OperationCatalog.find(.o2o, name: "merchants"))
        #expect(merchants.parameters.allSatisfy { !$0.required })
        let buy = try #require(OperationCatalog.find(.o2o, name: "order/buy"))
        #expect(buy.parameters.map(\.name) == ["goods_id", "number", "notify_mobile"])
        #expect(buy.parameters.map(\.required) == [true, true, false])
        let tree = try #require(OperationCatalog.find(.o2o, name: "area/tree"))
        #expect(tree.parameters.map(\.name) == ["tier"])
        #expect(tree.parameters.first?.required == false)
        for operation in OperationCatalog.operations(of: .o2o) where operation.name != "loginWithSceneId" {
            #expect(!operation.parameters.contains { $0.name == "token" }, "\(operation.name)")
        }
    }

    @Test func c2cSpotChecks() throws {
        let add = try #require(OperationCatalog.find(.c2c, name: "user.payment.addPayment"))
        #expect(
            add.parameters.map(\.name)
                == ["type", "account_number", "account_name", "bank_name", "bank_address", "qrcode"])
        #expect(add.parameters.filter(\.required).map(\.name) == ["type", "account_number"])
        #expect(
            names(.c2c, "user.payment.updatePayment")
                == ["type", "id", "account_number", "account_name", "bank_name", "bank_address", "qrcode"])
        #expect(names(.c2c, "user.payment.delPayment") == ["type", "id"])
        #expect(names(.c2c, "user.user.getUserInfoById") == ["id"])
        #expect(names(.c2c, "coin.coin.getCoinInfoById") == ["coin_id"])
        #expect(names(.c2c, "coin.coin.getC2CCoinList") == ["is_c2c"])
        let addOrder = try #require(OperationCatalog.find(.c2c, name: "coin.coin.addOrder"))
        #expect(addOrder.parameters.map(\.name) == ["coin_id", "volume", "type"])
        #expect(addOrder.parameters.map(\.type) == ["tinyint", "float", "tinyint"])
        #expect(names(.c2c, "order.order.updateOrderStatus") == ["order_no", "status"])
        let list = try #require(OperationCatalog.find(.c2c, name: "order.order.getOrderList"))
        #expect(list.parameters.map(\.name) == ["type", "current_page", "page_size"])
        #expect(list.parameters.map(\.required) == [true, false, false])
        #expect(names(.c2c, "user.user.login").contains("mobile_phone"))
    }

    @Test func yafSpotChecks() throws {
        let login = try #require(OperationCatalog.find(.yaf, name: "user.login"))
        #expect(login.parameters.filter(\.required).map(\.name) == ["mobile", "code", "login_type"])
        #expect(login.parameters.first { $0.name == "login_type" }?.type == "Integer")
        #expect(names(.yaf, "user.register") == ["mobile", "password", "code"])
        let upload = try #require(OperationCatalog.find(.yaf, name: "system.upload"))
        #expect(upload.parameters.map(\.name) == ["token", "image"])
        #expect(upload.parameters.last?.type == "file")
        #expect(names(.yaf, "system.upgrade") == ["token"])
        #expect(names(.yaf, "system.request.token") == ["token", "number"])
        #expect(names(.yaf, "sms.send") == ["mobile", "key", "token"])
        #expect(names(.yaf, "news.list") == ["cat_id", "page"])
        #expect(names(.yaf, "news.detail") == ["news_id"])
        #expect(
            names(.yaf, "goods.list") == ["cat_id", "keywords", "start_price", "end_price", "page", "token"])
        #expect(
            names(.yaf, "order.list")
                == ["token", "order_sn", "order_status", "start_time", "end_time", "page"])
        let sectionsWithoutToken: Set<String> = [
            "user.login", "user.register", "sms.verify", "user.pwd.find", "news.list", "news.detail",
        ]
        for operation in OperationCatalog.operations(of: .yaf) {
            let listsToken = operation.parameters.contains { $0.name == "token" }
            #expect(listsToken != sectionsWithoutToken.contains(operation.name), "\(operation.name)")
        }
    }

    @Test func mobileSpotChecks() throws {
        #expect(names(.mobile, "login") == ["username", "pwd"])
        #expect(names(.mobile, "register") == ["username", "pwd", "phoneCode"])
        #expect(names(.mobile, "phonecode") == ["phone", "validcode", "type"])
        #expect(names(.mobile, "member/shopcart/save") == ["proId", "proSkuId", "num"])
        #expect(names(.mobile, "weixinapi/address").count == 10)
        let modify = try #require(OperationCatalog.find(.mobile, name: "member/modify"))
        #expect(modify.parameters.count == 11)
        #expect(modify.parameters.filter { !$0.required }.map(\.name) == ["tdPostcode", "tdId"])
        #expect(names(.mobile, "member/phonecharge") == ["phone", "facevalue", "paypwd"])
        #expect(names(.mobile, "member/phonecheck") == ["phone", "facevalue"])
        #expect(names(.mobile, "member/queryphone") == ["orderno"])
        #expect(names(.mobile, "member/exchangescore") == ["score"])
    }

    private func names(_ dialect: Dialect, _ name: String) -> [String] {
        OperationCatalog.find(dialect, name: name)?.parameters.map(\.name) ?? []
    }
}
