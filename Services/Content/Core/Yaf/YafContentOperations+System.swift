import JSON
import Mesh
import ServiceKit

extension YafContentOperations {
    /// `system.init`: the token's status, the upgrade decision, the start ad, the configured URLs and the
    /// newest dialog notice, in one answer.
    func initialize(_ call: OperationCall) async throws -> CanonicalReply {
        let client = try UpgradeRequest(call.mesh.parameters)
        let upgrade = try await decideUpgrade(client)
        let shared: JSONValue = try await stores.cache.value("yaf.init") {
            let startAd = try await stores.ads.shown(position: settings.startAdPosition, limit: 1).first
            let config = try await stores.config.values([ConfigKeys.homeRightButtonURL] + ConfigKeys.menuButtons)
            let dialog = try await stores.notices.dialog()
            var object: JSONObject = [
                "start_ad": startAd.map { YafRendering.ad($0, settings: settings) } ?? .object([:]),
                "app_home_right_btn_url": .string(
                    settings.absoluteURL(config[ConfigKeys.homeRightButtonURL]?.stringValue ?? "")),
            ]
            for key in ConfigKeys.menuButtons {
                let button = config[key]
                object[key] = .object([
                    "txt": .string(button?["txt"]?.stringValue ?? ""),
                    "url": .string(settings.absoluteURL(button?["url"]?.stringValue ?? "")),
                ])
            }
            object["notice_dialog"] =
                dialog.map { notice in
                    .object([
                        "title": .string(notice.title), "summary": .string(notice.summary),
                        "edition": .string(notice.edition),
                    ])
                } ?? .object([:])
            return .object(object)
        }
        var data: JSONObject = [
            "token_status": .number(call.mesh.sessionState == .valid ? 1 : 0), "upgrade": upgrade.json,
        ]
        if case .object(let rest) = shared { data.merge(rest) }
        return Self.ok(.object(data))
    }

    /// `system.upgrade` (also spelled `app.upgrade`): the same upgrade object `system.init` carries.
    func upgrade(_ call: OperationCall) async throws -> CanonicalReply {
        let client = try UpgradeRequest(call.mesh.parameters)
        return Self.ok(try await decideUpgrade(client).json)
    }

    private func decideUpgrade(_ client: UpgradeRequest) async throws -> UpgradeDecision {
        guard let version = client.version, let platform = client.platform,
            platform == UpgradeDecision.iOS || platform == UpgradeDecision.android
        else {
            return UpgradeDecision(
                way: 0, target: nil, platform: client.platform ?? 0, originVersion: client.originText)
        }
        let versions = try await stores.cache.value("versions.\(platform)") {
            try await stores.versions.published(platform: platform)
        }
        return UpgradeDecision.decide(
            current: version, originText: client.originText, platform: platform, channel: client.channel,
            versions: versions)
    }

    /// `system.ads`: the ads of one position on show now.
    func ads(_ call: OperationCall) async throws -> CanonicalReply {
        let input = call.parameters
        let code = try input.required("code", maxLength: 64)
        guard AdPosition.isValid(code) else { throw PlainRefusal.invalid("code 须为 1-50 位字母、数字、_、- 或 .") }
        let list: JSONValue = try await stores.cache.value("yaf.ads.\(code)") {
            .array(try await stores.ads.shown(position: code).map { YafRendering.ad($0, settings: settings) })
        }
        return Self.ok(.object(["list": list]))
    }

    /// `system.home`: the home page's ads.
    func home() async throws -> CanonicalReply {
        let ads: JSONValue = try await stores.cache.value("yaf.home") {
            .array(
                try await stores.ads.shown(position: settings.homeAdPosition).map {
                    YafRendering.ad($0, settings: settings)
                })
        }
        return Self.ok(.object(["ads": ads]))
    }

    /// `system.link`: the link categories with their published links.
    func links() async throws -> CanonicalReply {
        let list: JSONValue = try await stores.cache.value("yaf.links") {
            var groups: [(id: Int64, name: String, links: [JSONValue])] = []
            for (category, link) in try await stores.links.shown() {
                let item: JSONValue = .object([
                    "link_name": .string(link.name), "link_url": .string(link.url),
                    "image_url": .string(link.imageURL.isEmpty ? "" : settings.absoluteURL(link.imageURL)),
                ])
                if groups.last?.id == category.id {
                    groups[groups.count - 1].links.append(item)
                } else {
                    groups.append((category.id, category.name, [item]))
                }
            }
            return .array(
                groups.map { group in
                    .object([
                        "cat_id": YafRendering.number(group.id), "cat_name": .string(group.name),
                        "links": .array(group.links),
                    ])
                })
        }
        return Self.ok(.object(["list": list]))
    }

    /// `system.category.list`: the categories of one type below `parentid` (0: all of them), as a tree.
    func categories(_ call: OperationCall) async throws -> CanonicalReply {
        let input = call.parameters
        let parent = try input.integer("parentid", in: Int64.min...Int64.max) ?? 0
        guard parent >= 0 else { throw PlainRefusal.invalid("parentid 须为 0 或分类 ID") }
        let typeText = try input.required("cat_type", maxLength: 20)
        guard let number = Int(typeText), let type = CategoryType(rawValue: number) else {
            throw PlainRefusal.invalid("cat_type 须为 1（文章分类）、2（友情链接）或 3（商品分类）")
        }
        let tree: JSONValue = try await stores.cache.value("yaf.categories.\(type.rawValue).\(parent)") {
            let categories = try await stores.categories.all(type: type)
            if parent != 0 && !categories.contains(where: { $0.id == parent }) { return .null }
            return YafRendering.categoryTree(categories, parent: parent == 0 ? nil : parent)
        }
        guard !tree.isNull else { throw PlainRefusal.notFound("分类不存在") }
        return Self.ok(tree)
    }

    /// `system.upload`: stores the posted image (multipart part `image`) and answers its URLs.
    func upload(_ call: OperationCall) async throws -> CanonicalReply {
        guard let value = call.mesh.parameters["image"], !value.isNull else { throw PlainRefusal.missing("image") }
        guard let file = try await BlockingWork.run({ YafUploadedFile(json: value) }) else {
            throw PlainRefusal.invalid("image 须为表单上传的文件")
        }
        switch try await stores.files.store(file.bytes, purpose: "upload") {
        case .success(let stored): return Self.ok(stored.json(baseURL: settings.publicBaseURL), message: "上传成功")
        case .failure(let refusal): throw PlainRefusal.invalid(refusal.message)
        }
    }
}
