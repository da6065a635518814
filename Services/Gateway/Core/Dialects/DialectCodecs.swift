import Catalog
import Dialects
import HTTPCore
import Mesh
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

    /// The mobile mall's avatar arrives as base64 text in a form field: the text of an image of
    /// `ImageLimit.bytes` (about 7 MiB), percent-encoded as browsers send it, stays under this.
    static let base64ImageBodyLimit = 10 * 1024 * 1024

    func routes(pipeline: DialectPipeline) -> [Route] {
        let train = self.train
        let o2o = self.o2o
        let c2c = self.c2c
        let yaf = self.yaf
        let mobile = self.mobile
        let rootRefusal: Route.RefusalAnswer = { status, head in
            let codec: any DialectCodec = head.target.contains("_apiname=") ? c2c : yaf
            return DialectCodecs.refuse(status, codec)
        }
        var routes: [Route] = [
            Route([.post, .get], "/api/v1/user/*", refusal: { status, _ in DialectCodecs.refuse(status, train) }) {
                context in await pipeline.handle(context, codec: train)
            },
            Route([.post, .get], "/api/user/*", refusal: { status, _ in DialectCodecs.refuse(status, o2o) }) {
                context in await pipeline.handle(context, codec: o2o)
            },
            Route([.post], "/", bodyLimit: DialectCodecs.uploadBodyLimit, refusal: rootRefusal) { context in
                let codec: any DialectCodec = c2c.accepts(context.request) ? c2c : yaf
                return await pipeline.handle(context, codec: codec)
            },
        ]
        let mobileRefusal: Route.RefusalAnswer = { status, _ in DialectCodecs.refuse(status, mobile) }
        var mobilePaths = Set<String>()
        for operation in OperationCatalog.operations(of: .mobile) where mobilePaths.insert(operation.path).inserted {
            let path = mobile.contextPath + operation.path
            let bodyLimit =
                operation.traits.carriesImage ? DialectCodecs.base64ImageBodyLimit : nil
            routes.append(
                Route([.get, .post], path, bodyLimit: bodyLimit, refusal: mobileRefusal) { context in
                    await pipeline.handle(context, codec: mobile)
                })
        }
        routes.append(
            Route([.get, .post], mobile.contextPath + "/mobile/*", refusal: mobileRefusal) { context in
                await pipeline.handle(context, codec: mobile)
            })
        return routes
    }

    /// A request refused before decoding (body over the limit, broken chunking): the dialect's envelope
    /// as the body, with the refusal's own status (413, 400) so HTTP clients and proxies see it too.
    static func refuse(_ status: HTTPStatus, _ codec: any DialectCodec) -> HTTPResponse {
        let kind: ReplyKind = status == .payloadTooLarge ? .payloadTooLarge : .invalidParams
        let message = status == .payloadTooLarge ? "request body too large" : "malformed request"
        var response = codec.encode(.failure(kind, message), call: nil, operation: nil)
        response.status = status
        return response
    }
}
