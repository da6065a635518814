import JSON
import Mesh
import ServiceKit

/// What the auth service answers other services about accounts, on `POST /internal/{name}`:
/// - `accounts.get` `{"account_id"}` → `{"account_id","mobile","email","open_id","registered_at"}`
///   (mobile and e-mail null when not bound), or `not_found`;
/// - `paypwd.verify` `{"account_id","pay_password"}` → `ok`, or `pay_password_wrong`,
///   `pay_password_not_set`, `account_locked` (five wrong tries lock the pay password for the short lock).
enum AccountInternalOperations {
    static func register(
        on handlers: inout InternalHandlers, accounts: Accounts, payPasswords: PayPasswords, displayTime: DisplayTime
    ) {
        handlers.on("accounts.get") { call, _ in
            guard let id = accountID(call) else {
                return .failure(.invalidParams, "account_id must be a positive integer")
            }
            guard let account = try await accounts.find(id: id) else { return .failure(.notFound, "no such account") }
            return .ok(
                .object([
                    "account_id": .string(String(account.id)),
                    "mobile": account.mobile.map(JSONValue.string) ?? .null,
                    "email": account.email.map(JSONValue.string) ?? .null,
                    "open_id": .string(account.openID),
                    "registered_at": .string(displayTime.format(account.registeredAt)),
                ]))
        }
        handlers.on("paypwd.verify") { call, _ in
            guard let id = accountID(call) else {
                return .failure(.invalidParams, "account_id must be a positive integer")
            }
            guard let password = call.parameters["pay_password"]?.stringValue, !password.isEmpty else {
                return .failure(.payPasswordNotSet, "支付密码为空")
            }
            guard CredentialFormat.isPassword(password) else { return .failure(.payPasswordWrong, "支付密码错误") }
            switch try await payPasswords.check(account: id, password: password) {
            case .matches: return .ok()
            case .wrong: return .failure(.payPasswordWrong, "支付密码错误")
            case .notSet: return .failure(.payPasswordNotSet, "未设置支付密码")
            case .locked: return .failure(.accountLocked, "支付密码错误次数过多，请稍后再试")
            }
        }
    }

    private static func accountID(_ call: InternalCall) -> Int64? {
        guard let text = call.parameters["account_id"]?.scalarText, let id = Int64(text), id > 0 else { return nil }
        return id
    }
}
