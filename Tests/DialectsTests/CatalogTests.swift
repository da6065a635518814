import Catalog
import Dialects
import HTTPCore
import Mesh
import Testing

@Suite("Operation catalog")
struct CatalogTests {
    @Test func countsMatchTheDocuments() {
        #expect(OperationCatalog.operations(of: .train).count == 14 + 5)
        #expect(OperationCatalog.operations(of: .train).filter(\.traits.platformAddition).count == 5)
        #expect(OperationCatalog.operations(of: .o2o).count == 16 + 2)
        #expect(OperationCatalog.operations(of: .o2o).filter(\.traits.platformAddition).count == 2)
        #expect(OperationCatalog.operations(of: .c2c).count == 14)
        #expect(OperationCatalog.operations(of: .yaf).count == 26 + 1)
        #expect(OperationCatalog.operations(of: .yaf).filter(\.traits.platformAddition).map(\.name) == ["order.submit"])
        #expect(OperationCatalog.operations(of: .mobile).count == 38 + 1)
        #expect(
            OperationCatalog.operations(of: .mobile).filter(\.traits.platformAddition).map(\.name) == [
                "member/shopcart/list"
            ])
        #expect(OperationCatalog.all.count == 19 + 18 + 14 + 27 + 39)
        for dialect in Dialect.allCases {
            let documented = OperationCatalog.operations(of: dialect).filter { !$0.traits.platformAddition }
            #expect(documented.count == ExpectedCatalog.operations(of: dialect).count)
        }
    }

    @Test(arguments: Dialect.allCases)
    func entriesMatchTheDocumentEntryByEntry(dialect: Dialect) {
        let actual = OperationCatalog.operations(of: dialect).filter { !$0.traits.platformAddition }
        let expected = ExpectedCatalog.operations(of: dialect)
        for (operation, wanted) in zip(actual, expected) {
            #expect(operation.dialect == dialect)
            #expect(operation.name == wanted.name, "\(dialect): \(wanted)")
            #expect(operation.path == wanted.path, "\(dialect): \(wanted)")
            #expect(Set(operation.methods.map(\.rawValue)) == wanted.methods, "\(dialect): \(wanted)")
        }
        let missing = expected.map(\.name).filter { name in !actual.contains { $0.name == name } }
        let extra = actual.map(\.name).filter { name in !expected.contains { $0.name == name } }
        #expect(missing.isEmpty, "\(dialect) lacks \(missing)")
        #expect(extra.isEmpty, "\(dialect) has unexpected \(extra)")
    }

    @Test func allIsEveryDialectInOrder() {
        let concatenated = Dialect.allCases.flatMap { OperationCatalog.operations(of: $0) }
        #expect(OperationCatalog.all == concatenated)
        for dialect in Dialect.allCases {
            #expect(OperationCatalog.operations(of: dialect) == OperationCatalog.all.filter { $0.dialect == dialect })
        }
    }

    @Test(arguments: Dialect.allCases)
    func noDuplicates(dialect: Dialect) {
        let operations = OperationCatalog.operations(of: dialect)
        let names = operations.map { dialect == .c2c ? $0.name.lowercased() : $0.name }
        #expect(Set(names).count == names.count)
        if dialect != .c2c && dialect != .yaf {
            #expect(Set(operations.map(\.path)).count == operations.count)
        }
        for operation in operations {
            #expect(Set(operation.methods).count == operation.methods.count, "\(operation.meshName)")
        }
        let meshNames = OperationCatalog.all.map(\.meshName)
        #expect(Set(meshNames).count == meshNames.count)
    }

    @Test func everyOperationIsComplete() {
        for operation in OperationCatalog.all {
            #expect(ServiceName.allCases.contains(operation.service), "\(operation.meshName)")
            #expect(!operation.title.isEmpty, "\(operation.meshName)")
            #expect(!operation.methods.isEmpty, "\(operation.meshName)")
            #expect(operation.methods.allSatisfy { $0 == .get || $0 == .post }, "\(operation.meshName)")
        }
        let owners = Set(OperationCatalog.all.map(\.service))
        #expect(owners == Set(ServiceName.behindGateway))
    }

    @Test(arguments: Dialect.allCases)
    func signedFlagFollowsTheDialect(dialect: Dialect) {
        let signedDialects: Set<Dialect> = [.train, .c2c, .yaf]
        for operation in OperationCatalog.operations(of: dialect) {
            #expect(operation.signed == signedDialects.contains(dialect), "\(operation.meshName)")
        }
    }

    @Test(arguments: Dialect.allCases)
    func everyOperationIsFoundByNameAndPath(dialect: Dialect) {
        for operation in OperationCatalog.operations(of: dialect) {
            #expect(OperationCatalog.find(dialect, name: operation.name) == operation)
            if dialect == .c2c || dialect == .yaf {
                #expect(OperationCatalog.find(dialect, path: operation.path) == nil)
            } else {
                #expect(OperationCatalog.find(dialect, path: operation.path) == operation)
            }
        }
    }

    @Test func unknownNamesAndPathsAreNotFound() {
        #expect(OperationCatalog.find(.train, name: "deleteEverything") == nil)
        #expect(OperationCatalog.find(.train, name: "LOGIN") == nil)
        #expect(OperationCatalog.find(.train, path: "/api/v1/user/") == nil)
        #expect(OperationCatalog.find(.o2o, path: "/api/user/area/tree/") == nil)
        #expect(OperationCatalog.find(.mobile, path: "/mobile/member/shopcart") == nil)
        #expect(OperationCatalog.find(.mobile, name: "member/addr/list") == nil)
        #expect(OperationCatalog.find(.yaf, name: "System.Init") == nil)
        #expect(OperationCatalog.find(.c2c, name: "user.user") == nil)
        #expect(OperationCatalog.find(.yaf, name: "login") == nil)
        #expect(OperationCatalog.find(.train, name: "user.login") == nil)
    }

    @Test func dialectsDoNotShareLookups() {
        #expect(OperationCatalog.find(.train, name: "login")?.dialect == .train)
        #expect(OperationCatalog.find(.o2o, name: "login")?.dialect == .o2o)
        #expect(OperationCatalog.find(.mobile, name: "login")?.dialect == .mobile)
        #expect(OperationCatalog.find(.o2o, path: "/api/v1/user/login") == nil)
        #expect(OperationCatalog.find(.train, path: "/mobile/login") == nil)
    }

    @Test func c2cNamesAreCaseInsensitive() {
        let canonical = OperationCatalog.find(.c2c, name: "user.user.getUserInfoById")
        #expect(canonical != nil)
        #expect(OperationCatalog.find(.c2c, name: "USER.USER.GETUSERINFOBYID") == canonical)
        #expect(OperationCatalog.find(.c2c, name: "user.user.getuserinfobyid") == canonical)
        #expect(OperationCatalog.find(.c2c, name: "Coin.Coin.GetC2CCoinList")?.name == "coin.coin.getC2CCoinList")
    }

    @Test func secondSpellingsReachTheSameOperation() {
        #expect(OperationCatalog.find(.c2c, name: "coin.coin.addOrder")?.name == "order.order.addOrder")
        #expect(OperationCatalog.find(.c2c, name: "COIN.COIN.GETORDERLIST")?.name == "order.order.getOrderList")
        #expect(OperationCatalog.find(.c2c, name: "coin.coin.getOrderInfo")?.name == "order.order.getOrderInfo")
        #expect(
            OperationCatalog.find(.c2c, name: "coin.coin.updateOrderStatus")?.name == "order.order.updateOrderStatus")
        #expect(OperationCatalog.find(.yaf, name: "app.upgrade")?.name == "system.upgrade")
        #expect(OperationCatalog.alternateNames(of: .train).isEmpty)
        for dialect in Dialect.allCases {
            for (alternate, canonical) in OperationCatalog.alternateNames(of: dialect) {
                #expect(OperationCatalog.operations(of: dialect).contains { $0.name == canonical })
                #expect(!OperationCatalog.operations(of: dialect).contains { $0.name == alternate })
            }
        }
    }

    @Test func sessionRequirements() {
        for operation in OperationCatalog.operations(of: .train) {
            #expect(operation.session == (operation.name == "login" ? .none : .required), "\(operation.name)")
        }
        for operation in OperationCatalog.operations(of: .c2c) {
            #expect(operation.session == (operation.name == "user.user.login" ? .none : .required), "\(operation.name)")
        }
        #expect(session(.o2o, "wxLogin") == SessionRequirement.none)
        #expect(session(.o2o, "order/buy") == .required)
        #expect(session(.o2o, "merchants") == .required)
        #expect(session(.yaf, "system.init") == .optional)
        #expect(session(.yaf, "user.login") == SessionRequirement.none)
        #expect(session(.yaf, "user.register") == SessionRequirement.none)
        #expect(session(.yaf, "news.list") == SessionRequirement.none)
        #expect(session(.yaf, "goods.list") == .optional)
        #expect(session(.yaf, "user.detail") == .required)
        #expect(session(.yaf, "user.logout") == .required)
        #expect(session(.yaf, "order.list") == .required)
        #expect(session(.yaf, "order.submit") == .required)
        #expect(session(.mobile, "login") == SessionRequirement.none)
        #expect(session(.mobile, "code/validcode") == SessionRequirement.none)
        #expect(session(.mobile, "member/newpwd") == SessionRequirement.none)
        #expect(session(.mobile, "area/list") == SessionRequirement.none)
        #expect(session(.mobile, "member/addr/get") == .required)
        #expect(session(.mobile, "member/phonecharge") == .required)
        #expect(session(.mobile, "weixinapi/address") == .required)
    }

    @Test func owningServices() {
        #expect(service(.train, "login") == .auth)
        #expect(service(.train, "addContacts") == .user)
        #expect(service(.train, "createOrder") == .orders)
        #expect(service(.train, "appConfig") == .content)
        #expect(service(.o2o, "sms/verify_code") == .auth)
        #expect(service(.o2o, "area/getByGps") == .content)
        #expect(service(.o2o, "merchants") == .merchants)
        #expect(service(.o2o, "order/refund") == .orders)
        #expect(service(.c2c, "user.payment.addPayment") == .user)
        for operation in OperationCatalog.operations(of: .c2c)
        where ["order.", "coin.", "wallet."].contains(where: { operation.name.hasPrefix($0) }) {
            #expect(operation.service == .exchange, "\(operation.name)")
        }
        for operation in OperationCatalog.operations(of: .yaf)
        where ["news.", "notice.", "message."].contains(where: { operation.name.hasPrefix($0) }) {
            #expect(operation.service == .content, "\(operation.name)")
        }
        #expect(service(.yaf, "system.request.token") == .auth)
        #expect(service(.yaf, "goods.detail") == .merchants)
        #expect(service(.yaf, "order.list") == .orders)
        #expect(service(.yaf, "order.submit") == .orders)
        #expect(service(.mobile, "code/validcode") == .auth)
        #expect(service(.mobile, "member/paypwd") == .auth)
        #expect(service(.mobile, "member/shopcart/save") == .orders)
        #expect(service(.mobile, "member/shopcart/list") == .orders)
        #expect(service(.mobile, "member/index") == .user)
        #expect(service(.mobile, "member/addr/addrList") == .user)
        #expect(service(.mobile, "member/exchangescore") == .user)
        #expect(service(.mobile, "area/list") == .content)
    }

    private func session(_ dialect: Dialect, _ name: String) -> SessionRequirement? {
        OperationCatalog.find(dialect, name: name)?.session
    }

    private func service(_ dialect: Dialect, _ name: String) -> ServiceName? {
        OperationCatalog.find(dialect, name: name)?.service
    }
}
