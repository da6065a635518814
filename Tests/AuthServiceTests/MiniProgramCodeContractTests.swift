import AuthService
import Crypto
import Foundation
import JSON
import Mesh
import ServiceHarness
import ServiceKit
import Testing

/// `miniprogram.code` through auth's real routes in process, as another service calls it: the
/// simulator's PNG comes back base64-encoded and its QR code reads back as the app, page and scene;
/// unknown apps and bad scenes, pages and widths are refused.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] != nil, "needs TEST_DATABASE_URL"))
struct MiniProgramCodeContractTests {
    static let services = [InProcessService(.auth, descriptor: AuthService.descriptor, routes: AuthService.routes)]

    @Test func theSimulatorsCodeComesBackAndReads() async throws {
        try await InProcessMesh.with(Self.services) { mesh in
            let client = mesh.meshClient()
            let request = MiniProgramCodeGet.Request(
                appID: "wxdevo2o", scene: "0123456789abcdef0123456789abcdef", page: "pages/severs/index/index")
            guard case .ok(let reply) = await client.call(MiniProgramCodeGet.self, request) else {
                Issue.record("no code")
                return
            }
            #expect(reply.contentType == "image/png")
            let png = try PNGTestReader(try #require(Base64.decode(reply.image)))
            #expect(png.width == 430)
            #expect(
                try QRTestDecoder(png).text
                    == "https://mp.weixin.qq.com/a/wxdevo2o?page=pages%2Fsevers%2Findex%2Findex"
                    + "&scene=0123456789abcdef0123456789abcdef")

            let wide = await client.call(
                MiniProgramCodeGet.self, .init(appID: "wxdevtrain", scene: "id=7", page: "pages/index", width: 1280))
            guard case .ok(let wideReply) = wide else {
                Issue.record("no wide code")
                return
            }
            let widePNG = try PNGTestReader(try #require(Base64.decode(wideReply.image)))
            #expect(widePNG.width == 1280)
            #expect(try QRTestDecoder(widePNG).text.hasSuffix("/a/wxdevtrain?page=pages%2Findex&scene=id%3D7"))
        }
    }

    @Test func badRequestsAreRefusedNamingTheProblem() async throws {
        try await InProcessMesh.with(Self.services) { mesh in
            let cases: [(JSONObject, ReplyKind, String)] = [
                (["app_id": "wxnobody", "scene": "s", "page": "pages/index"], .notFound, "app_id"),
                (
                    ["app_id": "wxdevo2o", "scene": .string(String(repeating: "a", count: 33)), "page": "p"],
                    .invalidParams, "scene"
                ),
                (["app_id": "wxdevo2o", "scene": "a b", "page": "p"], .invalidParams, "scene"),
                (["app_id": "wxdevo2o", "scene": "s", "page": "/pages/index"], .invalidParams, "page"),
                (["app_id": "wxdevo2o", "scene": "s", "page": "pages/index", "width": 2000], .invalidParams, "width"),
                (
                    ["app_id": "wxdevo2o", "scene": "s", "page": "pages/index", "width": "wide"], .invalidParams,
                    "width"
                ),
                (["app_id": "wxdevo2o", "scene": "s"], .missingParameter, "page"),
            ]
            for (body, kind, field) in cases {
                let reply = try await mesh.internalCall(.auth, MiniProgramCodeGet.name, body)
                #expect(reply.kind == kind, "\(body)")
                #expect(reply.message.contains(field), "\(body): \(reply.message)")
            }
        }
    }
}
