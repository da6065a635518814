import ServiceKit

/// What a caller asks a mini-program code for, checked against WeChat's rules for
/// `wxacode.getUnlimited` before anyone is asked:
///
/// - `scene`: 1 to 32 characters, each a digit, an ASCII letter or one of ``!#$&'()*+,/:;=?@-._~``;
/// - `page`: 1 to 128 characters of letters, digits, `/`, `_` and `-`, a relative path (no leading or
///   trailing `/`, no empty segment), e.g. `pages/index/index`; WeChat itself also insists the page is
///   published (errcode 41030);
/// - `width`: 280 to 1280 pixels, 430 when not given.
struct MiniProgramCodeDraft: Sendable, Equatable {
    static let sceneLength = 1...32
    static let pageLength = 1...128
    static let widthRange = 280...1280
    static let defaultWidth = 430
    /// The punctuation WeChat allows in a scene besides digits and letters.
    static let scenePunctuation = Set("!#$&'()*+,/:;=?@-._~".utf8)

    let scene: String
    let page: String
    let width: Int

    /// The checked draft, or the problem with the first bad field.
    init(scene: String, page: String, width: Int64?) throws(InputProblem) {
        guard Self.isScene(scene) else {
            throw InputProblem(
                "scene", .malformed("1 到 32 个字符，只能是数字、英文字母或 !#$&'()*+,/:;=?@-._~"))
        }
        guard Self.isPage(page) else {
            throw InputProblem("page", .malformed("已发布页面的相对路径，如 pages/index/index，不以 / 开头"))
        }
        let width = width ?? Int64(Self.defaultWidth)
        guard Self.widthRange.contains(Int(clamping: width)) else {
            throw InputProblem("width", .malformed("\(Self.widthRange.lowerBound) 到 \(Self.widthRange.upperBound) 像素"))
        }
        self.scene = scene
        self.page = page
        self.width = Int(width)
    }

    static func isScene(_ text: String) -> Bool {
        sceneLength.contains(text.utf8.count)
            && text.utf8.allSatisfy { isAlphanumeric($0) || scenePunctuation.contains($0) }
    }

    static func isPage(_ text: String) -> Bool {
        guard pageLength.contains(text.utf8.count) else { return false }
        let segments = text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        return segments.allSatisfy { segment in
            !segment.isEmpty
                && segment.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
