import Catalog
import Crypto
import Mesh

/// The C2C exchange dialect's request check (API document 002, request rules): the client sends
/// `cc`, its Unix time, and `ck = md5(cc + secret + _apiname)` in lower-case hex. The name is
/// hashed exactly as the client wrote it in the query, since `_apiname` is case-insensitive only for
/// finding the operation.
public enum C2CSignature {
    /// The `ck` a client with `secret` sends for `apiName` at time `cc`: lower-case hex MD5 of the
    /// three texts joined without separators.
    public static func ck(cc: String, secret: String, apiName: String) -> String {
        Digest.md5(cc + secret + apiName).hexString()
    }

    /// Whether `ck` is the check code of `cc`, `secret` and `apiName`, compared in constant time.
    /// Only the lower-case spelling the document shows is accepted.
    public static func verify(ck: String, cc: String, secret: String, apiName: String) -> Bool {
        constantTimeEquals(ck, self.ck(cc: cc, secret: secret, apiName: apiName))
    }
}
