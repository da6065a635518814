/// Why migrations could not be applied; each case names the file or setting to fix.
public enum MigrationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The schema name is not of the form `[a-z_][a-z0-9_]*` (at most 63 characters).
    case invalidSchemaName(String)
    /// The migrations directory could not be listed.
    case unreadableDirectory(path: String, reason: String)
    /// A migration file could not be read as UTF-8 text.
    case unreadableFile(file: String, reason: String)
    /// A `.sql` file is not named `NNNN_name.sql` (digits, underscore, letters/digits/`_`/`-`).
    case malformedFileName(String)
    /// Several files share one version number.
    case duplicateVersion(version: String, files: [String])
    /// A file that was already applied has changed since; it is not run again.
    case checksumMismatch(version: String, file: String)
    /// A migration failed and was rolled back; later migrations were not attempted.
    case migrationFailed(version: String, file: String, underlying: PostgresError)

    public var description: String {
        switch self {
        case let .invalidSchemaName(name):
            return "schema name '\(name)' must match [a-z_][a-z0-9_]* and be at most 63 characters"
        case let .unreadableDirectory(path, reason):
            return "cannot list the migrations directory \(path): \(reason)"
        case let .unreadableFile(file, reason):
            return "cannot read migration \(file): \(reason)"
        case let .malformedFileName(file):
            return "migration file '\(file)' must be named NNNN_name.sql (name of letters, digits, '_' or '-')"
        case let .duplicateVersion(version, files):
            return "migration version \(version) is used by several files: \(files.joined(separator: ", "))"
        case let .checksumMismatch(version, file):
            return "migration \(file) (version \(version)) was changed after it was applied; "
                + "add a new migration instead of editing an applied one"
        case let .migrationFailed(version, file, underlying):
            return "migration \(file) (version \(version)) failed and was rolled back: \(underlying)"
        }
    }
}
