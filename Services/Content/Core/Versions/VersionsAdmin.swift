import JSON
import ServiceKit

/// Admin operations on app versions: `versions.list` (`platform`?), `versions.create` (`platform` 1 iOS or
/// 2 Android, `channel`? ("" for every channel), `app_v`, `title`?, `description`?, `download_url`?,
/// `upgrade_way` 1 suggest, 2 force or 3 close the app, `dialog_repeat`?), `versions.update` (`version_id`
/// and the texts, URL, way or repeat to change), `versions.publish`, `versions.withdraw`.
enum VersionsAdmin {
    static func register(on registry: inout ContentAdminRegistry) {
        let versions = registry.stores.versions
        let time = registry.stores.settings.displayTime
        let render: @Sendable (VersionRecord) -> JSONValue = { version in
            .object([
                "version_id": .number(JSONNumber(version.id)), "platform": .number(JSONNumber(version.platform)),
                "channel": .string(version.channel), "app_v": .string(version.appVersion),
                "title": .string(version.title),
                "description": .string(version.description), "download_url": .string(version.downloadURL),
                "upgrade_way": .number(JSONNumber(version.upgradeWay)), "dialog_repeat": .bool(version.dialogRepeat),
                "status": .string(version.status), "created_at": .string(time.format(version.createdAt)),
                "updated_at": .string(time.format(version.updatedAt)),
            ])
        }
        let changes: @Sendable (Parameters) throws -> VersionFields = { input in
            VersionFields(
                title: try input.adminText("title", maximum: 100),
                description: try input.adminText("description", maximum: 2000),
                downloadURL: try input.url("download_url"), upgradeWay: try input.integer("upgrade_way", in: 1...3),
                dialogRepeat: try input.bool("dialog_repeat"))
        }
        registry.on("versions.list", changes: false) { input in
            let platform = try input.integer("platform", in: 1...2)
            return .ok(.object(["versions": .array(try await versions.all(platform: platform).map(render))]))
        }
        registry.on("versions.create") { input in
            var fields = try changes(input)
            fields.platform = try input.integer("platform", in: 1...2, required: true)
            let channel = try input.adminText("channel", maximum: 50) ?? ""
            guard channel.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != 0x2C }) else {
                throw PlainRefusal.invalid("channel must be letters, digits, '_', '-' or '.'")
            }
            fields.channel = channel
            let appVersion = try input.adminText("app_v", maximum: 40, required: true)!
            guard AppVersion(appVersion) != nil else {
                throw PlainRefusal.invalid("app_v must be 1 to 4 numbers joined by dots, such as 1.10.0")
            }
            fields.appVersion = appVersion
            guard fields.upgradeWay != nil else { throw PlainRefusal.missing("upgrade_way") }
            guard let version = try await versions.create(fields) else {
                throw PlainRefusal(
                    .alreadyExists, "version \(appVersion) of this platform and channel exists already")
            }
            return .ok(render(version))
        }
        registry.on("versions.update") { input in
            let id = try input.id("version_id")
            guard let version = try await versions.update(id: id, try changes(input)) else {
                throw PlainRefusal.notFound("no version with version_id \(id)")
            }
            return .ok(render(version))
        }
        registry.publication("versions", table: .versions, idKey: "version_id") { id in
            try await versions.find(id: id).map(render)
        }
    }
}
