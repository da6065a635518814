import Catalog
import JSON
import Mesh
import ServiceKit

/// The member operations of the mobile mall (document 004): personal information, head image, the
/// member centre (`MobileMemberCentre`), instant-messaging account and the points-to-balance exchange.
struct MobileMemberOperations: Sendable {
    let domain: UserDomain

    /// Longest base64 head image passed on: the text of an image of `ImageLimit.bytes`; the content
    /// service checks the decoded image against the same limit.
    static let maximumImageText = ImageLimit.base64Characters

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(.mobile, "member/saveinfo", access: .account) { call in
            let info = try PersonalInfo(mobile: call.parameters)
            try await operations.domain.profiles.save(info, for: call.account)
            return .ok(true)
        }
        handlers.on(.mobile, "member/updateheadpic", access: .account) { call in
            try await operations.updateHeadImage(call)
        }
        handlers.on(.mobile, "member/index", access: .account) { call in
            try await MobileMemberCentre(domain: operations.domain).reply(call)
        }
        handlers.on(.mobile, "member/im", access: .account) { call in
            let login = try await operations.domain.profiles.imAccount(of: call.account)
            return .ok(["pwd": .string(login.password), "name": .string(login.name)])
        }
        handlers.on(.mobile, "member/exchangescore", access: .account) { call in
            let score = try call.parameters.requiredPositiveInteger(
                "score", maximum: PointsMovement.maximumPoints)
            let fen = try await operations.domain.exchange.exchange(score, for: call.account)
            return MobileReplies.ok("操作成功", data: ["balance": Yuan.shortNumber(fen: fen)])
        }
    }

    /// Stores the base64 image through the content service and makes it the member's head image;
    /// answers the stored image's path, as the document's example answers the picture's name.
    func updateHeadImage(_ call: OperationCall) async throws -> CanonicalReply {
        guard let value = call.mesh.parameters["headpic"], !value.isNull, value != .string("") else {
            throw InputProblem("headpic", .missing)
        }
        guard case .string(let text) = value else { throw InputProblem("headpic", .notScalar) }
        guard text.utf8.count <= Self.maximumImageText else {
            throw InputProblem("headpic", .tooLong(maximum: Self.maximumImageText))
        }
        let image = try await domain.avatars.store(base64: text, for: call.account, requestID: call.requestID)
        try await domain.profiles.setHeadImage(image, for: call.account)
        return MobileReplies.ok("头像修改成功", data: .string(image.relativePath))
    }
}
