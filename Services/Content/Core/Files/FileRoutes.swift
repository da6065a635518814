import HTTPCore
import ServiceKit

/// `GET /files/{ab}/{sha256}.{ext}`: the stored file, with the caching headers of content-addressed
/// names (the name changes when the content does, so a copy never goes stale): `ETag` (the hash),
/// `Cache-Control: public, max-age=31536000, immutable`, and `304 Not Modified` for a matching
/// `If-None-Match`. The gateway serves these paths to clients.
enum FileRoutes {
    static let cacheControl = "public, max-age=31536000, immutable"

    static func make(files: FileStore) -> Route {
        .get("/files/*") { context in
            guard let path = context.parameter("*"), let (sha256, kind) = FileNames.parse(path) else {
                throw HTTPError(.notFound, "no such file")
            }
            let etag = "\"\(sha256)\""
            var headers: HTTPHeaders = [
                "ETag": etag, "Cache-Control": cacheControl, "X-Content-Type-Options": "nosniff",
            ]
            if let asked = context.request.headers["If-None-Match"],
                asked.split(separator: ",").contains(where: {
                    $0.trimmingASCIISpaces() == etag || $0.trimmingASCIISpaces() == "*"
                })
            {
                return HTTPResponse(status: .notModified, headers: headers)
            }
            guard let bytes = try await files.read(sha256: sha256, kind: kind) else {
                throw HTTPError(.notFound, "no such file")
            }
            headers.add("Content-Type", kind.mediaType)
            return HTTPResponse(status: .ok, headers: headers, body: bytes)
        }
    }
}
