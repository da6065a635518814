/// Draws a mini-program code that opens a page of a mini-program with a scene (WeChat's
/// `wxacode.getUnlimited`). WeChat's own API and the development simulator implement it.
protocol MiniProgramCodeProvider: Sendable {
    /// The code that opens `page` of `app` with `scene`, about `width` pixels wide; the arguments have
    /// passed `MiniProgramCodeDraft`.
    func code(
        app: WeChatApp, scene: String, page: String, width: Int
    ) async throws(MiniProgramCodeError)
        -> MiniProgramCode
}

/// A mini-program code image as its maker gave it.
struct MiniProgramCode: Sendable, Equatable {
    /// `image/png` or `image/jpeg`.
    let contentType: String
    let bytes: [UInt8]
}
