import ServiceKit
import Testing

@testable import AuthService

/// What a mini-program code may be asked for: WeChat's rules for scene, page and width.
struct MiniProgramCodeDraftTests {
    @Test(arguments: ["a", "0123456789abcdefABCDEF0123456789", "!#$&'()*+,/:;=?@-._~", "id=42&t=o2o"])
    func scenesWeChatAccepts(_ scene: String) throws {
        #expect(try MiniProgramCodeDraft(scene: scene, page: "pages/index/index", width: nil).scene == scene)
    }

    @Test(arguments: ["", String(repeating: "a", count: 33), "a b", "场景", "a%20", "a\"b", "a<b", "a\\b", "a\nb"])
    func scenesWeChatRefuses(_ scene: String) {
        #expect(throws: InputProblem.self) { try MiniProgramCodeDraft(scene: scene, page: "pages/index", width: nil) }
        do throws(InputProblem) {
            _ = try MiniProgramCodeDraft(scene: scene, page: "pages/index", width: nil)
        } catch {
            #expect(error.field == "scene" && error.kind == .invalidParams)
        }
    }

    @Test(arguments: ["index", "pages/severs/index/index", "pages/o2o_pay-2/index", String(repeating: "p", count: 128)])
    func relativePages(_ page: String) throws {
        #expect(try MiniProgramCodeDraft(scene: "s", page: page, width: nil).page == page)
    }

    @Test(arguments: [
        "", "/pages/index", "pages/index/", "pages//index", "pages/index.html", "pages/in dex", "pages/首页",
        "pages/index?x=1", "../pages", String(repeating: "p", count: 129),
    ])
    func pagesThatAreNotRelativePaths(_ page: String) {
        do throws(InputProblem) {
            _ = try MiniProgramCodeDraft(scene: "s", page: page, width: nil)
            Issue.record("accepted \(page)")
        } catch {
            #expect(error.field == "page" && error.kind == .invalidParams)
        }
    }

    @Test func widths() throws {
        #expect(try MiniProgramCodeDraft(scene: "s", page: "p", width: nil).width == 430)
        #expect(try MiniProgramCodeDraft(scene: "s", page: "p", width: 280).width == 280)
        #expect(try MiniProgramCodeDraft(scene: "s", page: "p", width: 1280).width == 1280)
        for width: Int64 in [0, -1, 279, 1281, Int64.max] {
            do throws(InputProblem) {
                _ = try MiniProgramCodeDraft(scene: "s", page: "p", width: width)
                Issue.record("accepted \(width)")
            } catch {
                #expect(error.field == "width")
            }
        }
    }
}
