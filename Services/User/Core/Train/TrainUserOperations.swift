import JSON
import Mesh
import ServiceKit

/// The user operations of the train-ticket mini-program (document 000): personal information with
/// the wallet, and the passengers ("contacts") tickets are booked for (the appendix's codes are
/// `PassengerRefusal`'s).
struct TrainUserOperations: Sendable {
    let domain: UserDomain

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        handlers.on(.train, "getUserInfo", access: .account) { call in
            try await operations.userInfo(call.account, call: call.mesh)
        }
        handlers.on(.train, "addContacts", access: .account) { call in
            try await operations.addContact(call.parameters, for: call.account)
        }
        handlers.on(.train, "selectContacts", access: .account) { call in
            try await operations.contacts(of: call.account)
        }
    }

    /// The document's personal information; the codec adds the reply's `sign`.
    func userInfo(_ account: Int64, call: MeshCall) async throws -> CanonicalReply {
        let profile = try await domain.profiles.load(account)
        let facts = try await domain.accounts.facts(of: account, call: call)
        return .ok(
            .object([
                "userId": .string(String(account)),
                "userPhoneno": .string(facts?.mobile ?? ""),
                "amount": Yuan.number(fen: profile.balance),
                "coolAmount": Yuan.number(fen: profile.frozen),
                "userImage": .string(profile.headImageURL ?? ""),
                "userName": .string(profile.nickname ?? ""),
                // The platform keeps no WeChat id or 12306 account: both stay empty.
                "userWxno": "",
                "userStatus": .string(profile.isVerified ? "authened" : "wait_authen"),
                "userBirthday": .string(profile.birthday ?? ""),
                "userIdentity": .string(profile.idNumber ?? ""),
                "realName": .string(profile.realName ?? ""),
                "benefitRate": .string(profile.benefitRate),
                "customerAccount": "",
            ]))
    }

    func addContact(_ parameters: Parameters, for account: Int64) async throws -> CanonicalReply {
        let idText = try Self.identityField(parameters, "indentity", maxLength: 18)
        let name = try Self.identityField(parameters, "name", maxLength: PersonName.maximumLength)
        let typeText = try parameters.required("linkmanType", maxLength: 10)
        let identityType = try parameters.required("indentityType", maxLength: 10)
        guard identityType == PassengerRecord.identityTypeName || identityType.lowercased() == "resident_id" else {
            throw PassengerRefusal.unsupportedIdentityType
        }
        guard let type = PassengerType(text: typeText) else { throw PassengerRefusal.unknownPassengerType }
        guard PersonName.isValid(name) else { throw PassengerRefusal.invalidName }
        let idNumber: ResidentIDNumber
        do {
            idNumber = try ResidentIDNumber(idText)
        } catch {
            throw PassengerRefusal.invalidIDNumber(error)
        }
        _ = try await domain.passengers.add(NewPassenger(name: name, idNumber: idNumber, type: type), for: account)
        return CanonicalReply(kind: .ok, message: "成功")
    }

    /// Every passenger with the document's fields (`userId`, `indentity`, `name`, `status`) and, for
    /// clients that show or pick them, the passenger's `id`, `linkmanType` and `indentityType`.
    func contacts(of account: Int64) async throws -> CanonicalReply {
        let passengers = try await domain.passengers.list(of: account)
        return .ok(
            .array(
                passengers.map { passenger in
                    .object([
                        "userId": .string(String(account)),
                        "indentity": .string(passenger.idNumber),
                        "name": .string(passenger.name),
                        // Every saved passenger passed the ID number check.
                        "status": "authened",
                        "id": .number(JSONNumber(passenger.id)),
                        "linkmanType": .string(passenger.type.documentName),
                        "indentityType": .string(PassengerRecord.identityTypeName),
                    ])
                }))
    }

    /// The ID number or the name: missing is a missing parameter, malformed is the document's 0023.
    private static func identityField(_ parameters: Parameters, _ key: String, maxLength: Int) throws -> String {
        guard parameters.has(key) else { throw InputProblem(key, .missing) }
        guard let text = try? parameters.text(key, maxLength: maxLength) else {
            throw PassengerRefusal.identityMalformed
        }
        return text
    }
}
