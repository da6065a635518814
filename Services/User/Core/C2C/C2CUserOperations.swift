import JSON
import Mesh
import ServiceKit

/// The customer operations of the C2C exchange (document 002): a customer's details, and their
/// payment methods (bank card, Alipay, WeChat Pay). Codes from its business table: 1000 record not
/// found, 1001 no permission, 20012 / 20016 bank card number wrong / malformed, 20013 card already
/// used (by this customer), 304 exists, 1004 out of range, 404 parameter wrong.
struct C2CUserOperations: Sendable {
    let domain: UserDomain

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        let translation = RefusalTranslation(translate: Self.reply(for:))
        handlers.on(
            .c2c, "user.user.getUserInfoById",
            translation.handler { call, account, _ in
                try await operations.userInfo(call, account: account)
            })
        handlers.on(
            .c2c, "user.payment.addPayment",
            translation.handler { call, account, _ in
                let parameters = Parameters(call.parameters)
                let details = try PaymentDetails(kind: try Self.kind(parameters), parameters: parameters)
                let record = try await operations.domain.paymentMethods.add(details, for: account)
                return .ok(["id": .string(String(record.id))])
            })
        handlers.on(
            .c2c, "user.payment.updatePayment",
            translation.handler { call, account, _ in
                let parameters = Parameters(call.parameters)
                let kind = try Self.kind(parameters)
                let id = try parameters.requiredPositiveInteger("id")
                let details = try PaymentDetails(kind: kind, parameters: parameters)
                let record = try await operations.domain.paymentMethods.update(id, with: details, for: account)
                return .ok(["type": .string(String(kind.rawValue)), "id": .string(String(record.id))])
            })
        handlers.on(
            .c2c, "user.payment.delPayment",
            translation.handler { call, account, _ in
                let parameters = Parameters(call.parameters)
                let kind = try Self.kind(parameters)
                let id = try parameters.requiredPositiveInteger("id")
                try await operations.domain.paymentMethods.delete(id, kind: kind, for: account)
                return .ok(["type": .string(String(kind.rawValue)), "id": .string(String(id))])
            })
        handlers.on(
            .c2c, "user.payment.getPaymentInfoById",
            translation.handler { call, account, _ in
                let parameters = Parameters(call.parameters)
                let kind = try Self.kind(parameters)
                let id = try parameters.requiredPositiveInteger("id")
                guard let record = try await operations.domain.paymentMethods.find(id, kind: kind, of: account) else {
                    throw PaymentRefusal.notFound
                }
                return .ok(.object(Self.fields(of: record.details)))
            })
        handlers.on(
            .c2c, "user.payment.getPaymentList",
            translation.handler { _, account, _ in
                try await operations.paymentList(of: account)
            })
    }

    /// The customer's details. The document asks by id; a customer reads only their own record
    /// (an administrator reads anyone's through the admin surface). `area` and `address` are those of
    /// the customer's default delivery address.
    func userInfo(_ call: MeshCall, account: Int64) async throws -> CanonicalReply {
        let asked = try Parameters(call.parameters).requiredPositiveInteger("id", maximum: Int64.max)
        guard asked == account || call.caller?.role == "admin" else {
            return .failure(.forbidden, "只能查看自己的客户信息")
        }
        let profile = try await domain.profiles.load(asked)
        let facts = try await domain.accounts.facts(of: asked, requestID: call.requestID)
        let address = try await domain.addresses.defaultAddress(of: asked)
        return .ok(
            .object([
                "mobile_phone": .string(facts?.mobile ?? ""),
                "realname": .string(profile.realName ?? ""),
                "nickname": .string(profile.nickname ?? ""),
                "sex": .string(String(profile.sex)),
                "headerpic": .string(profile.headImagePath ?? ""),
                "email": .string(facts?.email ?? ""),
                "borndate": .string(profile.birthday ?? ""),
                "area": .string(address?.area ?? ""),
                "address": .string(address?.detail ?? ""),
            ]))
    }

    /// The lists grouped by type as the document shows them; each item also carries its `id`, which
    /// the update, delete and detail operations ask for.
    func paymentList(of account: Int64) async throws -> CanonicalReply {
        let records = try await domain.paymentMethods.list(of: account)
        var groups = JSONObject()
        for kind in PaymentKind.allCases {
            let items = records.filter { $0.details.kind == kind }.map { record in
                var fields: JSONObject = ["id": .string(String(record.id))]
                fields.merge(Self.fields(of: record.details))
                return JSONValue.object(fields)
            }
            groups[kind.listKey] = .array(items)
        }
        return .ok(.object(groups))
    }

    /// The fields of one method as the document's detail tables list them.
    static func fields(of details: PaymentDetails) -> JSONObject {
        switch details {
        case .bankCard(let number, let holder, let bank, let branchAddress):
            [
                "account_number": .string(number), "account_name": .string(holder), "bank_name": .string(bank),
                "bank_address": .string(branchAddress),
            ]
        case .wallet(_, let account, let qrcode):
            ["account_number": .string(account), "qrcode": .string(qrcode)]
        }
    }

    static func kind(_ parameters: Parameters) throws -> PaymentKind {
        let text = try parameters.required("type", maxLength: 1)
        guard let number = Int(text), let kind = PaymentKind(rawValue: number) else {
            throw InputProblem("type", .malformed("须为 1（银行卡）、2（支付宝）或 3（微信支付）"))
        }
        return kind
    }

    static func reply(for error: any Error) -> CanonicalReply? {
        switch error {
        case let problem as InputProblem:
            return problem.reply(code: "404")
        case let refusal as PaymentRefusal:
            switch refusal {
            case .notFound: return .failure(.notFound, refusal.message, code: "1000")
            case .duplicate(.bankCard): return .failure(.alreadyExists, refusal.message, code: "20013")
            case .duplicate: return .failure(.alreadyExists, refusal.message, code: "304")
            case .limitReached: return .failure(.invalidParams, refusal.message, code: "1004")
            case .cardMalformed: return .failure(.invalidParams, refusal.message, code: "20016")
            case .cardCheckDigit: return .failure(.invalidParams, refusal.message, code: "20012")
            case .accountMalformed: return .failure(.invalidParams, refusal.message, code: "404")
            }
        default:
            return nil
        }
    }
}
