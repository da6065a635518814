import JSON

/// What a client of one platform, channel and version is told about upgrading, as the app base API's
/// `upgrade` object: way 0 none, 1 suggested, 2 forced, 3 the app is closed.
struct UpgradeDecision: Sendable, Equatable {
    /// The app platforms of the yaf fixed parameter `platform`.
    static let iOS = 1
    static let android = 2

    let way: Int
    let target: VersionRecord?
    let platform: Int
    let originVersion: String

    /// The decision for a client at `current` among the published `versions` of its platform: the newest
    /// version above `current` is the target, preferring the client's channel's own row over the
    /// every-channel row of the same version; the way is the strictest of all versions above `current`
    /// (a forced version in between forces the upgrade even when the newest only suggests it).
    static func decide(
        current: AppVersion?, originText: String, platform: Int, channel: String, versions: [VersionRecord]
    ) -> UpgradeDecision {
        guard let current else {
            return UpgradeDecision(way: 0, target: nil, platform: platform, originVersion: originText)
        }
        let newer = versions.compactMap { record -> (AppVersion, VersionRecord)? in
            guard record.platform == platform, record.channel.isEmpty || record.channel == channel,
                let version = AppVersion(record.appVersion), current < version
            else { return nil }
            return (version, record)
        }
        let target = newer.max { left, right in
            if left.0 != right.0 { return left.0 < right.0 }
            return left.1.channel.isEmpty && !right.1.channel.isEmpty
        }
        let way = newer.map(\.1.upgradeWay).max() ?? 0
        return UpgradeDecision(way: way, target: target?.1, platform: platform, originVersion: originText)
    }

    /// The document's upgrade object; empty texts when there is nothing newer, no URL for iOS (the App
    /// Store is where iOS apps come from).
    var json: JSONValue {
        let url = platform == Self.iOS ? "" : (target?.downloadURL ?? "")
        return .object([
            "upgrade_way": .number(JSONNumber(way)),
            "app_v": .string(target?.appVersion ?? ""),
            "app_title": .string(target?.title ?? ""),
            "app_desc": .string(target?.description ?? ""),
            "app_url": .string(url),
            "dialog_repeat": .number(JSONNumber(target?.dialogRepeat == true ? 1 : 0)),
            "origin_v": .string(originVersion),
        ])
    }
}
