import JSON
import ServiceKit

/// Admin operations on configuration keys: `config.list`, `config.get` (`key`), `config.set` (`key`, `value`
/// any JSON, `description`?; the keys the service reads must have their shape, see `ConfigKeys`),
/// `config.delete` (`key`).
enum AppConfigAdmin {
    static func register(on registry: inout ContentAdminRegistry) {
        let config = registry.stores.config
        let catalog = registry.stores.regions.catalog
        let cityCodes = Set(catalog.cityDirectory.map(\.code))
        let time = registry.stores.settings.displayTime
        let key: @Sendable (Parameters) throws -> String = { input in
            let key = try input.adminText("key", maximum: 64, required: true)!
            guard AppConfigStore.isValidKey(key) else {
                throw PlainRefusal.invalid(
                    "key must start with a lower-case letter and hold only a-z, 0-9, '_' and '.'")
            }
            return key
        }
        registry.on("config.list", changes: false) { _ in
            .ok(
                .object([
                    "config": .array(
                        try await config.all().map { entry in
                            .object([
                                "key": .string(entry.key), "value": entry.value,
                                "description": .string(entry.description),
                                "updated_at": .string(time.format(entry.updatedAt)),
                            ])
                        })
                ]))
        }
        registry.on("config.get", changes: false) { input in
            let name = try key(input)
            guard let value = try await config.value(name) else {
                throw PlainRefusal.notFound("no config key \(name)")
            }
            return .ok(.object(["key": .string(name), "value": value]))
        }
        registry.on("config.set") { input in
            let name = try key(input)
            guard let value = input.values["value"], !value.isNull else { throw PlainRefusal.missing("value") }
            guard value.serialized().utf8.count <= 64 * 1024 else {
                throw PlainRefusal.invalid("value must be at most 64 KiB of JSON")
            }
            if let problem = ConfigKeys.problem(key: name, value: value, isCity: { cityCodes.contains($0) }) {
                throw PlainRefusal.invalid(problem)
            }
            try await config.set(name, value: value, description: try input.adminText("description", maximum: 200))
            return .ok(.object(["key": .string(name), "value": value]))
        }
        registry.on("config.delete") { input in
            let name = try key(input)
            guard try await config.delete(name) else { throw PlainRefusal.notFound("no config key \(name)") }
            return .ok(.object(["key": .string(name), "deleted": true]))
        }
    }
}
