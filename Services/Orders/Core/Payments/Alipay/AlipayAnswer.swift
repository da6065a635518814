import Crypto
import JSON

/// Reads an answer of Alipay's open API: `{"<method>_response":{…},"sign":"…"}` (dots of the method
/// written `_`), or `{"error_response":{…},"sign":"…"}` for a call the gateway itself refused. The
/// signature covers the exact text of the response object as it was sent, so that text is cut out of the
/// answer's bytes, not rebuilt. An answer without a valid signature is never believed, whatever it says.
enum AlipayAnswer {
    /// The largest answer read.
    static let maximumBytes = 256 * 1024
    /// Alipay's code of a call that succeeded.
    static let success = "10000"

    /// The key of `method`'s response object: `alipay.trade.query` → `alipay_trade_query_response`.
    static func responseKey(of method: String) -> String {
        method.replacingOccurrences(of: ".", with: "_") + "_response"
    }

    /// The response object of `method`, once the signature is checked and its code is 10000; a
    /// verified refusal is thrown as `.refused` with Alipay's codes.
    static func read(_ body: [UInt8], method: String, key: RSAPublicKey) throws(AlipayError) -> JSONObject {
        guard body.count <= maximumBytes,
            case .object(let answer)? = try? JSONValue.parse(body),
            let spans = MemberScanner.spans(body)
        else { throw AlipayError(.malformedAnswer, detail: "not a JSON object of at most \(maximumBytes) bytes") }
        let expected = responseKey(of: method)
        guard let name = [expected, "error_response"].first(where: { answer[$0] != nil }),
            case .object(let response)? = answer[name], let span = spans[name]
        else { throw AlipayError(.malformedAnswer, detail: "no \(expected) object") }
        let code = response["code"]?.stringValue
        let subCode = response["sub_code"]?.stringValue
        guard case .string(let sign)? = answer["sign"], AlipaySignature.verify(sign, of: body[span], key: key) else {
            throw AlipayError(
                .badSignature, code: code, subCode: subCode, detail: "\(name) is unsigned or its sign does not match")
        }
        guard name == expected, code == success else {
            let message = response["sub_msg"]?.stringValue ?? response["msg"]?.stringValue ?? ""
            throw AlipayError(.refused, code: code, subCode: subCode, detail: String(message.prefix(200)))
        }
        return response
    }

    /// `object` as Alipay answers it: the response object under `key` and its signature (the object's
    /// text is signed as it is written here). The simulator answers this way.
    static func signed(
        _ object: JSONObject, key responseKey: String, with key: RSAPrivateKey
    ) throws(CryptoError)
        -> String
    {
        let text = JSONValue.object(object).serialized()
        let sign = try AlipaySignature.sign(text, key: key)
        return "{\"\(responseKey)\":\(text),\"sign\":\"\(sign)\"}"
    }

    /// Finds where each member of a top-level JSON object is written: the byte range of its value. Only
    /// run on text the JSON parser accepted, so it follows the grammar loosely (strings, nesting,
    /// scalars) without checking it again.
    struct MemberScanner {
        let bytes: [UInt8]
        var position = 0

        /// The value range of each plain-named member (a name with escapes is left out); nil when the
        /// text is not an object.
        static func spans(_ bytes: [UInt8]) -> [String: Range<Int>]? {
            var scanner = MemberScanner(bytes: bytes)
            return scanner.members()
        }

        private mutating func members() -> [String: Range<Int>]? {
            skipSpace()
            guard next() == UInt8(ascii: "{") else { return nil }
            var spans: [String: Range<Int>] = [:]
            skipSpace()
            if peek() == UInt8(ascii: "}") { return spans }
            while true {
                skipSpace()
                guard peek() == UInt8(ascii: "\""), let nameRange = skipString() else { return nil }
                let raw = bytes[(nameRange.lowerBound + 1)..<(nameRange.upperBound - 1)]
                skipSpace()
                guard next() == UInt8(ascii: ":") else { return nil }
                skipSpace()
                let start = position
                guard skipValue() else { return nil }
                if !raw.contains(UInt8(ascii: "\\")) { spans[String(decoding: raw, as: UTF8.self)] = start..<position }
                skipSpace()
                switch next() {
                case UInt8(ascii: ","): continue
                case UInt8(ascii: "}"): return spans
                default: return nil
                }
            }
        }

        /// Skips one value: a string, an object or array (nesting counted outside strings), or a scalar.
        private mutating func skipValue() -> Bool {
            switch peek() {
            case UInt8(ascii: "\""):
                return skipString() != nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while let byte = peek() {
                    switch byte {
                    case UInt8(ascii: "\""):
                        guard skipString() != nil else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                    default: break
                    }
                    position += 1
                    if depth == 0 { return true }
                }
                return false
            case nil:
                return false
            default:
                let start = position
                while let byte = peek(), ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(byte),
                    !Self.isSpace(byte)
                {
                    position += 1
                }
                return position > start
            }
        }

        /// Skips a string from its opening quote; answers its range, quotes included.
        private mutating func skipString() -> Range<Int>? {
            let start = position
            position += 1
            while let byte = peek() {
                position += 1
                if byte == UInt8(ascii: "\\") {
                    position += 1
                } else if byte == UInt8(ascii: "\"") {
                    return start..<position
                }
            }
            return nil
        }

        private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

        private mutating func next() -> UInt8? {
            defer { position += 1 }
            return peek()
        }

        private mutating func skipSpace() {
            while let byte = peek(), Self.isSpace(byte) { position += 1 }
        }

        private static func isSpace(_ byte: UInt8) -> Bool { [0x20, 0x09, 0x0A, 0x0D].contains(byte) }
    }
}
