import JSON
import Mesh
import ServiceKit

/// The JSON the internal and admin operations answer with: amounts in fen as integers, ids as text.
enum InternalReplies {
    static func profile(_ profile: ProfileRecord) -> JSONValue {
        .object([
            "account_id": .string(String(profile.accountID)),
            "nickname": profile.nickname.map(JSONValue.string) ?? .null,
            "real_name": profile.realName.map(JSONValue.string) ?? .null,
            "sex": .number(JSONNumber(profile.sex)),
            "birthday": profile.birthday.map(JSONValue.string) ?? .null,
            "id_number": profile.idNumber.map(JSONValue.string) ?? .null,
            "verified": .bool(profile.isVerified),
            "intro": .string(profile.intro),
            "head_image_url": profile.headImageURL.map(JSONValue.string) ?? .null,
            "head_image_path": profile.headImagePath.map(JSONValue.string) ?? .null,
            "is_merchant": .bool(profile.isMerchant),
            "benefit_rate": .string(profile.benefitRate),
            "balance": .number(JSONNumber(profile.balance)),
            "frozen": .number(JSONNumber(profile.frozen)),
            "points": .number(JSONNumber(profile.points)),
        ])
    }

    static func passenger(_ passenger: PassengerRecord) -> JSONValue {
        .object([
            "id": .string(String(passenger.id)),
            "account_id": .string(String(passenger.accountID)),
            "name": .string(passenger.name),
            "id_type": "resident_id",
            "id_number": .string(passenger.idNumber),
            "passenger_type": .string(passenger.type.rawValue),
        ])
    }

    static func address(_ address: AddressRecord) -> JSONValue {
        .object([
            "id": .string(String(address.id)),
            "account_id": .string(String(address.accountID)),
            "province_code": .string(address.provinceCode),
            "city_code": .string(address.cityCode),
            "county_code": .string(address.countyCode),
            "province_name": .string(address.provinceName),
            "city_name": .string(address.cityName),
            "county_name": .string(address.countyName),
            "detail": .string(address.detail),
            "receiver": .string(address.receiver),
            "phone": .string(address.phone),
            "postcode": address.postcode.map(JSONValue.string) ?? .null,
            "is_default": .bool(address.isDefault),
        ])
    }

    static func balances(_ account: Int64, _ balances: WalletBalances) -> JSONValue {
        .object([
            "account_id": .string(String(account)),
            "balance": .number(JSONNumber(balances.balance)),
            "frozen": .number(JSONNumber(balances.frozen)),
            "points": .number(JSONNumber(balances.points)),
        ])
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

    /// A movement's outcome: `ok` with the ledger entry and the wallet after it, or the refusal; both
    /// say whether this was the answer to a key used before (`replayed`).
    static func outcome(_ outcome: MovementOutcome, account: Int64) -> CanonicalReply {
        switch outcome {
        case .applied(let entry, let replayed):
            .ok(
                .object([
                    "account_id": .string(String(account)),
                    "entry_id": .string(String(entry.id)),
                    "kind": .string(entry.kind),
                    "balance": .number(JSONNumber(entry.balanceAfter)),
                    "frozen": .number(JSONNumber(entry.frozenAfter)),
                    "replayed": .bool(replayed),
                ]))
        case .refused(let refusal, let replayed):
            CanonicalReply(
                kind: refusal.reply.kind, message: refusal.message,
                data: ["refusal": .string(refusal.rawValue), "replayed": .bool(replayed)])
        }
    }

    static func outcome(_ outcome: PointsOutcome, account: Int64) -> CanonicalReply {
        switch outcome {
        case .applied(let entry, let replayed):
            .ok(
                .object([
                    "account_id": .string(String(account)),
                    "entry_id": .string(String(entry.id)),
                    "change": .number(JSONNumber(entry.change)),
                    "points": .number(JSONNumber(entry.pointsAfter)),
                    "replayed": .bool(replayed),
                ]))
        case .refused(let refusal, let replayed):
            CanonicalReply(
                kind: refusal.reply.kind, message: refusal.message,
                data: ["refusal": .string(refusal.rawValue), "replayed": .bool(replayed)])
        }
    }
}
