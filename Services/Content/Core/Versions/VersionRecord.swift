import Foundation
import Postgres

/// One app version as stored.
struct VersionRecord: Sendable, Equatable {
    static let columns =
        "id, platform, channel, app_v, title, description, download_url, upgrade_way, dialog_repeat, "
        + "status, created_at, updated_at"

    let id: Int64
    let platform: Int
    let channel: String
    let appVersion: String
    let title: String
    let description: String
    let downloadURL: String
    let upgradeWay: Int
    let dialogRepeat: Bool
    let status: String
    let createdAt: Date
    let updatedAt: Date

    init(
        id: Int64, platform: Int, channel: String, appVersion: String, title: String, description: String,
        downloadURL: String, upgradeWay: Int, dialogRepeat: Bool, status: String, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.platform = platform
        self.channel = channel
        self.appVersion = appVersion
        self.title = title
        self.description = description
        self.downloadURL = downloadURL
        self.upgradeWay = upgradeWay
        self.dialogRepeat = dialogRepeat
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        platform = try row.decode("platform")
        channel = try row.decode("channel")
        appVersion = try row.decode("app_v")
        title = try row.decode("title")
        description = try row.decode("description")
        downloadURL = try row.decode("download_url")
        upgradeWay = try row.decode("upgrade_way")
        dialogRepeat = try row.decode("dialog_repeat")
        status = try row.decode("status")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
    }
}

/// The fields an admin gives when creating or editing a version; nil leaves a field as it is.
struct VersionFields: Sendable {
    var platform: Int64?
    var channel: String?
    var appVersion: String?
    var title: String?
    var description: String?
    var downloadURL: String?
    var upgradeWay: Int64?
    var dialogRepeat: Bool?
}
