import JSON
import Mesh
import ServiceKit

/// Admin operations on operations centres: `centres.list`, `centres.create` (`name`, `app_id`) and
/// `centres.update` (`oper_id` and the fields to change). `app_id` is the WeChat app id of the centre's
/// O2O mini-program, 1 to 64 letters, digits, `_` or `-`, and belongs to one centre only.
struct CentresAdmin: Sendable {
    static let nameLimit = 100

    let stores: MerchantsStores
    var rendering: AdminRendering { AdminRendering(stores: stores) }

    func register(on handlers: inout AdminHandlers) {
        let admin = self
        handlers.on("centres.list") { _ in
            .ok(.object(["centres": .array(try await admin.stores.centres.all().map(admin.rendering.centre))]))
        }
        handlers.on("centres.create") { call in
            let input = call.parameters
            let name = try input.name("name", maximum: Self.nameLimit, creating: true) ?? ""
            let appID = try Self.appID(input, creating: true) ?? ""
            return .ok(admin.rendering.centre(try await admin.stores.centres.create(name: name, appID: appID)))
        }
        handlers.on("centres.update") { call in
            let input = call.parameters
            let id = try input.id("oper_id")
            let name = try input.name("name", maximum: Self.nameLimit, creating: false)
            guard
                let centre = try await admin.stores.centres.update(
                    id: id, name: name, appID: try Self.appID(input, creating: false))
            else { throw PlainRefusal.notFound("no operations centre with oper_id \(id)") }
            return .ok(admin.rendering.centre(centre))
        }
    }

    private static func appID(_ input: Parameters, creating: Bool) throws -> String? {
        guard let appID = try input.name("app_id", maximum: 64, creating: creating) else { return nil }
        let allowed = appID.utf8.allSatisfy { byte in
            Parameters.isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        guard allowed else { throw InputProblem("app_id", .malformed("须为 1 到 64 个字母、数字、_ 或 -")) }
        return appID
    }
}
