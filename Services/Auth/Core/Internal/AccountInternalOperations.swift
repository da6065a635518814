import JSON
import Mesh
import ServiceKit

/// What the auth service answers other services about accounts: `accounts.get` and `paypwd.verify`
/// (see their contracts; five wrong pay passwords lock it for the base lock, see `PayPasswords`).
enum AccountInternalOperations {
    static func register(
        on handlers: inout InternalHandlers, accounts: Accounts, payPasswords: PayPasswords, displayTime: DisplayTime
    ) {
        handlers.on(AccountsGet.self) { request, _, _ in
            guard let account = try await accounts.find(id: request.accountID) else {
                return .failure(.notFound, "no such account")
            }
            return .ok(
                AccountsGet.Reply(
                    accountID: account.id, mobile: account.mobile, email: account.email, openID: account.openID,
                    registeredAt: displayTime.format(account.registeredAt)))
        }
        handlers.on(PayPasswordVerify.self) { request, _, _ in
            let password = request.payPassword
            guard !password.isEmpty else { return .failure(.payPasswordNotSet, "支付密码为空") }
            guard CredentialFormat.isPassword(password) else { return .failure(.payPasswordWrong, "支付密码错误") }
            switch try await payPasswords.check(account: request.accountID, password: password) {
            case .matches: return .ok(MeshEmpty())
            case .wrong: return .failure(.payPasswordWrong, "支付密码错误")
            case .notSet: return .failure(.payPasswordNotSet, "未设置支付密码")
            case .locked: return .failure(.accountLocked, "支付密码错误次数过多，请稍后再试")
            }
        }
    }
}
