import Catalog
import Crypto
import JSON
import Mesh

/// The train-ticket dialect's `sign`, made the WeChat-Pay-v2 way over the members of a `data` object.
///
/// Every member takes part except `sign` itself and the empty ones (an empty string or null). The members are
/// sorted by key in UTF-8 byte order and joined as `k1=v1&k2=v2`, then `&key=<the appCode's key>` is appended
/// (just `key=<key>` when no member is left); the MD5 of that text's UTF-8 bytes in upper-case hex is the sign.
/// A value is written as its text: a string as is, a number exactly as it was sent, a boolean as `true` or
/// `false`, an array or object as compact JSON (keys in the order they came, no spaces).
public enum TrainSignature {
    /// The sign of `fields` under `key`.
    public static func sign(_ fields: JSONObject, key: String) -> String {
        Digest.md5(signedText(fields, key: key)).hexString(uppercase: true)
    }

    /// Whether the `sign` member of `fields` is the sign of the other members under `key`, compared in
    /// constant time. Hex digits of either case are accepted; a missing, empty or non-string `sign` fails.
    public static func verify(_ fields: JSONObject, key: String) -> Bool {
        guard case .string(let given)? = fields["sign"], !given.isEmpty else { return false }
        return constantTimeEquals(sign(fields, key: key), given.uppercased())
    }

    /// The text that is digested: the sorted `k=v` pairs and the key, joined by `&`.
    static func signedText(_ fields: JSONObject, key: String) -> String {
        var pairs: [(key: [UInt8], text: String)] = []
        for (name, value) in fields where name != "sign" {
            guard let text = text(of: value), !text.isEmpty else { continue }
            pairs.append((Array(name.utf8), text))
        }
        pairs.sort { $0.key.lexicographicallyPrecedes($1.key) }
        var parts = pairs.map { String(decoding: $0.key, as: UTF8.self) + "=" + $0.text }
        parts.append("key=" + key)
        return parts.joined(separator: "&")
    }

    private static func text(of value: JSONValue) -> String? {
        switch value {
        case .null: nil
        case .string(let text): text
        case .number(let number): number.text
        case .bool(let flag): flag ? "true" : "false"
        case .array, .object: value.serialized()
        }
    }
}
