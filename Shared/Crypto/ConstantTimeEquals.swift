import COpenSSL

/// Whether `a` and `b` hold the same bytes, in time that depends only on their lengths, never on
/// where they differ. Use it to compare secrets such as tokens, MACs and password hashes.
public func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    let sameLength = a.count == b.count
    let differences = a.withUnsafeBytes { first in
        (sameLength ? b : a).withUnsafeBytes { second in
            guard let firstBase = first.baseAddress, let secondBase = second.baseAddress else { return Int32(0) }
            return CRYPTO_memcmp(firstBase, secondBase, first.count)
        }
    }
    return sameLength && differences == 0
}

/// Whether the UTF-8 encodings of `a` and `b` are equal, compared in constant time (see the byte version).
public func constantTimeEquals(_ a: String, _ b: String) -> Bool {
    constantTimeEquals(Array(a.utf8), Array(b.utf8))
}
