import Foundation
import JSON
import Testing

@testable import ContentService

/// Version numbers compare number by number, and the upgrade decision follows the strictest newer
/// version.
struct AppVersionTests {
    @Test func versionsCompareNumerically() throws {
        #expect(try #require(AppVersion("1.10.0")) > #require(AppVersion("1.9.3")))
        #expect(try #require(AppVersion("2")) > #require(AppVersion("1.99.99")))
        #expect(try #require(AppVersion("1.2")) == #require(AppVersion("1.2.0")))
        #expect(try #require(AppVersion("0.0.1")) < #require(AppVersion("0.1")))
    }

    @Test func malformedVersionsAreRefused() {
        for text in ["", "1.", ".1", "1..2", "v1.0", "1.0.x", "1.2.3.4.5", "1.0.0-beta", " 1.0", "1234567890.0", "-1"] {
            #expect(AppVersion(text) == nil, "\(text)")
        }
    }

    private static func version(
        _ id: Int64, _ appV: String, way: Int, channel: String = "", platform: Int = 2
    )
        -> VersionRecord
    {
        VersionRecord(
            id: id, platform: platform, channel: channel, appVersion: appV, title: "v\(appV)", description: "",
            downloadURL: "https://example.com/\(appV)\(channel)", upgradeWay: way, dialogRepeat: way == 2,
            status: "published", createdAt: Date(), updatedAt: Date())
    }

    @Test func theStrictestNewerVersionDecides() {
        let versions = [
            Self.version(1, "1.0.0", way: 1), Self.version(2, "1.1.0", way: 2), Self.version(3, "1.10.0", way: 1),
            Self.version(4, "1.10.0", way: 1, channel: "huawei"), Self.version(5, "9.0.0", way: 1, platform: 1),
        ]
        let old = UpgradeDecision.decide(
            current: AppVersion("1.0.5"), originText: "1.0.5", platform: 2, channel: "", versions: versions)
        #expect(old.way == 2)
        #expect(old.target?.appVersion == "1.10.0")
        #expect(old.target?.channel == "")
        let onChannel = UpgradeDecision.decide(
            current: AppVersion("1.9.3"), originText: "1.9.3", platform: 2, channel: "huawei", versions: versions)
        #expect(onChannel.way == 1)
        #expect(onChannel.target?.channel == "huawei")
        let latest = UpgradeDecision.decide(
            current: AppVersion("1.10"), originText: "1.10", platform: 2, channel: "", versions: versions)
        #expect(latest.way == 0)
        #expect(
            latest.json == [
                "upgrade_way": 0, "app_v": "", "app_title": "", "app_desc": "", "app_url": "", "dialog_repeat": 0,
                "origin_v": "1.10",
            ])
    }

    @Test func iOSAnswersNoDownloadURL() {
        let decision = UpgradeDecision.decide(
            current: AppVersion("1.0"), originText: "1.0", platform: 1, channel: "",
            versions: [Self.version(1, "2.0", way: 1, platform: 1)])
        #expect(decision.way == 1)
        #expect(decision.json["app_url"] == "")
        #expect(decision.json["app_v"] == "2.0")
    }
}
