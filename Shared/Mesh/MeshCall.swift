import HTTPCore
import JSON

/// The caller as the gateway resolved it.
public struct CallerIdentity: Sendable, Equatable {
    public let userID: String
    public let openID: String?
    public let role: CallerRole?
    /// What auth knows of the account, when the session resolved it.
    public let facts: AccountFacts?

    public init(userID: String, openID: String? = nil, role: CallerRole? = nil, facts: AccountFacts? = nil) {
        self.userID = userID
        self.openID = openID
        self.role = role
        self.facts = facts
    }

    /// The account id as a number; nil when the id is not a positive integer.
    public var accountID: Int64? {
        guard let id = Int64(userID), id > 0 else { return nil }
        return id
    }
}

/// A client operation as a service receives it on `POST /op/{dialect}/{name}`: the business
/// parameters, the resolved caller and the facts the gateway added.
public struct MeshCall: Sendable {
    public let dialect: Dialect
    public let operation: String
    public let parameters: JSONObject
    public let caller: CallerIdentity?
    public let appID: String?
    public let token: String?
    public let sessionState: SessionState
    public let clientAddress: String?
    public let requestID: String?
    /// The role the request asks for (train `userRole`), whatever the session says.
    public let requestedRole: CallerRole?

    public init(
        dialect: Dialect, operation: String, parameters: JSONObject, caller: CallerIdentity? = nil,
        appID: String? = nil, token: String? = nil, sessionState: SessionState = .none, clientAddress: String? = nil,
        requestID: String? = nil, requestedRole: CallerRole? = nil
    ) {
        self.dialect = dialect
        self.operation = operation
        self.parameters = parameters
        self.caller = caller
        self.appID = appID
        self.token = token
        self.sessionState = sessionState
        self.clientAddress = clientAddress
        self.requestID = requestID
        self.requestedRole = requestedRole
    }

    /// The caller's account when the session is valid and names one; the one way services get it.
    public var accountID: Int64? { sessionState == .valid ? caller?.accountID : nil }

    /// Reads a mesh request whose route gave `dialect` and `operation`, with its body already read as
    /// `parameters`.
    public init(request: HTTPRequest, dialect: Dialect, operation: String, parameters: JSONObject) {
        let headers = request.headers
        self.init(
            dialect: dialect, operation: operation, parameters: parameters,
            caller: headers[MeshHeaders.userID].map {
                CallerIdentity(
                    userID: $0, openID: headers[MeshHeaders.openID],
                    role: headers[MeshHeaders.role].flatMap(CallerRole.init(rawValue:)),
                    facts: headers[MeshHeaders.accountPublicID].map { publicID in
                        AccountFacts(
                            mobile: headers[MeshHeaders.accountMobile], email: headers[MeshHeaders.accountEmail],
                            publicID: publicID, registeredAt: headers[MeshHeaders.accountRegisteredAt] ?? "")
                    })
            },
            appID: headers[MeshHeaders.appID], token: headers[MeshHeaders.token],
            sessionState: headers[MeshHeaders.sessionState].flatMap(SessionState.init(rawValue:)) ?? .none,
            clientAddress: headers[MeshHeaders.clientAddress], requestID: headers[MeshHeaders.requestID],
            requestedRole: headers[MeshHeaders.requestedRole].flatMap(CallerRole.init(rawValue:)))
    }

    /// The request the gateway sends for this call (the internal key is added by the sender).
    public func httpRequest() -> HTTPRequest {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json")
        if let requestID { headers.add(MeshHeaders.requestID, requestID) }
        if let caller {
            headers.add(MeshHeaders.userID, caller.userID)
            if let openID = caller.openID { headers.add(MeshHeaders.openID, openID) }
            if let role = caller.role { headers.add(MeshHeaders.role, role.rawValue) }
            if let facts = caller.facts {
                headers.add(MeshHeaders.accountPublicID, facts.publicID)
                headers.add(MeshHeaders.accountRegisteredAt, facts.registeredAt)
                if let mobile = facts.mobile { headers.add(MeshHeaders.accountMobile, mobile) }
                if let email = facts.email { headers.add(MeshHeaders.accountEmail, email) }
            }
        }
        if let appID { headers.add(MeshHeaders.appID, appID) }
        if let token { headers.add(MeshHeaders.token, token) }
        headers.add(MeshHeaders.sessionState, sessionState.rawValue)
        if let clientAddress { headers.add(MeshHeaders.clientAddress, clientAddress) }
        if let requestedRole { headers.add(MeshHeaders.requestedRole, requestedRole.rawValue) }
        return HTTPRequest(
            method: .post, target: "/op/\(dialect.rawValue)/\(operation)", headers: headers,
            body: JSONValue.object(parameters).serializedBytes())
    }
}
