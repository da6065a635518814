/// WeChat's `wxacode.getUnlimited` as development and test see it: a PNG of a real QR code (level M,
/// 4-module quiet zone, `width` pixels wide or a little more) whose text is
///
///     https://mp.weixin.qq.com/a/<app id>?page=<page>&scene=<scene>
///
/// with the app id, page and scene each percent-encoded (every byte except the RFC 3986 unreserved
/// `A–Z a–z 0–9 - . _ ~` as `%XX`, upper-case hex; so `/` in the page is `%2F`). Any QR reader, or a
/// test, recovers the three from the picture. It never refuses: it cannot know which pages are
/// published.
struct MiniProgramCodeSimulator: MiniProgramCodeProvider {
    static let payloadPrefix = "https://mp.weixin.qq.com/a/"

    func code(
        app: WeChatApp, scene: String, page: String, width: Int
    ) throws(MiniProgramCodeError)
        -> MiniProgramCode
    {
        let text = Self.payload(appID: app.id, scene: scene, page: page)
        let code: QRCode
        do {
            code = try QRCode.encode(text: text, errorCorrection: .medium)
        } catch {
            throw MiniProgramCodeError(.unreachable("the simulator cannot draw \(text.utf8.count) bytes: \(error)"))
        }
        return MiniProgramCode(
            contentType: PNGEncoder.contentType, bytes: PNGEncoder.encode(QRImageLayout.draw(code, width: width)))
    }

    /// The text of the simulated code.
    static func payload(appID: String, scene: String, page: String) -> String {
        let encode = WeChatAPIClient.percentEncoded
        return payloadPrefix + encode(appID) + "?page=" + encode(page) + "&scene=" + encode(scene)
    }
}
