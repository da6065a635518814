import Crypto
import Testing

@testable import AuthService

/// The QR encoder against symbols that other encoders made (`Support/QRFixtures.swift`), on Debian 12:
///
/// - qrencode 4.1.1 (Debian package `qrencode`, libqrencode): `printf %s PAYLOAD | qrencode -8 -l LEVEL -m 0
///   -t ASCII -o -`, `##` read as dark. It chose the version and the mask itself, so these fixtures also
///   check this encoder's choice of both (its penalty reading agreed with qrencode's choice on all of
///   560 payloads tried). The full-capacity set takes, for each level and version 1 to 40, the longest
///   `QRFixtures.payload(length:seed: version)` that qrencode put in that version.
/// - python-qrcode 8.2 (PyPI `qrcode`): `QRCode(version=6, error_correction=ERROR_CORRECT_M, border=0,
///   mask_pattern=MASK)` with `QRData(payload, mode=MODE_8BIT_BYTE)`, `get_matrix()`, for each mask.
///
/// Hashed symbols are the SHA-256 of their rows of `1` (dark) and `0`, joined with line feeds.
struct QRCodeFixtureTests {
    static func rows(_ code: QRCode) -> [String] {
        (0..<code.size).map { row in String((0..<code.size).map { code[row, $0] ? "1" : "0" }) }
    }

    static func sha256(_ code: QRCode) -> String {
        Hex.encode(Digest.sha256(rows(code).joined(separator: "\n")))
    }

    @Test(arguments: QRFixtures.drawn.indices)
    func drawnSymbolsMatchModuleForModule(_ index: Int) throws {
        let fixture = QRFixtures.drawn[index]
        let code = try QRCode.encode(text: fixture.payload, errorCorrection: fixture.level)
        #expect(code.version.number == fixture.version, "\(fixture.name)")
        #expect(Self.rows(code) == fixture.rows, "\(fixture.name)")
    }

    @Test func everyVersionAndLevelAtFullCapacity() throws {
        #expect(QRFixtures.fullCapacity.count == 160)
        for fixture in QRFixtures.fullCapacity {
            let payload = QRFixtures.payload(length: fixture.length, seed: fixture.seed)
            let code = try QRCode.encode(payload, errorCorrection: fixture.level)
            let name = "\(fixture.level) version \(fixture.version)"
            #expect(code.version.number == fixture.version, "\(name)")
            #expect(Self.sha256(code) == fixture.sha256, "\(name)")
            #expect(throws: QREncodingError.self, "\(name) holds one byte more") {
                try QRCode.encode(
                    QRFixtures.payload(length: fixture.length + 1, seed: fixture.seed), errorCorrection: fixture.level,
                    versions: 1...fixture.version)
            }
        }
    }

    @Test(arguments: QRMask.patterns)
    func eachMaskForced(_ mask: Int) throws {
        let code = try QRCode.encode(
            Array(QRFixtures.maskPayload.utf8), errorCorrection: .medium, versions: QRFixtures.maskVersion...40,
            mask: mask)
        #expect(code.version.number == QRFixtures.maskVersion)
        #expect(code.mask == mask)
        #expect(Self.sha256(code) == QRFixtures.forcedMasks[mask])
    }

    @Test func theFixturesCoverVersionOneVersionInformationAndEveryLevel() {
        let drawn = QRFixtures.drawn
        #expect(drawn.contains { $0.version == 1 })
        #expect(drawn.contains { $0.version >= 7 })
        #expect(Set(drawn.map(\.level)).count == 3)
        #expect(Set(QRFixtures.fullCapacity.map(\.level)) == Set(QRErrorCorrection.allCases))
    }
}

extension QRFixtures {
    /// `length` printable ASCII bytes that differ with `seed`: byte i is 32 + (7i + 13·seed) mod 95.
    static func payload(length: Int, seed: Int) -> [UInt8] {
        (0..<length).map { UInt8(($0 * 7 + seed * 13) % 95 + 32) }
    }
}
