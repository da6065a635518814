import Foundation

/// Reads files of this repository, whose root is found by walking up from this source file to the
/// first folder holding `Package.swift`.
enum RepositoryFile {
    static func root(from sourceFile: String = #filePath) throws -> URL {
        var folder = URL(fileURLWithPath: sourceFile).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        throw RepositoryFileError(path: sourceFile, reason: "no folder above it holds Package.swift")
    }

    /// The text of a file given by its path from the repository root, e.g. `deploy/Dockerfile`.
    static func text(_ relativePath: String) throws -> String {
        let url = try root().appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw RepositoryFileError(path: url.path, reason: "the file is missing or unreadable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RepositoryFileError(path: url.path, reason: "the file is not UTF-8 text")
        }
        return text
    }

    /// The lines of a file that are neither empty nor only spaces.
    static func nonEmptyLines(_ relativePath: String) throws -> [String] {
        try text(relativePath)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}

/// A repository file that could not be found or read.
struct RepositoryFileError: Error, CustomStringConvertible {
    let path: String
    let reason: String

    var description: String { "\(path): \(reason)" }
}
