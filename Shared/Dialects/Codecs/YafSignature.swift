import Catalog
import Crypto
import Mesh

/// The app base API (yaf) dialect's request signature (API document 003, section 1.4): the upper-case
/// hex MD5 of the posted `data` text, exactly as sent, followed by the secret of the calling `appid`.
public enum YafSignature {
    /// The `sign` a client with `secret` sends with `data`.
    public static func sign(data: String, secret: String) -> String {
        Digest.md5(Array(data.utf8) + Array(secret.utf8)).hexString(uppercase: true)
    }

    /// Whether `sign` is the signature of `data` with `secret`, compared in constant time. Only the
    /// upper-case spelling the document prescribes is accepted.
    public static func verify(sign: String, data: String, secret: String) -> Bool {
        constantTimeEquals(sign, self.sign(data: data, secret: secret))
    }
}
