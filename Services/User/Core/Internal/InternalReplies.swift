import JSON
import Mesh
import ServiceKit

/// The contracts' replies built from the service's records (amounts in fen), shared by the internal
/// and admin operations.
enum InternalReplies {
    static func profile(_ profile: ProfileRecord) -> ProfilesGet.Reply {
        ProfilesGet.Reply(
            accountID: profile.accountID, nickname: profile.nickname, realName: profile.realName,
            sex: Int64(profile.sex), birthday: profile.birthday, idNumber: profile.idNumber,
            verified: profile.isVerified, intro: profile.intro, headImageURL: profile.headImageURL,
            headImagePath: profile.headImagePath, isMerchant: profile.isMerchant, benefitRate: profile.benefitRate,
            balance: profile.balance, frozen: profile.frozen, points: profile.points)
    }

    static func passenger(_ passenger: PassengerRecord) -> ContactsGet.Reply {
        ContactsGet.Reply(
            id: passenger.id, accountID: passenger.accountID, name: passenger.name, idType: "resident_id",
            idNumber: passenger.idNumber, passengerType: passenger.type.rawValue)
    }

    static func address(_ address: AddressRecord) -> AddressesGet.Reply {
        AddressesGet.Reply(
            id: address.id, accountID: address.accountID, provinceCode: address.provinceCode,
            cityCode: address.cityCode, countyCode: address.countyCode, provinceName: address.provinceName,
            cityName: address.cityName, countyName: address.countyName, detail: address.detail,
            receiver: address.receiver, phone: address.phone, postcode: address.postcode,
            isDefault: address.isDefault)
    }

    static func balances(_ account: Int64, _ balances: WalletBalances) -> WalletGet.Reply {
        WalletGet.Reply(
            accountID: account, balance: balances.balance, frozen: balances.frozen, points: balances.points)
    }

    static func entry(_ entry: LedgerEntry) -> JSONValue {
        .object([
            "id": .string(String(entry.id)),
            "kind": .string(entry.kind),
            "balance_change": .number(JSONNumber(entry.balanceChange)),
            "frozen_change": .number(JSONNumber(entry.frozenChange)),
            "balance": .number(JSONNumber(entry.balanceAfter)),
            "frozen": .number(JSONNumber(entry.frozenAfter)),
            "reference": entry.reference.map(JSONValue.string) ?? .null,
            "reason": entry.reason.map(JSONValue.string) ?? .null,
            "actor": .string(entry.actor),
            "created_at": .string(DisplayTime.china.format(entry.createdAt)),
        ])
    }

    /// A movement's outcome: the ledger entry and the wallet after it, or the refusal with
    /// `{"refusal","replayed"}`; both say whether this answers a key used before.
    static func answer(_ outcome: MovementOutcome, account: Int64) -> MeshAnswer<WalletMovementReply> {
        switch outcome {
        case .applied(let applied, let replayed):
            .ok(
                WalletMovementReply(
                    accountID: account, entryID: applied.entryID, kind: applied.kind, balance: applied.balance,
                    frozen: applied.frozen, replayed: replayed))
        case .refused(let refusal, let replayed):
            .refused(refused(refusal, replayed: replayed))
        }
    }

    static func answer(_ outcome: PointsOutcome, account: Int64) -> MeshAnswer<PointsMovementReply> {
        switch outcome {
        case .applied(let entry, let replayed):
            .ok(
                PointsMovementReply(
                    accountID: account, entryID: entry.id, change: entry.change, points: entry.pointsAfter,
                    replayed: replayed))
        case .refused(let refusal, let replayed):
            .refused(refused(refusal, replayed: replayed))
        }
    }

    private static func refused(_ refusal: WalletRefusal, replayed: Bool) -> CanonicalReply {
        CanonicalReply(
            kind: refusal.reply.kind, message: refusal.message,
            data: ["refusal": .string(refusal.rawValue), "replayed": .bool(replayed)])
    }
}
