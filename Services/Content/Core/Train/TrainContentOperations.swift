import Catalog
import JSON
import Mesh
import ServiceKit

/// The content operation of the train-ticket mini-program (document 000): `appConfig`, which answers
/// the value of one configuration key (`keyType=refuel_bag`, the refuel packs, or any other key an
/// operator configured).
struct TrainContentOperations: Sendable {
    let stores: ContentStores

    func register(on handlers: inout OperationHandlers) {
        let stores = self.stores
        handlers.on(.train, "appConfig", access: .session) { call in
            guard let key = call.mesh.parameters["keyType"]?.scalarText, !key.isEmpty else {
                throw PlainRefusal(.missingParameter, "缺少参数 keyType")
            }
            guard AppConfigStore.isValidKey(key) else {
                throw PlainRefusal.invalid("keyType 须为小写字母开头的配置名，如 refuel_bag")
            }
            let value: JSONValue = try await stores.cache.value("config.\(key)") {
                try await stores.config.value(key) ?? .null
            }
            guard !value.isNull else { throw PlainRefusal.invalid("keyType \(key) 未配置") }
            return CanonicalReply(kind: .ok, message: "成功", data: value)
        }
    }
}
