import Crypto
import Dialects
import Foundation
import HTTPCore
import JSON
import Testing

/// Uploads through the gateway and the internal `files.store`: images only (by their bytes), the size
/// limit, content-addressed names, and the gateway serving `/files/...` with caching headers.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct ContentFilesTests {
    @Test func anUploadedImageIsServedWithCachingHeaders() async throws {
        let client = try await ContentClient.start(seeded: false)
        do {
            let token = try await TestSessions.open(client.mesh, dialect: "yaf", account: 901)
            let png = ImageSignature.tinyPNG(salt: "upload")
            let uploaded = try await client.upload(png, filename: "avatar.png", token: token)
            #expect(uploaded["code"] == 200)
            #expect(uploaded["msg"] == "上传成功")
            let data = try #require(uploaded["data"]?.objectValue)
            #expect(data.keys == ["file_id", "image_url", "relative_image_url"])
            let fileID = try #require(data["file_id"]?.stringValue)
            #expect(Int(fileID) != nil)
            let relative = try #require(data["relative_image_url"]?.stringValue)
            let hash = Hex.encode(Digest.sha256(png))
            #expect(relative == "/files/\(hash.prefix(2))/\(hash).png")
            #expect(data["image_url"] == .string(ContentClient.publicBaseURL + relative))

            let served = try await client.mesh.get(relative, from: "gateway")
            #expect(served.status == .ok)
            #expect(served.body == png)
            #expect(served.headers["Content-Type"] == "image/png")
            #expect(served.headers["ETag"] == "\"\(hash)\"")
            #expect(served.headers["Cache-Control"] == "public, max-age=31536000, immutable")
            let again = try await client.mesh.get(relative, from: "gateway", headers: ["If-None-Match": "\"\(hash)\""])
            #expect(again.status == .notModified)
            #expect(again.body.isEmpty)
            #expect(
                try await client.mesh.get("/files/\(hash.prefix(2))/\(hash).jpg", from: "gateway").status == .notFound)
            #expect(try await client.mesh.get("/files/../../etc/passwd", from: "gateway").status == .notFound)
            #expect(try await client.mesh.get("/files/ab/nothing.png", from: "gateway").status == .notFound)

            let same = try await client.upload(png, filename: "renamed.gif", token: token)
            #expect(same["data"]?["file_id"] == .string(fileID))
            #expect(same["data"]?["relative_image_url"] == .string(relative))
        } catch {
            await client.stop()
            throw error
        }
        await client.stop()
    }

    @Test func onlyImagesUpToTheLimitAreAccepted() async throws {
        let client = try await ContentClient.start(seeded: false)
        do {
            let token = try await TestSessions.open(client.mesh, dialect: "yaf", account: 902)
            let text = try await client.upload(
                Array("just some text, not a picture".utf8), filename: "photo.jpg", token: token)
            #expect(text["code"] == 503)
            #expect(text["msg"]?.stringValue?.contains("JPEG") == true)
            #expect(text["data"] == nil)
            let html = try await client.upload(
                Array("<html><script>alert(1)</script></html>".utf8), filename: "x.png", token: token)
            #expect(html["code"] == 503)
            #expect(try await client.upload([], filename: "empty.png", token: token)["code"] == 503)

            let limit = 5 * 1024 * 1024
            let oversize = ImageSignature.png + Array(repeating: UInt8(7), count: limit + 1 - ImageSignature.png.count)
            let tooLarge = try await client.upload(oversize, filename: "big.png", token: token)
            #expect(tooLarge["code"] == 503)
            #expect(tooLarge["msg"]?.stringValue?.contains("5 MiB") == true, "\(tooLarge)")
            let atLimit = ImageSignature.png + Array(repeating: UInt8(7), count: limit - ImageSignature.png.count)
            let accepted = try await client.upload(atLimit, filename: "limit.png", token: token)
            #expect(accepted["code"] == 200, "\(accepted)")
            let count = try await client.mesh.withDatabase { pool in
                try await pool.query("SELECT count(*) AS files FROM content.files")[0].decode("files", as: Int64.self)
            }
            #expect(count == 1)
        } catch {
            await client.stop()
            throw error
        }
        await client.stop()
    }

    @Test func otherServicesStoreImagesIdempotently() async throws {
        let client = try await ContentClient.start(seeded: false)
        do {
            let png = ImageSignature.tinyPNG(salt: "avatar")
            let body: JSONObject = ["content_base64": .string(Base64.encode(png)), "purpose": "avatar"]
            let stored = try await client.internalCall("files.store", body, idempotencyKey: "avatar-1")
            #expect(stored["kind"] == "ok")
            let data = try #require(stored["data"])
            #expect(data.objectValue?.keys == ["file_id", "image_url", "relative_image_url"])
            let relative = try #require(data["relative_image_url"]?.stringValue)
            #expect(data["image_url"] == .string(ContentClient.publicBaseURL + relative))
            #expect(try await client.internalCall("files.store", body, idempotencyKey: "avatar-1")["data"] == data)
            #expect(try await client.internalCall("files.store", body, idempotencyKey: "avatar-2")["data"] == data)
            #expect(try await client.mesh.get(relative, from: "gateway").body == png)

            let other: JSONObject = [
                "content_base64": .string(Base64.encode(ImageSignature.tinyPNG(salt: "other"))), "purpose": "avatar",
            ]
            let reused = try await client.internalCall("files.store", other, idempotencyKey: "avatar-1")
            #expect(reused["kind"] == "invalid_params")
            #expect(try await client.internalCall("files.store", body)["kind"] == "missing_parameter")
            let notImage: JSONObject = [
                "content_base64": .string(Base64.encode(Array("%PDF-1.7 ...".utf8))), "purpose": "avatar",
            ]
            let refused = try await client.internalCall("files.store", notImage, idempotencyKey: "pdf")
            #expect(refused["kind"] == "invalid_params")
            #expect(refused["message"]?.stringValue?.contains("JPEG") == true)
            let garbage: JSONObject = ["content_base64": "***", "purpose": "avatar"]
            #expect(
                try await client.internalCall("files.store", garbage, idempotencyKey: "garbage")["kind"]
                    == "invalid_params")
            let large = ImageSignature.png + Array(repeating: UInt8(3), count: 3 * 1024 * 1024)
            let largeBody: JSONObject = ["content_base64": .string(Base64.encode(large)), "purpose": "avatar"]
            #expect(try await client.internalCall("files.store", largeBody, idempotencyKey: "large")["kind"] == "ok")
            let huge = ImageSignature.png + Array(repeating: UInt8(1), count: 5 * 1024 * 1024)
            let tooLarge: JSONObject = ["content_base64": .string(Base64.encode(huge)), "purpose": "avatar"]
            #expect(
                try await client.internalCall("files.store", tooLarge, idempotencyKey: "huge")["kind"]
                    == "invalid_params")
        } catch {
            await client.stop()
            throw error
        }
        await client.stop()
    }
}
