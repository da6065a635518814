import Foundation
import JSON
import Postgres

/// One configuration key and its JSON value.
struct ConfigEntry: Sendable, Equatable {
    let key: String
    let value: JSONValue
    let description: String
    let updatedAt: Date
}

/// Application configuration keys in `content.app_config`: the URLs of `system.init`, the train
/// mini-program's `appConfig` keys (`refuel_bag` …), the hot cities.
struct AppConfigStore: Sendable {
    let database: PostgresPool

    static func isValidKey(_ key: String) -> Bool {
        guard let first = key.utf8.first, (1...64).contains(key.utf8.count),
            first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")
        else { return false }
        return key.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }

    func value(_ key: String) async throws -> JSONValue? {
        try await values([key])[key]
    }

    /// The values of those of `keys` that are set.
    func values(_ keys: [String]) async throws -> [String: JSONValue] {
        guard !keys.isEmpty else { return [:] }
        let rows = try await database.query(
            """
            SELECT key, value::text AS value FROM content.app_config
             WHERE key = ANY(string_to_array(\(keys.joined(separator: ",")), ','))
            """)
        var values: [String: JSONValue] = [:]
        for row in rows {
            let text: String = try row.decode("value")
            values[try row.decode("key")] = try JSONValue.parse(Array(text.utf8))
        }
        return values
    }

    func all() async throws -> [ConfigEntry] {
        try await database.query(
            "SELECT key, value::text AS value, description, updated_at FROM content.app_config ORDER BY key"
        ).map { row in
            let text: String = try row.decode("value")
            return ConfigEntry(
                key: try row.decode("key"), value: try JSONValue.parse(Array(text.utf8)),
                description: try row.decode("description"), updatedAt: try row.decode("updated_at"))
        }
    }

    func set(_ key: String, value: JSONValue, description: String?) async throws {
        try await database.execute(
            """
            INSERT INTO content.app_config (key, value, description)
            VALUES (\(key), \(PostgresValue.json(value.serialized())), \(description ?? ""))
            ON CONFLICT (key) DO UPDATE
               SET value = EXCLUDED.value, description = COALESCE(\(description), content.app_config.description),
                   updated_at = now()
            """)
    }

    /// Removes `key`; false when it was not set.
    func delete(_ key: String) async throws -> Bool {
        try await database.execute("DELETE FROM content.app_config WHERE key = \(key)") > 0
    }
}
