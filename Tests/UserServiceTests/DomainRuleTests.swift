import Crypto
import Foundation
import JSON
import ServiceKit
import Testing

@testable import UserService

/// Rules of the domain that need no database: movements, exchange rates, payment fields, personal
/// information and address fields.
struct DomainRuleTests {
    @Test func movementsChangeBalanceAndFrozen() {
        func movement(_ kind: WalletMovementKind, _ amount: Int64 = 100) -> WalletMovement {
            WalletMovement(kind: kind, account: 1, amount: amount, reference: nil, reason: nil, actor: "service")
        }
        #expect((movement(.credit).balanceChange, movement(.credit).frozenChange) == (100, 0))
        #expect((movement(.debit).balanceChange, movement(.debit).frozenChange) == (-100, 0))
        #expect((movement(.freeze).balanceChange, movement(.freeze).frozenChange) == (-100, 100))
        #expect((movement(.unfreeze).balanceChange, movement(.unfreeze).frozenChange) == (100, -100))
        #expect((movement(.settle).balanceChange, movement(.settle).frozenChange) == (0, -100))
        #expect(movement(.adjust, -50).balanceChange == -50)
        #expect(movement(.debit).shortfall == .insufficientBalance)
        #expect(movement(.freeze).shortfall == .insufficientBalance)
        #expect(movement(.settle).shortfall == .insufficientFrozen)
        #expect(movement(.unfreeze).shortfall == .insufficientFrozen)
    }

