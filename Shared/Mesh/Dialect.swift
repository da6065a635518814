/// The five client API dialects the gateway speaks, one per API document.
public enum Dialect: String, Sendable, CaseIterable, Hashable {
    /// Train-ticket WeChat mini-program (`POST /api/v1/user/{op}`).
    case train
    /// O2O mini-program (`/api/user/{path}`).
    case o2o
    /// C2C exchange (`POST /?_apiname=m.c.a`).
    case c2c
    /// App base API (`POST /` with form fields `data` and `sign`).
    case yaf
    /// Mobile mall user module (`/mobile/...`).
    case mobile
}
