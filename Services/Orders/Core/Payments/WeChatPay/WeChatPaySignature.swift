import Crypto

/// The signature of WeChat Pay's v2 API (XML requests, replies and notifications): the non-empty fields
/// other than `sign`, sorted by name (byte order), written `name=value` joined by `&`, then `&key=` and
/// the merchant's API key, hashed with MD5 or HMAC-SHA256 (keyed with the API key) and written in
/// upper-case hex.
enum WeChatPaySignature {
    /// The hash a request names in `sign_type` (MD5 when absent).
    enum Kind: String, Sendable, CaseIterable {
        case md5 = "MD5"
        case hmacSHA256 = "HMAC-SHA256"
    }

    /// The text that is hashed: `a=1&b=2&key=<api key>`.
    static func signedText(_ fields: [String: String], key: String) -> String {
        let pairs = fields.filter { $0.key != "sign" && !$0.value.isEmpty }
            .sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            .map { "\($0.key)=\($0.value)" }
        return (pairs + ["key=\(key)"]).joined(separator: "&")
    }

    /// The `sign` of `fields` under `key`.
    static func sign(_ fields: [String: String], key: String, kind: Kind) -> String {
        let text = signedText(fields, key: key)
        switch kind {
        case .md5: return Hex.encode(Digest.md5(text), uppercase: true)
        case .hmacSHA256: return Hex.encode(Digest.hmacSHA256(key: key, message: text), uppercase: true)
        }
    }

    /// Whether `fields` carry a `sign` that matches them under `key`, compared in constant time; the kind
    /// is the fields' own `sign_type` (`assumed` when absent: MD5 for notifications, the request's kind for
    /// the answer to a request), and an unknown kind never matches.
    static func verify(_ fields: [String: String], key: String, assumed: Kind = .md5) -> Bool {
        guard let given = fields["sign"], !given.isEmpty,
            let kind = Kind(rawValue: fields["sign_type"].flatMap { $0.isEmpty ? nil : $0 } ?? assumed.rawValue)
        else { return false }
        return constantTimeEquals(sign(fields, key: key, kind: kind), given.uppercased())
    }
}
