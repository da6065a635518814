import Foundation
import JSON
import ServiceKit
import Testing

@testable import ContentService

/// The small rules of the content service: category codes, image recognition, file names, paging,
/// times and configuration shapes.
struct ContentRulesTests {
    @Test func categoryCodesFollowTheDocumentsScheme() {
        #expect(CategoryCode.code(parentCode: nil, number: 100) == "100000000000000000000000000000")
        #expect(
            CategoryCode.code(parentCode: "100000000000000000000000000000", number: 101)
                == "100101000000000000000000000000")
        #expect(CategoryCode.depth(of: "100101000000000000000000000000") == 2)
        #expect(CategoryCode.prefix(of: "101100000000000000000000000000") == "101100")
        #expect(CategoryCode.number(of: "100101000000000000000000000000", depth: 2) == 101)
    }

    @Test func imagesAreRecognisedByTheirBytes() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 20)
        #expect(ImageKind(sniffing: png) == .png)
        #expect(ImageKind(sniffing: [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) == .jpeg)
        #expect(ImageKind(sniffing: Array("GIF89a".utf8) + Array(repeating: 0, count: 10)) == .gif)
        #expect(ImageKind(sniffing: Array("RIFF\0\0\0\0WEBPVP8 ".utf8) + [0, 0, 0, 0]) == .webp)
        #expect(ImageKind(sniffing: Array("<html>not an image</html>".utf8)) == nil)
        #expect(ImageKind(sniffing: Array("%PDF-1.7".utf8) + Array(repeating: 0, count: 20)) == nil)
        #expect(ImageKind(sniffing: []) == nil)
    }

    @Test func onlyContentAddressedNamesAreServed() {
        let hash = String(repeating: "ab", count: 32)
        #expect(FileNames.parse("ab/\(hash).png")?.kind == .png)
        #expect(FileNames.parse("cd/\(hash).png") == nil)
        #expect(FileNames.parse("ab/\(hash).exe") == nil)
        #expect(FileNames.parse("../\(hash).png") == nil)
        #expect(FileNames.parse("ab/\(hash.uppercased()).png") == nil)
        #expect(FileNames.parse("ab/ab/\(hash).png") == nil)
    }

    @Test func pagesAreCheckedAndCountedAsTheDocumentShows() throws {
        #expect(try PageRequest(nil, size: 20).page == 1)
        #expect(try PageRequest("3", size: 20).offset == 40)
        #expect(try PageRequest(.number(2), size: 20).page == 2)
        for bad: JSONValue in ["0", "-1", "1.5", "abc", "99999999999999999999", .number(1_000_001)] {
            #expect(throws: PlainRefusal.self) { try PageRequest(bad, size: 20) }
        }
        let reply = PageRequest(page: 2, size: 20).reply(list: [], total: 41)
        #expect(reply["isnext"] == true)
        #expect(PageRequest(page: 3, size: 20).reply(list: [], total: 41)["isnext"] == false)
    }

    @Test func displayTimesRoundTrip() throws {
        let time = DisplayTime(zone: try #require(TimeZone(identifier: "Asia/Shanghai")))
        let date = try #require(time.parse("2024-02-29 23:59:58"))
        #expect(time.format(date) == "2024-02-29 23:59:58")
        #expect(date.timeIntervalSince1970 == 1_709_222_398)
        #expect(time.parse("2023-02-29 00:00:00") == nil)
        #expect(time.parse("2024-13-01 00:00:00") == nil)
        #expect(time.parse("2024-1-01 00:00:00") == nil)
        #expect(time.parse("2024-01-01") != nil)
    }

    @Test func configurationKeysTheServiceReadsMustFit() {
        let isCity: (String) -> Bool = { $0 == "440300" }
        #expect(ConfigKeys.problem(key: "hot_city_codes", value: ["440300"], isCity: isCity) == nil)
        #expect(ConfigKeys.problem(key: "hot_city_codes", value: ["440305"], isCity: isCity) != nil)
        #expect(ConfigKeys.problem(key: "app_about", value: ["txt": "关于", "url": "/docs"], isCity: isCity) == nil)
        #expect(ConfigKeys.problem(key: "app_about", value: "https://example.com", isCity: isCity) != nil)
        #expect(
            ConfigKeys.problem(
                key: "refuel_bag", value: [["amount": "20", "name": "铜", "picture": "1"]], isCity: isCity) == nil)
        #expect(ConfigKeys.problem(key: "refuel_bag", value: [["amount": 20]], isCity: isCity) != nil)
        #expect(ConfigKeys.problem(key: "anything_else", value: [1, 2, 3], isCity: isCity) == nil)
        #expect(AppConfigStore.isValidKey("refuel_bag"))
        #expect(!AppConfigStore.isValidKey("Refuel"))
        #expect(!AppConfigStore.isValidKey("a;drop"))
    }

    @Test func urlsOfAdminInputAreHTTPOrOurPaths() {
        #expect(Parameters.isURL("https://example.com/x?y=1"))
        #expect(Parameters.isURL("/files/ab/cd.png"))
        #expect(!Parameters.isURL("//evil.example.com"))
        #expect(!Parameters.isURL("javascript:alert(1)"))
        #expect(!Parameters.isURL("https://exa mple.com"))
    }
}
