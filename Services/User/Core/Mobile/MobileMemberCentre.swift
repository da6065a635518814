import JSON
import Mesh
import ServiceKit

/// The member centre of the mobile mall (document 004, 8.1.1, `member/index`): the member with their
/// account (balance and points), the coupons and the order counts, written with a numeric `code` as the
/// example shows.
///
/// Where the values come from:
/// - `tmId` and `memberAccount.tmcId`: the account id (the wallet is the account's own);
///   `memberAccount.tmcAccountNo`: that id in 13 digits, as long as the example's account number;
/// - `tmMemberPhone`: the account's mobile (null for a member known by e-mail only);
///   `tmMemberNickname`: the profile's nickname, else the masked mobile, else the e-mail, as the login
///   reply shows the member; `headImg`: the stored head image's path (`member/updateheadpic`), null
///   before one is set; `tokenVo`: `{}` as in the example;
/// - `memberAccount.tmcBalance`: the wallet's available balance in yuan (the frozen part left out);
///   `tmcMemberScore` and `tmcEnableScore`: the points held, all of them usable (the platform freezes
///   no points);
/// - `tmRegisterType` 7, `tmMemberType` 1, `tmMemberActivate` 1, `tmMemberGrade` 0 and `tmVip` 0: the
///   document gives no table of these codes; the platform has one kind of member, an ordinary activated
///   member without grade or VIP, and writes the example's values for it;
/// - `couponNum`: 0, since the platform has no coupons;
/// - `orderStatusNums`: `"11"` to `"15"` from the orders service (`OrdersCounts`, which says what each
///   number counts).
struct MobileMemberCentre: Sendable {
    /// The example's codes for an ordinary, activated member.
    static let registerType = 7
    static let memberType = 1
    static let activated = 1

    let domain: UserDomain

    func reply(_ call: OperationCall) async throws -> CanonicalReply {
        let account = call.account
        let profile = try await domain.profiles.load(account)
        guard let facts = try await domain.accounts.facts(of: account, call: call.mesh) else {
            return .failure(.accountNotFound, "账号未注册")
        }
        let counts = try await domain.orderCounts.counts(of: account, requestID: call.requestID)
        var statusNumbers = JSONObject()
        for (key, count) in counts.statusNumbers { statusNumbers[key] = .integer(count) }
        let shownName =
            profile.nickname ?? facts.mobile.map(YafUserOperations.maskedMobile) ?? facts.email ?? ""
        let member: JSONObject = [
            "tmRegisterType": .integer(Int64(Self.registerType)), "tmMemberActivate": .integer(Int64(Self.activated)),
            "memberAccount": .object([
                "tmcMemberScore": .integer(profile.points), "tmcAccountNo": .string(Self.accountNumber(account)),
                "tmcEnableScore": .integer(profile.points), "tmcId": .integer(account),
                "tmcBalance": Yuan.shortNumber(fen: profile.balance),
            ]),
            "tmMemberType": .integer(Int64(Self.memberType)), "tmId": .integer(account),
            "headImg": profile.headImagePath.map(JSONValue.string) ?? .null, "tokenVo": .object([:]),
            "tmMemberPhone": facts.mobile.map(JSONValue.string) ?? .null, "tmMemberGrade": 0,
            "tmMemberNickname": .string(shownName), "tmVip": 0,
        ]
        return MobileReplies.ok(
            "操作成功",
            data: .object(["member": .object(member), "couponNum": 0, "orderStatusNums": .object(statusNumbers)]))
    }

    /// The account id in 13 digits, zeros in front (`0000000000289`).
    static func accountNumber(_ account: Int64) -> String {
        let digits = String(account)
        return String(repeating: "0", count: max(0, 13 - digits.count)) + digits
    }
}
