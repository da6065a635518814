import JSON
import Mesh
import ServiceKit

/// The user operations of the train-ticket mini-program (document 000): personal information with
/// the wallet, and the passengers ("contacts") tickets are booked for. Codes from its appendix:
/// 0023 for a wrong ID number or name, 0025 for a passenger added twice, 0024 when adding fails.
struct TrainUserOperations: Sendable {
    let domain: UserDomain

    func register(on handlers: inout OperationHandlers) {
        let operations = self
        let translation = RefusalTranslation(translate: Self.reply(for:))
        handlers.on(
            .train, "getUserInfo",
            translation.handler { call, account, _ in
                try await operations.userInfo(account, requestID: call.requestID)
            })
        handlers.on(
            .train, "addContacts",
            translation.handler { call, account, _ in
                try await operations.addContact(Parameters(call.parameters), for: account)
            })
        handlers.on(
            .train, "selectContacts",
            translation.handler { _, account, _ in
                try await operations.contacts(of: account)
            })
    }

    /// The document's personal information; the codec adds the reply's `sign`.
    func userInfo(_ account: Int64, requestID: String?) async throws -> CanonicalReply {
        let profile = try await domain.profiles.load(account)
        let facts = try await domain.accounts.facts(of: account, requestID: requestID)
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
        let idText = try parameters.required("indentity", maxLength: 18)
        let name = try parameters.required("name", maxLength: PersonName.maximumLength)
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

    /// The appendix's codes for the refusals of these operations.
    static func reply(for error: any Error) -> CanonicalReply? {
        switch error {
        case let problem as InputProblem:
            if problem.reason != .missing && (problem.field == "indentity" || problem.field == "name") {
                return .failure(.invalidParams, "身份证或者姓名有误，请检查", code: "0023")
            }
            return problem.reply(code: "0013")
        case let refusal as PassengerRefusal:
            switch refusal {
            case .invalidIDNumber, .invalidName: return .failure(.invalidParams, refusal.message, code: "0023")
            case .duplicate: return .failure(.alreadyExists, refusal.message, code: "0025")
            case .limitReached: return .failure(.invalidState, refusal.message, code: "0024")
            case .unsupportedIdentityType, .unknownPassengerType:
                return .failure(.invalidParams, refusal.message, code: "0013")
            }
        default:
            return nil
        }
    }
}
