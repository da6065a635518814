/// A QR code (ISO/IEC 18004 model 2) of a byte string: one byte-mode segment, the smallest version
/// that holds it at the chosen error correction level, and the mask with the lowest penalty. The
/// symbol has no quiet zone; `QRImageLayout` adds one when drawing it.
struct QRCode: Sendable, Equatable {
    let version: QRVersion
    let errorCorrection: QRErrorCorrection
    /// The mask pattern used (0 to 7).
    let mask: Int
    /// The modules, row by row from the top-left corner; true for dark.
    let modules: [Bool]

    /// Modules on a side.
    var size: Int { version.size }

    /// Whether the module at `row`, `column` is dark.
    subscript(row: Int, column: Int) -> Bool {
        modules[row * size + column]
    }

    /// The code of `payload`, in the smallest of `versions` that holds it; `mask` forces a mask pattern
    /// instead of choosing the one with the lowest penalty.
    static func encode(
        _ payload: [UInt8], errorCorrection: QRErrorCorrection = .medium, versions: ClosedRange<Int> = 1...40,
        mask forcedMask: Int? = nil
    ) throws(QREncodingError) -> QRCode {
        guard let version = smallestVersion(for: payload.count, errorCorrection: errorCorrection, in: versions) else {
            throw QREncodingError(payloadBytes: payload.count, errorCorrection: errorCorrection, versions: versions)
        }
        if let forcedMask { precondition(QRMask.patterns.contains(forcedMask), "mask \(forcedMask) is not 0 to 7") }
        let data = QRCodewords.data(for: payload, version: version, level: errorCorrection)
        var unmasked = QRMatrix.template(for: version)
        unmasked.place(codewords: QRCodewords.interleaved(data: data, version: version, level: errorCorrection))
        var best: (mask: Int, matrix: QRMatrix, penalty: Int)?
        for pattern in QRMask.patterns where forcedMask == nil || forcedMask == pattern {
            var candidate = unmasked
            candidate.apply(mask: pattern)
            candidate.writeFormat(QRFormatInformation.formatBits(level: errorCorrection, mask: pattern))
            let penalty = forcedMask == nil ? QRPenalty.score(candidate) : 0
            if best == nil || penalty < best!.penalty { best = (pattern, candidate, penalty) }
        }
        let chosen = best!
        return QRCode(
            version: version, errorCorrection: errorCorrection, mask: chosen.mask,
            modules: (0..<(version.size * version.size)).map { chosen.matrix[$0 / version.size, $0 % version.size] })
    }

    /// The code of `text` as UTF-8 bytes.
    static func encode(
        text: String, errorCorrection: QRErrorCorrection = .medium, versions: ClosedRange<Int> = 1...40
    ) throws(QREncodingError) -> QRCode {
        try encode(Array(text.utf8), errorCorrection: errorCorrection, versions: versions)
    }

    /// The smallest version in `versions` whose data capacity at `errorCorrection` holds `count` bytes.
    static func smallestVersion(
        for count: Int, errorCorrection: QRErrorCorrection, in versions: ClosedRange<Int>
    ) -> QRVersion? {
        QRVersion.all.first { version in
            versions.contains(version.number)
                && QRCodewords.segmentBits(count: count, version: version)
                    <= version.dataCodewordCount(errorCorrection) * 8
                && count < 1 << version.byteCountBits
        }
    }
}

/// A payload too long for any allowed version at the chosen error correction level.
struct QREncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    let payloadBytes: Int
    let errorCorrection: QRErrorCorrection
    let versions: ClosedRange<Int>

    var description: String {
        "\(payloadBytes) bytes do not fit a QR code of version \(versions.lowerBound) to \(versions.upperBound) "
            + "at level \(errorCorrection)"
    }
}
