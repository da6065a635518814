import Catalog
import Crypto
import JSON
import Mesh
import ServiceKit

/// A stored head image: the full URL clients load and the path relative to the file host.
struct StoredImage: Sendable, Equatable {
    let url: String
    let relativePath: String
}

/// Why an avatar could not be stored.
enum AvatarRefusal: Refusal, Equatable {
    /// The text is not base64 (with or without a `data:image/…;base64,` prefix).
    case notBase64
    /// The content service refused it: not an image, or too big; its message says which.
    case rejected(String)

    var kind: ReplyKind { .invalidParams }

    var message: String {
        switch self {
        case .notBase64: "头像须为 base64 编码的图片"
        case .rejected(let reason): "头像修改失败：\(reason)"
        }
    }
}

/// Stores head images through the content service (`POST /internal/files.store`, purpose `avatar`).
struct AvatarFiles: Sendable {
    let mesh: MeshClient

    /// Stores the image `base64` (optionally a data URL) for `account`. The idempotency key is derived
    /// from the account and the image, so a retried upload of the same picture is stored once.
    func store(base64 text: String, for account: Int64, requestID: String?) async throws -> StoredImage {
        let payload = Self.payload(of: text)
        guard !payload.isEmpty, let bytes = Base64.decode(bytes: payload), !bytes.isEmpty else {
            throw AvatarRefusal.notBase64
        }
        let key = "user-avatar-\(account)-" + Hex.encode(Digest.sha256(bytes))
        // The strict decoder accepts canonical base64 only, so the payload is already the image's encoding.
        let encoded = String(decoding: payload, as: UTF8.self)
        let request = FilesStore.Request(contentBase64: encoded, purpose: "avatar")
        switch await mesh.call(FilesStore.self, request, idempotencyKey: key, requestID: requestID) {
        case .ok(let reply):
            return StoredImage(url: reply.imageURL, relativePath: reply.relativeImageURL)
        case .refused(let reply) where reply.kind == .invalidParams || reply.kind == .payloadTooLarge:
            throw AvatarRefusal.rejected(reply.message)
        case .refused(let reply):
            throw UpstreamFailure(contract: FilesStore.self, refusal: reply)
        case .failed(let error):
            throw UpstreamFailure(contract: FilesStore.self, error: error)
        }
    }

    /// The base64 text's bytes without a data-URL prefix and line breaks. A space stands for the `+`
    /// that a form body left unescaped (base64 has no spaces), so it is read back as `+`. One pass over
    /// the UTF-8 bytes: an avatar is megabytes of text.
    static func payload(of text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            var start = 0
            if bytes.count >= 5, bytes[0] == UInt8(ascii: "d"), bytes[1] == UInt8(ascii: "a"),
                bytes[2] == UInt8(ascii: "t"), bytes[3] == UInt8(ascii: "a"), bytes[4] == UInt8(ascii: ":")
            {
                var comma = 5
                while comma < bytes.count && bytes[comma] != UInt8(ascii: ",") { comma += 1 }
                if comma < bytes.count { start = comma + 1 }
            }
            var payload: [UInt8] = []
            payload.reserveCapacity(bytes.count - start)
            var index = start
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: " ") {
                    payload.append(UInt8(ascii: "+"))
                } else if byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r") {
                    payload.append(byte)
                }
                index += 1
            }
            return payload
        }
    }
}
