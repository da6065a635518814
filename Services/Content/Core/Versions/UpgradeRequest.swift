import JSON
import ServiceKit

/// The fixed parameters of a yaf call that say which app asks: `app_v`, `platform` and `channel`.
/// A client that is no app sends `app_v` empty and gets no upgrade.
struct UpgradeRequest: Sendable {
    /// nil when the client sent no version.
    let version: AppVersion?
    let originText: String
    /// 1 iOS, 2 Android, 3 H5, 4 web; nil when not sent.
    let platform: Int?
    let channel: String

    init(_ parameters: JSONObject) throws(PlainRefusal) {
        let versionText = parameters["app_v"]?.scalarText ?? ""
        originText = versionText
        if versionText.isEmpty {
            version = nil
        } else {
            guard let version = AppVersion(versionText) else {
                throw .invalid("app_v 格式不正确：须为 1.0.0 这样由点分隔的数字")
            }
            self.version = version
        }
        let platformText = parameters["platform"]?.scalarText ?? ""
        if platformText.isEmpty {
            platform = nil
        } else {
            guard platformText.utf8.count == 1, let platform = Int(platformText), (1...4).contains(platform) else {
                throw .invalid("platform 须为 1（iOS）、2（Android）、3（H5）或 4（web）")
            }
            self.platform = platform
        }
        let channel = parameters["channel"]?.scalarText ?? ""
        guard channel.utf8.count <= 50,
            channel.utf8.allSatisfy({ byte in
                (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
                    || byte == 0x2D || byte == 0x2E
            })
        else { throw .invalid("channel 须为不超过 50 位的字母、数字、_、- 或 .") }
        self.channel = channel
    }
}
