import Crypto
import Foundation
import Postgres
import ServiceKit

/// Why an upload was refused, in words for the person who sent it.
enum UploadRefusal: Error, Sendable, Equatable {
    case notAnImage
    case tooLarge(limit: Int)
    case empty

    var message: String {
        switch self {
        case .notAnImage: "只能上传 JPEG、PNG、GIF 或 WebP 图片（按文件内容识别）"
        case .tooLarge(let limit): "图片不能超过 \(limit / 1024 / 1024 >= 1 ? "\(limit / 1024 / 1024) MiB" : "\(limit) 字节")"
        case .empty: "上传的文件是空的"
        }
    }
}

/// Uploaded images, content-addressed: the bytes go to `<folder>/<ab>/<sha256>.<ext>` (written to a
/// temporary name, then renamed), the row in `content.files` gives them an id. The same bytes
/// stored twice are the same file. Disk work runs on `BlockingWork`, never on request threads.
struct FileStore: Sendable {
    let database: PostgresPool
    let folder: URL
    let maxBytes: Int

    /// Stores `bytes` as an image for `purpose`.
    func store(_ bytes: [UInt8], purpose: String) async throws -> Result<StoredFile, UploadRefusal> {
        guard !bytes.isEmpty else { return .failure(.empty) }
        guard bytes.count <= maxBytes else { return .failure(.tooLarge(limit: maxBytes)) }
        guard let kind = ImageKind(sniffing: bytes) else { return .failure(.notAnImage) }
        let folder = self.folder
        let sha256 = try await BlockingWork.run {
            let sha256 = Hex.encode(Digest.sha256(bytes))
            try FileStore.write(
                bytes, to: folder.appendingPathComponent(FileNames.relativePath(sha256: sha256, kind: kind)))
            return sha256
        }
        let rows = try await database.query(
            """
            INSERT INTO content.files (sha256, media_type, extension, size, purpose)
            VALUES (\(sha256), \(kind.mediaType), \(kind.fileExtension), \(bytes.count), \(purpose))
            ON CONFLICT (sha256) DO UPDATE SET sha256 = EXCLUDED.sha256
            RETURNING id
            """)
        return .success(StoredFile(id: try rows[0].decode("id"), sha256: sha256, kind: kind))
    }

    /// The bytes of a stored file, nil when there is none under that name.
    func read(sha256: String, kind: ImageKind) async throws -> [UInt8]? {
        let path = folder.appendingPathComponent(FileNames.relativePath(sha256: sha256, kind: kind)).path
        return try await BlockingWork.run {
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            return [UInt8](data)
        }
    }

    /// Writes `bytes` to `target` unless a file is already there (same name, same content).
    private static func write(_ bytes: [UInt8], to target: URL) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: target.path) { return }
        let directory = target.deletingLastPathComponent()
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(
            ".\(target.lastPathComponent).\(SecureRandom.token(bytes: 6)).part")
        try Data(bytes).write(to: temporary)
        do {
            try manager.moveItem(at: temporary, to: target)
        } catch {
            try? manager.removeItem(at: temporary)
            if !manager.fileExists(atPath: target.path) { throw error }
        }
    }
}
