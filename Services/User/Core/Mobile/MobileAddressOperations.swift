import JSON
import Mesh
import ServiceKit

/// The delivery-address operations of the mobile mall (document 004, section 7): save from WeChat
/// H5, get one, add or edit, make default, list.
struct MobileAddressOperations: Sendable {
    let domain: UserDomain

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(.mobile, "weixinapi/address", access: .account) { call in
            try await operations.saveFromWeChat(call)
        }
        handlers.on(.mobile, "member/addr/get", access: .account) { call in
            let id = try call.parameters.requiredPositiveInteger("id", maximum: Int64.max)
            guard let address = try await operations.domain.addresses.find(id, of: call.account) else {
                throw AddressRefusal.notFound
            }
            return .ok(MobileAddressJSON.object(address))
        }
        handlers.on(.mobile, "member/modify", access: .account) { call in
            try await operations.save(call)
        }
        handlers.on(.mobile, "member/addr/defualt", access: .account) { call in
            let id = try call.parameters.requiredPositiveInteger("id", maximum: Int64.max)
            try await operations.domain.addresses.makeDefault(id, for: call.account)
            return .ok(true)
        }
        handlers.on(.mobile, "member/addr/addrList", access: .account) { call in
            let addresses = try await operations.domain.addresses.list(of: call.account)
            return MobileReplies.ok("操作成功", data: .array(addresses.map(MobileAddressJSON.object)))
        }
    }

    /// Adds the address (`tdId` absent) or replaces the caller's address `tdId`; answers `addrId`.
    func save(_ call: OperationCall) async throws -> CanonicalReply {
        let parameters = call.parameters
        let id = try parameters.positiveInteger("tdId", maximum: Int64.max)
        let draft = try AddressDraft(parameters, names: .memberModify)
        if let id, try await domain.addresses.find(id, of: call.account) == nil { throw AddressRefusal.notFound }
        let checked = try await domain.regionCheck.check(draft, requestID: call.requestID)
        let saved =
            if let id {
                try await domain.addresses.update(id, with: checked, for: call.account)
            } else {
                try await domain.addresses.add(checked, for: call.account)
            }
        return MobileReplies.ok("操作成功", data: ["addrId": .number(JSONNumber(saved.id))])
    }

    /// The WeChat H5 form. `openId` must be the WeChat user the session belongs to, when the session
    /// knows one.
    func saveFromWeChat(_ call: OperationCall) async throws -> CanonicalReply {
        let parameters = call.parameters
        let openID = try parameters.required("openId", maxLength: 64)
        if let sessionOpenID = call.mesh.caller?.openID, sessionOpenID != openID {
            return .failure(.forbidden, "openId 与登录的微信用户不符")
        }
        let draft = try AddressDraft(parameters, names: .weixin)
        let checked = try await domain.regionCheck.check(draft, requestID: call.requestID)
        _ = try await domain.addresses.add(checked, for: call.account)
        return .ok(true)
    }
}
