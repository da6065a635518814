import Foundation
import ServiceKit

/// The WeChat mini-programs the service serves, how their login codes are checked and who draws their
/// mini-program codes, from the environment (each also read with the `AUTH_` prefix, which wins):
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `WECHAT_LOGIN` | `simulator`; `wechat` in production | who checks `wx.login` codes: simulator or WeChat |
/// | `WECHAT_APPS` | `wxdevtrain:…,wxdevo2o:…` and the demo centres' `wxdemoo2o2`, `wxdemoo2o3`; none in production | the mini-programs, `appid:secret,…` |
/// | `TRAIN_WECHAT_APPS` | `XCX:wxdevtrain`; none in production | train `appCode` → the app id it logs in with |
/// | `WECHAT_API_HOST` | `api.weixin.qq.com` | host of WeChat's API (HTTPS, port 443) |
/// | `WECHAT_CODE` | `simulator`; `wechat` in production | who draws mini-program codes: simulator or WeChat |
/// | `WECHAT_API_TIMEOUT_MS` | 5000 | deadline of one call to WeChat's API |
/// | `O2O_TEST_USER_MOBILE` | `13800138000` | the mobile of the account the O2O test code `user` logs in |
///
/// Mini-program codes (`miniprogram.code`) come from WeChat's `wxacode.getUnlimited`, or from
/// `MiniProgramCodeSimulator`, whose QR code names the app, page and scene. Neither simulator runs in
/// production, and the O2O test code works only outside production.
struct WeChatSettings: Sendable {
    enum Checker: String, Sendable {
        case simulator
        case wechat
    }

    /// The development mini-programs (not WeChat's: only the simulator knows them).
    static let developmentTrainApp = "wxdevtrain"
    static let developmentO2OApp = "wxdevo2o"

    let checker: Checker
    /// Who draws mini-program codes.
    let codeProvider: Checker
    /// App id → the app.
    let apps: [String: WeChatApp]
    /// Train appCode → app id.
    let trainApps: [String: String]
    let apiHost: String
    let apiTimeoutMilliseconds: Int
    /// Nil in production, where the test code is an ordinary (and invalid) code.
    let o2oTestUserMobile: String?

    init(configuration: ServiceConfiguration) throws {
        let environment = configuration.environment
        let production = configuration.mode == .production
        checker = Checker(
            rawValue: try environment.choice(
                "WECHAT_LOGIN", default: production ? "wechat" : "simulator", choices: ["simulator", "wechat"]))!
        if production && checker == .simulator {
            throw ConfigurationError(
                variable: "WECHAT_LOGIN",
                problem: "cannot be the simulator in production: anyone could sign in as anyone")
        }
        codeProvider = Checker(
            rawValue: try environment.choice(
                "WECHAT_CODE", default: production ? "wechat" : "simulator", choices: ["simulator", "wechat"]))!
        if production && codeProvider == .simulator {
            throw ConfigurationError(
                variable: "WECHAT_CODE",
                problem: "cannot be the simulator in production: its codes open no mini-program")
        }
        let developmentApps = [
            "\(Self.developmentTrainApp):development-train-secret", "\(Self.developmentO2OApp):development-o2o-secret",
            "wxdemoo2o2:development-o2o2-secret", "wxdemoo2o3:development-o2o3-secret",
        ].joined(separator: ",")
        var apps: [String: WeChatApp] = [:]
        for (id, secret) in try Self.pairs(environment, "WECHAT_APPS", default: production ? "" : developmentApps) {
            apps[id] = WeChatApp(id: id, secret: secret)
        }
        self.apps = apps
        trainApps = Dictionary(
            try Self.pairs(
                environment, "TRAIN_WECHAT_APPS", default: production ? "" : "XCX:\(Self.developmentTrainApp)"),
            uniquingKeysWith: { _, last in last })
        for (appCode, appID) in trainApps where apps[appID] == nil {
            throw ConfigurationError(
                variable: "TRAIN_WECHAT_APPS", problem: "maps \(appCode) to \(appID), which WECHAT_APPS does not list")
        }
        apiHost = environment.string("WECHAT_API_HOST", default: "api.weixin.qq.com")
        apiTimeoutMilliseconds = try environment.int("WECHAT_API_TIMEOUT_MS", default: 5000, range: 100...60_000)
        if production {
            o2oTestUserMobile = nil
        } else {
            let mobile = environment.string("O2O_TEST_USER_MOBILE", default: "13800138000")
            guard MobileNumber.isValid(mobile) else {
                throw ConfigurationError(variable: "O2O_TEST_USER_MOBILE", problem: "must be 11 digits starting with 1")
            }
            o2oTestUserMobile = mobile
        }
    }

    /// The app a train `appCode` logs in with.
    func trainApp(appCode: String?) -> WeChatApp? {
        appCode.flatMap { trainApps[$0] }.flatMap { apps[$0] }
    }

    /// `name:value,name2:value2`; names are app ids or codes (1 to 64 letters, digits, `_`, `-`).
    private static func pairs(
        _ environment: Environment, _ name: String, default fallback: String
    ) throws
        -> [(String, String)]
    {
        let (variable, text) = environment.lookup(name) ?? (name, fallback)
        var result: [(String, String)] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, Parameters.isAppName(parts[0]), !parts[1].isEmpty else {
                throw ConfigurationError(variable: variable, problem: "must look like NAME:VALUE,NAME2:VALUE2")
            }
            result.append((parts[0], parts[1]))
        }
        return result
    }
}
