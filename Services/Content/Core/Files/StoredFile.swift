import JSON

/// A file the service keeps: its id, its content-addressed name and the URLs clients use.
struct StoredFile: Sendable, Equatable {
    let id: Int64
    let sha256: String
    let kind: ImageKind

    /// `/files/ab/abcd…ef.png`: the first two hex digits of the hash make a folder.
    var relativeURL: String { "/files/\(FileNames.relativePath(sha256: sha256, kind: kind))" }

    /// The app base API's upload answer: `file_id` as text,
    /// as the document's example writes it.
    func json(baseURL: String) -> JSONValue {
        .object([
            "file_id": .string(String(id)), "image_url": .string(baseURL + relativeURL),
            "relative_image_url": .string(relativeURL),
        ])
    }
}

/// The names files are kept and served under.
enum FileNames {
    static func relativePath(sha256: String, kind: ImageKind) -> String {
        "\(sha256.prefix(2))/\(sha256).\(kind.fileExtension)"
    }

    /// The hash and kind of a served path `ab/<64 hex>.<ext>`; nil for any other path, so nothing
    /// outside the files folder can be named.
    static func parse(_ path: String) -> (sha256: String, kind: ImageKind)? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 2 else { return nil }
        let name = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard name.count == 2, name[0].utf8.count == 64, let kind = ImageKind(fileExtension: String(name[1])),
            name[0].utf8.allSatisfy(isLowerHex), name[0].hasPrefix(parts[0])
        else { return nil }
        return (String(name[0]), kind)
    }

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }
}
