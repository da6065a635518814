import JSON
import Mesh
import ServiceKit

/// The public face of an account that the sign-in replies show (nickname, name, sex, introduction,
/// head image), owned by the user service.
struct ProfileFace: Sendable, Equatable {
    var nickname: String?
    var realName: String?
    /// 0 unknown, 1 male, 2 female, as the user service keeps it.
    var sex: Int?
    var intro: String?
    var headImageURL: String?
}

/// Asks the user service for an account's profile (`profiles.get`) when a sign-in answers with it. The
/// sign-in must not depend on that service: when it does not answer within the deadline, the reply
/// carries what the account itself knows.
struct ProfileLookup: Sendable {
    let mesh: MeshClient?
    var deadline: Duration = .seconds(1)

    func face(of account: Int64, requestID: String?) async -> ProfileFace? {
        guard let mesh else { return nil }
        let reply = try? await mesh.call(
            .user, "profiles.get", ["account_id": .string(String(account))], requestID: requestID, timeout: deadline)
        guard let reply, reply.kind == .ok, case .object(let data)? = reply.data else { return nil }
        return ProfileFace(
            nickname: data["nickname"]?.stringValue, realName: data["real_name"]?.stringValue,
            sex: data["sex"]?.scalarText.flatMap { Int($0) }, intro: data["intro"]?.stringValue,
            headImageURL: data["head_image_url"]?.stringValue)
    }
}