    @Test func fingerprintsDifferWithParameters() {
        let base = WalletMovement(kind: .debit, account: 1, amount: 100, reference: "A", reason: nil, actor: "service")
        let other = WalletMovement(kind: .debit, account: 1, amount: 101, reference: "A", reason: nil, actor: "service")
        let tricky = WalletMovement(
            kind: .debit, account: 1, amount: 100, reference: "A\",null", reason: nil, actor: "service")
        #expect(base.fingerprint != other.fingerprint)
        #expect(base.fingerprint != tricky.fingerprint)
        #expect(
            base.fingerprint
                == WalletMovement(kind: .debit, account: 1, amount: 100, reference: "A", reason: nil, actor: "user")
                .fingerprint)
    }

    /// `0004_idempotency_replies.sql` rebinds the keys stored before it with
    /// `sha256(operation || E'\n' || old fingerprint)`; the movements must compute the same.
    @Test func fingerprintsMatchTheKeysStoredBefore() {
        let movement = WalletMovement(
            kind: .debit, account: 7, amount: 100, reference: "订单-1", reason: nil, actor: "service")
        #expect(movement.fingerprint.hex == Hex.encode(Digest.sha256("wallet.debit\n[\"7\",100,\"订单-1\",null]")))
        let points = PointsMovement(kind: .spend, account: 7, points: 5, reference: nil, reason: "r", actor: "service")
        #expect(points.fingerprint.hex == Hex.encode(Digest.sha256("points.spend\n[\"7\",5,null,\"r\"]")))
    }

    @Test func pointsExchangeRate() {
        #expect(PointsRate(pointsPerYuan: 100).fen(for: 250) == 250)
        let coarse = PointsRate(pointsPerYuan: 1000)
        #expect(coarse.fen(for: 250) == 25)
        #expect(coarse.fen(for: 255) == nil)
        #expect(coarse.fen(for: Int64.max) == nil)
    }

    @Test func bankCardFields() throws {
        let card = try PaymentDetails(
            kind: .bankCard,
            parameters: Parameters([
                "account_number": "6228 4804 0256 4890 018", "account_name": "张龙", "bank_name": "建设银行",
                "bank_address": "深圳市车公庙支行",
            ]))
        #expect(card == .bankCard(number: "6228480402564890018", holder: "张龙", bank: "建设银行", branchAddress: "深圳市车公庙支行"))
        #expect(throws: PaymentRefusal.cardCheckDigit) {
            try PaymentDetails(
                kind: .bankCard,
                parameters: Parameters([
                    "account_number": "622866402148754396", "account_name": "张龙", "bank_name": "建设银行",
                    "bank_address": "深圳",
                ]))
        }
        #expect(throws: InputProblem("bank_name", .missing)) {
            try PaymentDetails(
                kind: .bankCard,
                parameters: Parameters([
                    "account_number": "6228480402564890018", "account_name": "张龙", "bank_address": "深圳",
                ]))
        }
    }

    @Test func walletAccounts() throws {
        #expect(PaymentDetails.isWalletAccount("15665544556", kind: .alipay))
        #expect(PaymentDetails.isWalletAccount("a@b.cn", kind: .alipay))
        #expect(!PaymentDetails.isWalletAccount("not an account", kind: .alipay))
        #expect(PaymentDetails.isWalletAccount("wxid_abc123", kind: .wechatPay))
        #expect(!PaymentDetails.isWalletAccount("1abcdef", kind: .wechatPay))
        #expect(PaymentDetails.isLink("http://domain/images/alipay/qrcode/15665544556.png"))
        #expect(!PaymentDetails.isLink("javascript:alert(1)"))
        #expect(throws: InputProblem("qrcode", .tooLong(maximum: 100))) {
            try PaymentDetails(
                kind: .alipay,
                parameters: Parameters([
                    "account_number": "15665544556",
                    "qrcode": .string("http://x/" + String(repeating: "a", count: 100)),
                ]))
        }
    }

    @Test func personalInfo() throws {
        let today = Date(timeIntervalSince1970: 1_750_000_000)
        let info = try PersonalInfo(
            mobile: Parameters([
                "tmMemberNickname": "龙龙", "tmRealName": "张龙", "tmSex": "M", "tmBirthday": "1980-01-01",
                "tmIdCard": "11010519491231002x",
            ]), today: today)
        #expect(info.sex == 1 && info.birthday == "1980-01-01" && info.idNumber.text == "11010519491231002X")
        #expect(throws: InputProblem.self) {
            try PersonalInfo(
                mobile: Parameters([
                    "tmMemberNickname": "龙龙", "tmRealName": "张龙", "tmSex": "X", "tmIdCard": "11010519491231002X",
                ]), today: today)
        }
        #expect(throws: InputProblem.self) {
            try PersonalInfo(
                mobile: Parameters([
                    "tmMemberNickname": "龙龙", "tmRealName": "张龙", "tmSex": "W", "tmBirthday": "2099-01-01",
                    "tmIdCard": "11010519491231002X",
                ]), today: today)
        }
        #expect(PersonalInfo.day("1980/02/29", today: today) == "1980-02-29")
        #expect(PersonalInfo.day("1981-02-29", today: today) == nil)
    }

    @Test func addressFields() throws {
        let values: JSONObject = [
            "tdProvince": "110000", "tdCity": "110100", "tdArea": "110101", "tdProvinceName": "北京市",
            "tdCityName": "市辖区", "tdAreaName": "东城区", "tdDetail": "东华门大街 1 号", "tdReciver": "张龙",
            "tdPhone": "13800138000", "tdPostcode": "100010",
        ]
        let draft = try AddressDraft(Parameters(values), names: .memberModify)
        #expect(draft.countyCode == "110101" && draft.postcode == "100010")
        var badPhone = values
        badPhone["tdPhone"] = "1380013800"
        #expect(throws: InputProblem.self) { try AddressDraft(Parameters(badPhone), names: .memberModify) }
        var badCode = values
        badCode["tdArea"] = "11010"
        #expect(throws: InputProblem.self) { try AddressDraft(Parameters(badCode), names: .memberModify) }
        var longDetail = values
        longDetail["tdDetail"] = .string(String(repeating: "路", count: 201))
        #expect(throws: InputProblem("tdDetail", .tooLong(maximum: 200))) {
            try AddressDraft(Parameters(longDetail), names: .memberModify)
        }
    }

    @Test func avatarPayloads() {
        #expect(AvatarFiles.payload(of: "data:image/png;base64,iVBO+w==") == Array("iVBO+w==".utf8))
        #expect(AvatarFiles.payload(of: "iVBO w==\n") == Array("iVBO+w==".utf8))
    }
}
