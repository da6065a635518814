import Crypto

/// Alipay's RSA2 signature (SHA256withRSA, base64): over the signing content of a request or a
/// notification, or over the exact text of an answer's response object.
///
/// The signing content takes every parameter but the excluded ones whose value is not empty, sorted by
/// name in byte order, written `name=value` (values as they are, not URL-encoded) and joined by `&`. A
/// request excludes `sign`; a notification excludes `sign` and `sign_type` (Alipay's SDKs:
/// `getSignContent`, `getSignCheckContentV1`).
enum AlipaySignature {
    /// The content a request's `sign` is computed over.
    static func requestContent(_ parameters: [String: String]) -> String {
        content(parameters, excluding: ["sign"])
    }

    /// The content a notification's `sign` is computed over.
    static func notificationContent(_ parameters: [String: String]) -> String {
        content(parameters, excluding: ["sign", "sign_type"])
    }

    static func content(_ parameters: [String: String], excluding excluded: Set<String>) -> String {
        parameters.filter { !excluded.contains($0.key) && !$0.key.isEmpty && !$0.value.isEmpty }
            .sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            .map { "\($0.key)=\($0.value)" }
            .joined(separator: "&")
    }

    /// The base64 signature of `content`'s UTF-8 bytes under `key`.
    static func sign(_ content: String, key: RSAPrivateKey) throws(CryptoError) -> String {
        Base64.encode(try RSASignature.sha256(Array(content.utf8), key: key))
    }

    /// Whether `sign` (base64) is `key`'s signature of `content`.
    static func verify(_ sign: String, of content: some Collection<UInt8>, key: RSAPublicKey) -> Bool {
        guard !sign.isEmpty, sign.utf8.count <= 2048, let signature = Base64.decode(sign) else { return false }
        return RSASignature.isValidSHA256(signature, of: content, key: key)
    }

    /// `parameters` with their `sign` added, signed as a request.
    static func signed(_ parameters: [String: String], key: RSAPrivateKey) throws(CryptoError) -> [String: String] {
        var signed = parameters
        signed["sign"] = try sign(requestContent(parameters), key: key)
        return signed
    }
}
