import HTTPClient
import HTTPCore
import ServiceKit

/// The phone-credit provider reached over Juhe's protocol (`JuheProtocol`): Juhe itself at its https
/// base URL, or the simulator at `http://…/sandbox/juhe`. The requests and the reading of the answers
/// are the same for both; only the endpoint and the credentials differ.
struct JuheClient: PhoneTopUpProvider {
    /// Sends one request (its target relative to the API's base URL) and answers the whole response.
    typealias Transport = @Sendable (HTTPRequest) async throws(ProviderUnreachable) -> HTTPResponse

    let credentials: JuheCredentials
    private let transport: Transport

    init(credentials: JuheCredentials, transport: @escaping Transport) {
        self.credentials = credentials
        self.transport = transport
    }

    /// The client of the API at `endpoint`, each call bounded by `timeout`.
    init(endpoint: ProviderEndpoint, client: HTTPClient, timeout: Duration, credentials: JuheCredentials) {
        self.init(credentials: credentials) { request throws(ProviderUnreachable) in
            try await endpoint.send(request, client: client, timeout: timeout)
        }
    }

    func check(phone: String, faceValue: FaceValue) async throws(ProviderFailure) -> ProviderRefusal? {
        let answer = try await send(JuheRequests.check(phone: phone, faceValue: faceValue, credentials: credentials))
        return answer.code == JuheProtocol.Code.success ? nil : answer.refusal
    }

    func quote(
        phone: String, faceValue: FaceValue
    ) async throws(ProviderFailure) -> Result<ProviderQuote, ProviderRefusal> {
        try await send(JuheRequests.query(phone: phone, faceValue: faceValue, credentials: credentials)).quote()
    }

    func submit(
        orderNo: String, phone: String, faceValue: FaceValue
    ) async throws(ProviderFailure) -> Result<ProviderOrder, ProviderRefusal> {
        let request = JuheRequests.order(orderNo: orderNo, phone: phone, faceValue: faceValue, credentials: credentials)
        return try await send(request).order()
    }

    func status(orderNo: String) async throws(ProviderFailure) -> Result<ProviderOrder, ProviderRefusal> {
        try await send(JuheRequests.status(orderNo: orderNo, credentials: credentials)).order()
    }

    private func send(_ request: HTTPRequest) async throws(ProviderFailure) -> JuheAnswer {
        let response: HTTPResponse
        do {
            response = try await transport(request)
        } catch {
            throw ProviderFailure(cause: .unreachable, detail: error.description)
        }
        return try JuheAnswer(response: response)
    }
}
