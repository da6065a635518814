import Foundation

/// One `NNNN_name.sql` migration read from disk.
struct MigrationFile: Sendable {
    /// The numeric prefix as written in the file name, such as `0001`.
    let version: String
    /// The numeric value of the prefix; files are applied in this order.
    let order: UInt64
    /// The part of the file name between the prefix and `.sql`.
    let name: String
    let fileName: String
    let sql: String
    let checksum: String

    /// Parses `NNNN_name.sql`; nil when the name does not have that form.
    static func parseName(_ fileName: String) -> (version: String, order: UInt64, name: String)? {
        guard fileName.hasSuffix(".sql") else { return nil }
        let stem = fileName.dropLast(4)
        guard let underscore = stem.firstIndex(of: "_") else { return nil }
        let version = stem[..<underscore]
        let name = stem[stem.index(after: underscore)...]
        guard !version.isEmpty, version.count <= 18, version.allSatisfy({ $0.isASCII && $0.isNumber }),
            let order = UInt64(version), !name.isEmpty,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        else { return nil }
        return (String(version), order, String(name))
    }

    /// Reads every `.sql` file of `directory`, sorted by version; other files are ignored. Blocking: call it
    /// off the Swift concurrency pool.
    static func loadAll(from directory: URL) throws -> [MigrationFile] {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw MigrationError.unreadableDirectory(path: directory.path, reason: error.localizedDescription)
        }
        var migrations: [MigrationFile] = []
        for fileName in entries.sorted() where fileName.hasSuffix(".sql") && !fileName.hasPrefix(".") {
            guard let parsed = parseName(fileName) else { throw MigrationError.malformedFileName(fileName) }
            let sql: String
            do {
                sql = try String(contentsOf: directory.appendingPathComponent(fileName), encoding: .utf8)
            } catch {
                throw MigrationError.unreadableFile(file: fileName, reason: error.localizedDescription)
            }
            migrations.append(
                MigrationFile(
                    version: parsed.version, order: parsed.order, name: parsed.name, fileName: fileName, sql: sql,
                    checksum: StableHash.checksum(of: sql)))
        }
        let byOrder = Dictionary(grouping: migrations, by: \.order)
        if let duplicate = byOrder.values.filter({ $0.count > 1 }).min(by: { $0[0].order < $1[0].order }) {
            let files = duplicate.map(\.fileName).sorted()
            throw MigrationError.duplicateVersion(version: duplicate[0].version, files: files)
        }
        return migrations.sorted { $0.order < $1.order }
    }
}
