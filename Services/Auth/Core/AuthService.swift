import Foundation
import Mesh
import ServiceKit

/// The auth service: credentials, sessions and tokens of every dialect, SMS and e-mail codes, captcha, WeChat login.
public enum AuthService {
    public static let descriptor = ServiceDescriptor(
        name: "auth", defaultPort: 8101, schema: "auth",
        migrations: Bundle.module.url(forResource: "Migrations", withExtension: nil))

    /// The service's own routes (the standard health, readiness and metrics routes come with ServiceKit).
    public static func routes(_ application: ServiceApplication) async throws -> [Route] {
        guard let database = application.database else { return [] }
        let settings = try AuthSettings(configuration: application.configuration)
        var sessions = SessionStore(database: database)
        sessions.sessionsPerAccount[Dialect.mobile.rawValue] = settings.mobileSessionsPerAccount
        sessions.displayTime = settings.displayTime
        let admins = AdminAccounts(database: database, sessions: sessions)
        try await admins.ensureFirstAdmin(username: settings.firstAdminUsername, password: settings.firstAdminPassword)
        let sms: any SMSProvider
        if settings.simulatesSMS {
            sms = SMSSimulator(database: database)
        } else {
            sms = UnconfiguredSMSProvider()
            application.logger.warning("no SMS provider is configured: sending codes fails until one is wired in")
        }
        let accounts = Accounts(database: database, lockRules: settings.passwordLock)
        let codes = VerificationCodes(database: database, rules: settings.codes)
        let email: any EmailProvider =
            settings.simulatesSMS ? EmailSimulator(database: database) : UnconfiguredEmailProvider()
        let flows = CredentialFlows(
            database: database, accounts: accounts, codes: codes, sessions: sessions,
            sender: CodeSender(codes: codes, sms: sms, email: email),
            notices: SessionNotices(mesh: try MeshClient(application: application), logger: application.logger))
        let payPasswords = PayPasswords(database: database, lockRules: settings.passwordLock)
        let captchas = CaptchaStore(database: database)
        let captchaImages = CaptchaImages(store: captchas)
        let identities = IdentityFlows(
            credentials: flows, payPasswords: payPasswords, links: AccountLinks(database: database))
        let profiles = ProfileLookup(mesh: try MeshClient(application: application))
        var operations = OperationHandlers(service: .auth)
        let requestTokens = RequestTokens(database: database, lifetimeSeconds: settings.requestTokenLifetimeSeconds)
        YafAuthOperations(
            flows: flows, sessions: sessions, requestTokens: requestTokens, settings: settings, profiles: profiles
        ).register(on: &operations)
        MobileAuthOperations(
            identities: identities, captchas: captchas, captchaImages: captchaImages, profiles: profiles
        ).register(on: &operations)
        var adminOperations = AdminHandlers()
        OutboxAdmin.register(on: &adminOperations, database: database, settings: settings)
        CaptchaAdmin.register(on: &adminOperations, images: captchaImages, settings: settings)
        var internalOperations = InternalHandlers()
        ResolveSessionOperation.register(on: &internalOperations, store: sessions)
        SMSNoticeOperation.register(on: &internalOperations, database: database, sms: sms)
        AdminSessionOperations.register(on: &internalOperations, admins: admins, sessions: sessions)
        ConsumeRequestTokenOperation.register(
            on: &internalOperations, tokens: requestTokens, displayTime: settings.displayTime)
        AccountInternalOperations.register(
            on: &internalOperations, accounts: accounts, payPasswords: payPasswords, displayTime: settings.displayTime)
        if settings.mode != .production {
            FactoryOperations.register(on: &internalOperations, database: database, sessions: sessions)
        }
        try registerMiniPrograms(
            application, flows: flows, settings: settings, profiles: profiles, operations: &operations,
            admin: &adminOperations, mesh: &internalOperations)
        return (try operations.routes()) + adminOperations.routes() + internalOperations.routes()
    }

    /// The WeChat mini-program dialects (train, O2O), the C2C sign-in, scenes and mini-program codes.
    private static func registerMiniPrograms(
        _ application: ServiceApplication, flows: CredentialFlows, settings: AuthSettings, profiles: ProfileLookup,
        operations: inout OperationHandlers, admin: inout AdminHandlers, mesh: inout InternalHandlers
    ) throws {
        guard let database = application.database else { return }
        let wechatSettings = try WeChatSettings(configuration: application.configuration)
        let simulator = wechatSettings.checker == .simulator ? WeChatSimulator(database: database) : nil
        let provider: any WeChatLoginProvider =
            simulator
            ?? WeChatAPIClient(host: wechatSettings.apiHost, timeoutMilliseconds: wechatSettings.apiTimeoutMilliseconds)
        if wechatSettings.apps.isEmpty {
            application.logger.warning("no WeChat mini-program is configured (WECHAT_APPS): WeChat logins are refused")
        }
        let wechat = WeChatFlows(
            credentials: flows, identities: WeChatIdentities(database: database), provider: provider)
        TrainAuthOperations(
            wechat: wechat, settings: wechatSettings, revealsCodes: settings.revealsCodes, profiles: profiles
        ).register(on: &operations)
        O2OAuthOperations(
            wechat: wechat, settings: wechatSettings, revealsCodes: settings.revealsCodes, profiles: profiles
        ).register(on: &operations)
        C2CAuthOperations(
            credentials: flows, revealsCodes: settings.revealsCodes
        ).register(on: &operations)
        WeChatCodeAdmin.register(on: &admin, simulator: simulator, settings: wechatSettings)
        CreateSceneOperation.register(on: &mesh, scenes: SceneStore(database: database))
        MiniProgramCodeOperation.register(on: &mesh, settings: wechatSettings)
    }
}
