/// The image formats uploads may have, recognised by their bytes (never by the file name or the
/// declared type).
enum ImageKind: String, Sendable, CaseIterable {
    case jpeg
    case png
    case gif
    case webp

    var mediaType: String { "image/\(rawValue)" }

    var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .gif: "gif"
        case .webp: "webp"
        }
    }

    init?(fileExtension: String) {
        guard let kind = ImageKind.allCases.first(where: { $0.fileExtension == fileExtension }) else { return nil }
        self = kind
    }

    /// The format whose signature `bytes` start with: JPEG `FF D8 FF`, PNG's eight-byte signature, GIF
    /// `GIF87a`/`GIF89a`, WebP `RIFF····WEBP`.
    init?(sniffing bytes: [UInt8]) {
        func starts(with prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<(offset + prefix.count)]) == prefix
        }
        if starts(with: [0xFF, 0xD8, 0xFF]) && bytes.count > 4 {
            self = .jpeg
        } else if starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && bytes.count > 16 {
            self = .png
        } else if (starts(with: Array("GIF87a".utf8)) || starts(with: Array("GIF89a".utf8))) && bytes.count > 10 {
            self = .gif
        } else if starts(with: Array("RIFF".utf8)) && starts(with: Array("WEBP".utf8), at: 8) && bytes.count > 16 {
            self = .webp
        } else {
            return nil
        }
    }
}
