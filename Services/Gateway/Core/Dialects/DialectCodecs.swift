import Envelope
import HTTPCore
import ServiceKit

/// The five codecs and the public routes that lead to them.
struct DialectCodecs: Sendable {
    let train: TrainCodec
    let o2o: O2OCodec
    let c2c: C2CCodec
    let yaf: YafCodec
    let mobile: MobileCodec

    /// Upload operations may carry bodies up to this size; every other request keeps the
    /// server's default limit.
    static let uploadBodyLimit = 6 * 1024 * 1024

    func routes(pipeline: DialectPipeline) -> [Route] {
        let train = self.train, o2o = self.o2o, c2c = self.c2c, yaf = self.yaf, mobile = self.mobile
        var routes: [Route] = [
            Route([.post, .get], "/api/v1/user/*") { context in await pipeline.handle(context, codec: train) },
            Route([.post, .get], "/api/user/*") { context in await pipeline.handle(context, codec: o2o) },
            Route([.post], "/", bodyLimit: DialectCodecs.uploadBodyLimit) { context in
                let codec: any DialectCodec = c2c.accepts(context.request) ? c2c : yaf
                return await pipeline.handle(context, codec: codec)
            },
        ]
        var mobilePaths = Set<String>()
        for operation in OperationCatalog.operations(of: .mobile) where mobilePaths.insert(operation.path).inserted {
            let path = mobile.contextPath + operation.path
            routes.append(Route([.get, .post], path) { context in await pipeline.handle(context, codec: mobile) })
        }
        routes.append(Route([.get, .post], mobile.contextPath + "/mobile/*") { context in
            await pipeline.handle(context, codec: mobile)
        })
        return routes
    }
}
