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
        let outcome = await mesh.call(
            ProfilesGet.self, AccountRequest(accountID: account), requestID: requestID, timeout: deadline)
        guard case .ok(let profile) = outcome else { return nil }
        return ProfileFace(
            nickname: profile.nickname, realName: profile.realName, sex: Int(exactly: profile.sex),
            intro: profile.intro, headImageURL: profile.headImageURL)
    }

    /// Whether `account` carries the merchant flag; nil when the user service did not answer.
    func isMerchant(_ account: Int64, requestID: String?) async -> Bool? {
        guard let mesh else { return nil }
        switch await mesh.call(
            ProfilesGet.self, AccountRequest(accountID: account), requestID: requestID, timeout: deadline)
        {
        case .ok(let profile): return profile.isMerchant
        case .refused: return false
        case .failed: return nil
        }
    }
}
