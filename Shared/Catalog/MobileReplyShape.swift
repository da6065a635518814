/// How one endpoint of the mobile mall (API document 004) writes its reply, as its section shows it
/// (`OperationTraits.mobileShape`). `code` and `msg` are written in the notation the endpoint's example uses.
public enum MobileReplyShape: Sendable, Hashable {
    /// `{"code":"200","msg":…}`, the document's generic template, with `"data":…` after them when the reply
    /// carries data.
    case status
    /// `{"data":…,"code":…,"msg":…}`; `data` is null when the reply has none (the avatar section: null on
    /// failure).
    case dataFirst
    /// The members of the reply's data object, then `code` and `msg` (login: `memInfo`, and the token).
    case fieldsFirst
    /// `code` and `msg`, then the members of the reply's data object (saving an address: `addrId`).
    case fieldsLast
    /// `true` or `false` alone: `true` (or the reply's own boolean) on success, `false` on any failure.
    case flag
    /// The reply's data alone on success (a yes/no answer, an object, a list). A failure is written as
    /// `status`, since any bare value would read as an answer.
    case bare
    /// `{"isSuccess":true,"data":…}` on success; a failure is `{"isSuccess":false,"code":…,"msg":…}`.
    case isSuccess
    /// Not JSON: bytes such as the captcha image, or a redirect (see `MobileCodec`); a failure is written as
    /// `status`.
    case raw
}
