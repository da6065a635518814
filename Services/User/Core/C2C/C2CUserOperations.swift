import JSON
import Mesh
import ServiceKit

/// The customer operations of the C2C exchange (document 002): a customer's details, and their
/// payment methods (bank card, Alipay, WeChat Pay). The business table's codes are `PaymentRefusal`'s.
struct C2CUserOperations: Sendable {
    let domain: UserDomain

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(.c2c, "user.user.getUserInfoById", access: .account) { call in
            try await operations.userInfo(call.mesh, account: call.account)
        }
        handlers.on(.c2c, "user.payment.addPayment", access: .account) { call in
            let parameters = call.parameters
            let details = try PaymentDetails(kind: try Self.kind(parameters), parameters: parameters)
            let record = try await operations.domain.paymentMethods.add(details, for: call.account)
            return .ok(["id": .string(String(record.id))])
        }
        handlers.on(.c2c, "user.payment.updatePayment", access: .account) { call in
            let parameters = call.parameters
            let kind = try Self.kind(parameters)
            let id = try parameters.requiredPositiveInteger("id")
            let details = try PaymentDetails(kind: kind, parameters: parameters)
            let record = try await operations.domain.paymentMethods.update(id, with: details, for: call.account)
            return .ok(["type": .string(String(kind.rawValue)), "id": .string(String(record.id))])
        }
        handlers.on(.c2c, "user.payment.delPayment", access: .account) { call in
            let parameters = call.parameters
            let kind = try Self.kind(parameters)
            let id = try parameters.requiredPositiveInteger("id")
            try await operations.domain.paymentMethods.delete(id, kind: kind, for: call.account)
            return .ok(["type": .string(String(kind.rawValue)), "id": .string(String(id))])
        }
        handlers.on(.c2c, "user.payment.getPaymentInfoById", access: .account) { call in
            let parameters = call.parameters
            let kind = try Self.kind(parameters)
            let id = try parameters.requiredPositiveInteger("id")
            guard let record = try await operations.domain.paymentMethods.find(id, kind: kind, of: call.account) else {
                throw PaymentRefusal.notFound
            }
            return .ok(.object(Self.fields(of: record.details)))
        }
        handlers.on(.c2c, "user.payment.getPaymentList", access: .account) { call in
            try await operations.paymentList(of: call.account)
        }
    }

    /// The customer's details. The document asks by id; a customer reads only their own record
    /// (an administrator reads anyone's through the admin surface). `area` and `address` are those of
    /// the customer's default delivery address.
    func userInfo(_ call: MeshCall, account: Int64) async throws -> CanonicalReply {
        let asked = try Parameters(call.parameters).requiredPositiveInteger("id", maximum: Int64.max)
        guard asked == account || call.caller?.role == .admin else {
            return .failure(.forbidden, "只能查看自己的客户信息")
        }
        let profile = try await domain.profiles.load(asked)
        let facts = try await domain.accounts.facts(of: asked, call: call)
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
}
