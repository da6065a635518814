import Crypto
import Testing

/// SHA256withRSA (Alipay's RSA2) against the published vectors of Alipay's own Java SDK: the key pair and
/// signatures come from github.com/alipay/alipay-sdk-java-all, `src/test/resources/fixture/privateKey.json`
/// (the `ProdCert` key), `src/test/resources/fixture/appCertPublicKey_2019091767145019.crt` (its public key,
/// taken out of the certificate) and `src/test/java/com/alipay/api/RSACheckTest.java` (the signatures,
/// which `rsaCheckV2` checks over every parameter but `sign`). The 1024-bit and SM2 keys of the same
/// `privateKey.json` (`DevLoadTest`, `DevSM2`) serve as keys to refuse. The PKCS#1 form of the key was
/// written from the PKCS#8 one with `openssl rsa -traditional`.
@Suite("RSA signatures (SHA256withRSA)")
struct RSASignatureTests {
    /// PKCS#8, bare base64, as Alipay's key tool and the SDK's fixture write it.
    static let privateKeyBase64 =
        "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCO5ajRITPs5rqH3bsMUQvx3gHGFtUtf2JqERBe9RFdm7eMXsXL"
        + "NKd4TxhMTNSF7q+xxGX3NY7Kvu1NpIUaDRFbGnQWTLFT07XN2oroh1jf4FIkm+LjP4ZwEUElLdTO5hF8aSUc9JFibElKo3MdgaL7"
        + "tNHBhWyGRl7/x/OkMwXz6UXfagE99K30omW9wo7YnlTE6utMJliHXfP9a2aRsvhBFwRhpFzkKBkwYFF6H0CM8K1ooAEzbf/jYMet"
        + "LjjTHiUy5NUWKPtRf1doljYLBAqoVOtvN4kOknI5lIazlVbodtEzkmhcdsXMzQtQsOaj/oRrSE52LhiEw1cUoaNZPtOFAgMBAAEC"
        + "ggEAYwQ4alE7jdiDQEogpnQydrKDQCPqK9Cs/Ro94c6m7dpM4XN6U0h1EySbjaNfUD8Id4HDtfziqRKLlNV/dYHAmQRHlHwoFBIL"
        + "VE0vG9lNeDQUN1HdceI+4cDTB1Qutf8t9qtVEC9X3n9yecmwpq2BpjCxeAtgG9r/UPXYmdrRMSVWGp/bpGjmbhm1EtEtCPKjkzSC"
        + "0WdALvFosK1xnjHFwCcT+R4r2N7GKE0HyvjP0PQFRuR4/7oA4MuLhgzLfxbeWS8sDci1PhW7PolSVb1jp0v7HQ85qtx3NCgezBqA"
        + "c+OtpmM3ZN/DUz062IxJFs9Rhl77PiRyJegULSuOBoYtsQKBgQDFDThfBLzByYCV7Oca5IUODyT7wiKBUhC6qBuNWmfEsGfGMw06"
        + "d2twemFG98/KBDV8kcYGK5XL/6dpsPDEZFPV65vc7A9f2KnglaFyaPKduA8msRaxxLp5Oj/Nwuvnd0rTL2TPK0t8JH1oo8LDdAvh"
        + "449P89yzTqB3L8+ioq7XTwKBgQC5pSE0hUYFsx/9bgMHB4PuN4r1WJNhGy5J5SQABmklnnUWiiCtt0rE23//tT7UICB4AqePt+Qa"
        + "7zjEjV1DTIZccmPuX2yje9ayZbPXJLJT/tGawBlzuO5aLjbfkMDQy67nV8NE8rZ7c5aQLNsv3XA1fucwLauc2XJkvwHJ88Jy6wKB"
        + "gQC5hhvn4ibxcQ0emwBvom3fccTJP9uK1EAp7TKboF2IounhgplWza6bJK3HynOZaOMO2JSPpKORgK8XZF8bGLaR9xU1KA/FltFC"
        + "QL7TYBnlArFJJXwPfQBwOLZvvLCsqfUJ5lpMbx/Pzu9AAMbTjMPPNpfsl9XYABQ2gw5DulVRIwKBgF0x7I11KkXKOpD7HUH2H+EC"
        + "uRuZr8Lb5kzqXzwz+60K8zSxet46WaqhloxD7JqI1kPo8T1Qz45F8XWakesrC3h1ZH1SIjOgA5PjQnkKzwsjrQ3GygAyIlXbRWjO"
        + "Pj2TQuaYRErknX8z863FFvPccmwonN6uzqwa7TZuPPOpD0CpAoGAG8HpnPrWT93skha2o9CT2ISnptlAts6a2wcMGrKgM77zQiFp"
        + "R/P/eHcJTyJdlp8ap6sEGIwQM430CqR41Za/0L/uRkbGi2gjBcdz+2OlyvsWIhPAWAGqI4lYB7K/NWtzSBvI8Zdzw4brAgH9GrbI"
        + "Bqd/VV81KXf13kBnsRjBwA0="
    /// The same key as PKCS#1 PEM.
    static let privateKeyPKCS1 = """
        -----BEGIN RSA PRIVATE KEY-----
        MIIEowIBAAKCAQEAjuWo0SEz7Oa6h927DFEL8d4BxhbVLX9iahEQXvURXZu3jF7F
        yzSneE8YTEzUhe6vscRl9zWOyr7tTaSFGg0RWxp0FkyxU9O1zdqK6IdY3+BSJJvi
        4z+GcBFBJS3UzuYRfGklHPSRYmxJSqNzHYGi+7TRwYVshkZe/8fzpDMF8+lF32oB
        PfSt9KJlvcKO2J5UxOrrTCZYh13z/WtmkbL4QRcEYaRc5CgZMGBReh9AjPCtaKAB
        M23/42DHrS440x4lMuTVFij7UX9XaJY2CwQKqFTrbzeJDpJyOZSGs5VW6HbRM5Jo
        XHbFzM0LULDmo/6Ea0hOdi4YhMNXFKGjWT7ThQIDAQABAoIBAGMEOGpRO43Yg0BK
        IKZ0Mnayg0Aj6ivQrP0aPeHOpu3aTOFzelNIdRMkm42jX1A/CHeBw7X84qkSi5TV
        f3WBwJkER5R8KBQSC1RNLxvZTXg0FDdR3XHiPuHA0wdULrX/LfarVRAvV95/cnnJ
        sKatgaYwsXgLYBva/1D12Jna0TElVhqf26Ro5m4ZtRLRLQjyo5M0gtFnQC7xaLCt
        cZ4xxcAnE/keK9jexihNB8r4z9D0BUbkeP+6AODLi4YMy38W3lkvLA3ItT4Vuz6J
        UlW9Y6dL+x0POarcdzQoHswagHPjraZjN2Tfw1M9OtiMSRbPUYZe+z4kciXoFC0r
        jgaGLbECgYEAxQ04XwS8wcmAleznGuSFDg8k+8IigVIQuqgbjVpnxLBnxjMNOndr
        cHphRvfPygQ1fJHGBiuVy/+nabDwxGRT1eub3OwPX9ip4JWhcmjynbgPJrEWscS6
        eTo/zcLr53dK0y9kzytLfCR9aKPCw3QL4eOPT/Pcs06gdy/PoqKu108CgYEAuaUh
        NIVGBbMf/W4DBweD7jeK9ViTYRsuSeUkAAZpJZ51FoogrbdKxNt//7U+1CAgeAKn
        j7fkGu84xI1dQ0yGXHJj7l9so3vWsmWz1ySyU/7RmsAZc7juWi4235DA0Muu51fD
        RPK2e3OWkCzbL91wNX7nMC2rnNlyZL8ByfPCcusCgYEAuYYb5+Im8XENHpsAb6Jt
        33HEyT/bitRAKe0ym6BdiKLp4YKZVs2umyStx8pzmWjjDtiUj6SjkYCvF2RfGxi2
        kfcVNSgPxZbRQkC+02AZ5QKxSSV8D30AcDi2b7ywrKn1CeZaTG8fz87vQADG04zD
        zzaX7JfV2AAUNoMOQ7pVUSMCgYBdMeyNdSpFyjqQ+x1B9h/hArkbma/C2+ZM6l88
        M/utCvM0sXreOlmqoZaMQ+yaiNZD6PE9UM+ORfF1mpHrKwt4dWR9UiIzoAOT40J5
        Cs8LI60NxsoAMiJV20Vozj49k0LmmERK5J1/M/OtxRbz3HJsKJzers6sGu02bjzz
        qQ9AqQKBgBvB6Zz61k/d7JIWtqPQk9iEp6bZQLbOmtsHDBqyoDO+80IhaUfz/3h3
        CU8iXZafGqerBBiMEDON9AqkeNWWv9C/7kZGxotoIwXHc/tjpcr7FiITwFgBqiOJ
        WAeyvzVrc0gbyPGXc8OG6wIB/Rq2yAanf1VfNSl39d5AZ7EYwcAN
        -----END RSA PRIVATE KEY-----
        """
    /// Its X.509 SubjectPublicKeyInfo, bare base64, as Alipay shows public keys.
    static let publicKeyBase64 =
        "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAjuWo0SEz7Oa6h927DFEL8d4BxhbVLX9iahEQXvURXZu3jF7FyzSneE8Y"
        + "TEzUhe6vscRl9zWOyr7tTaSFGg0RWxp0FkyxU9O1zdqK6IdY3+BSJJvi4z+GcBFBJS3UzuYRfGklHPSRYmxJSqNzHYGi+7TRwYVs"
        + "hkZe/8fzpDMF8+lF32oBPfSt9KJlvcKO2J5UxOrrTCZYh13z/WtmkbL4QRcEYaRc5CgZMGBReh9AjPCtaKABM23/42DHrS440x4l"
        + "MuTVFij7UX9XaJY2CwQKqFTrbzeJDpJyOZSGs5VW6HbRM5JoXHbFzM0LULDmo/6Ea0hOdi4YhMNXFKGjWT7ThQIDAQAB"

    static let content = "app_id=2019090366875133&method=koubei.marketing.data.indicator.query&sign_type=RSA2"
    static let signature =
        "JzoDc8VxY1/w6yN9WdWV10aipS3YcRpK+jw4xfLybf90ZK9L3AHLUJbNLWVnHW3IuLoJbBeSGVxSbPBhe4ggPklcYUkPowgtlZ6Y"
        + "lthuQDtjF23h2obXuXkQRd+RPbDWvOA5AYQjsKH8uSHil5aRARewPIPhukl9Mn4HEovUccsBR/RirQFSGmGYiMM0zvhVSR7pXZDE"
        + "hiADzvzAkvVVTI1/HbNqcoBU4ctSPAGsuDPO/mah1+IwGQAuPP6xoEPL+3zQ0wztQCwHT2o8aQmxFJ9a09q8ybRprHaNjCgTaLDe"
        + "TWE0o1pllZIE8c7wnG3cOuj6quYjTcQyLm6P4M87Zw=="
    static let chineseContent =
        "app_id=2019090366875133&extra=中文测试&method=koubei.marketing.data.indicator.query&sign_type=RSA2"
    static let chineseSignature =
        "KrRGUY3/2JX3KtlLgus8CbK0xuUIBDCpOdJkVzJDefez6HvlA8RA6uCVj2rrMd7DgVfarG5SROdSnkZbf8MLKHbVoFqi9w0QCvto"
        + "9mc8n3ezfWejZECJVCZhbJ3OslB+4gij9+F70usrnCNEJZm02ntyNdVzcqMbgdRMB93BJIRC1jjmCotpXgXWrRdTb/SfhIAkoHqg"
        + "Gi2aCUHuLDInLGZCn8NeziGWMnFOic6/sE/nMpwriOmwLb2nyzD0fGiolwuuxlOGMcBHAb22J8XqchFHyCpbs2A/rWdJMjhUfqsE"
        + "rbtZQM93fi1xfL2pUa9RMWX0Q81Qk7iSEeHCR+NGyQ=="

    static let shortKeyBase64 =
        "MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBAKUkTROQQ/FMtYXn6nWHzawNbRQSbF3rGhTGiCm+M2pxrGBfW6WI"
        + "0D3VQLW8G7eb+6Xs2+FPp/+FO3MuYpbpNsDp3fSwXU/WjcEx8HBS43WO6Fr+5/STxbles+OB/Pyak29Z/IErjJK/kd7H/oCWg6DJ"
        + "Law+6lXsadZgel8iJBrdAgMBAAECgYBTm5laOkPrusZ8UPonHuZGIVYEP3+V3R2LPyhY2e72CS8Ya67ek/G6HGlymRX/U32Id+6q"
        + "l8WaXD3JBsbrWI9bMP8Bg34o966+uurZL6hEnF08Xgz7gQ7sO00/K6WJHO+F98DQfODQG11cZ5QR5kDejA7twAQfqKyHnDSWFEhh"
        + "AQJBAPKX4p6CaaKywE+0V0NuC8k3YSLDZL+mmToMW9Fzjq6OfzpseCTe6Kzm0uzX3jkIXnV6L2cta65Uu48OGnWUENECQQCuRKmV"
        + "LN10VA5rV6A/UHgmJs0lfcWTC7v6m+goPrTqkFmVjqzrwbeO6DdtCCGXU4iXrbu/X5dHhlXKI1LlDUxNAkBxznFA/VtDOWpgufDK"
        + "MGEVF4bZQSMNicGOaufUPcrs9uqW5PYEDhLHsk23UJnu1Y9Cu3xrgfJnSVboCKy/BiRRAkAcl9V/TXI0gQowoJsBaHGeSOWGDkHZ"
        + "o6Y/M09/MvK6Pd8FA/jpYcp9Xyqg8CGa07Doui/A8a0/phHzbaJPRMRNAkEApoXZ3ys8LmBbMvECjFA7wbgQAfTRYyXJcY8Gv3wJ"
        + "W1RN9+VwdDakrf1LLXmB21BNDRYi9RrJ9p4VlDkvady6Bg=="
    static let sm2KeyBase64 =
        "MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgTHx9+TBhG9rmgejfbyovrVjQtb12qY564XU/Km6oqnyhRANCAAQx"
        + "onuZuuPQZcvl3/fMjZEBxEcP14UGygfFASwSQnDqeY47wxCrIaCCwKSktobNoJAlA4Wc1V1Vbs98/B9SoGoR"

    /// A key of our own (`openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`), to sign with the
    /// wrong key.
    static let otherKeyBase64 =
        "MIIEpAIBAAKCAQEAlmBPat8Q2I5OpJsl84tjngvAkkUmtEZEYMd047AEH06vNVOlaCqdBeB2lVjyBhY0ylLQCy6OShyIcbNB/q+4"
        + "5zFzIiglCFq8SB8NB18LP79t1l38HevyljKrWXe+cIDtCMDQID1Ivdmue0w1esnEWH6fuITqNDH4p3S/+1rypgPYNy9e9RBgQIB/"
        + "xlNKvK5zEJ/PwcvPgDEFenAbN+i8kXYb6DaiqoPrc0S2Lv3OmFUhw8fWqi5sniqlzNOd8FCadpnvRAVnU5BQ1J2A/vIPGgKb8w7K"
        + "UskoJWcBj2BUsa/fPgKnGNxD65VRyC9cMg8L/cXIF23znBqI8K7Yo0eLXQIDAQABAoIBADFR1CpKj/VesydkpU1b5afD1fyDRp7w"
        + "vuN493rn02pLPcbBMOpZs5dmV65C9loNtXG4OHi6Y7ul4RBdiSMVkhDtlIPa4856J++Fk5nbz84wJD+fIp3TsYQWiUF2NxUiC9wH"
        + "lRtFzlJKD2JsC8xCWa3mlc8IdOH6k8GkVoUDfrr43eOWkzeXFK60cUeS5UDJ8KIk9T0UibxXNS9oAKTAcvwkz49LYT7af1vXIVQ8"
        + "nhnJwq/lh0Lk8tdAo/ttP6KvyoXHPKSNzbW/VXjR5a/FanMys611d9tYxeFDOyLwlh4gDHjWDmQS1j863e48IUficYboD+a1HPhg"
        + "f/PrYZHWQBcCgYEA0Ir8+5B6jk0iCIGIlTKlJdznLM1Dl0FkSHAb5Rg/vsBWyoS08ZV2+x2cgfgB6heCCrR1up+wAt3iee9Oia2q"
        + "IermjBhHLS6z+KOX2agHlRrbqBLMXF8wGbDjKqr6FgAtz5Bc7Oqf+X0oRPkDGXVrv5DL/jxRXjFoB8tDnxL/I2cCgYEAuJi5cDZL"
        + "GvSo5dRLKrCg4yd4fxsHKK+yD0cXdrh5/eAVcSzgRMyqG14QzsRMCX2tD8lysYfTkSQftc/2pwKusr5C+0UzjjpnyldeMtuD088O"
        + "w84kgfyF3FruUnr/vZeYh0Gd/rWXGEuZhq7uhl+r6RkOgJgZiFb2dYpylduUhJsCgYBro8HOixVnC9MMNufrspdhgrLkAhLoKH19"
        + "kjgjuK92Ysqpf3Px2ibumKsmvn8md/nMUrcNm8z6vdJfA7EzCStulFNpbkKWxKtqI+6GDt/TC2jjSMioyQ0HxbCLXnL1FiSPJUGB"
        + "m9z0prA5YZpC8sOpvjA8yp9pEfFTTIxbuC9u8wKBgQCdPyQALY/O94kEttINHIcA2XewtsJjaz8/+mxHaqAonoFFdlfY44soYvno"
        + "WJj5IMCSiSUVi8GyitYkV3IiFIvioWaHiwx+5MvTNpd8tTfX7zMBoxHAVO9mpWMMidBencuFtGS1O9TpEkVG0K9JcigMGZcb/fUK"
        + "CiJKQFSZyYH7bwKBgQCd2VDHPR8OFicVWQA4nIAsYvQGV/ItSA9y8XWMo9lgjP7GUogyvJPA4FEBflQai+2dnaHZtaVECIgr/56m"
        + "eTqLGwOQfG4Tu6QmU5L1ez4QzRjnlSlZaHQKupbu4o/8GtP4398+1QivKDe9h4wNGxn1/GHTCkVnhAW2EEwT04fw+w=="

    static func sign(_ text: String, _ key: RSAPrivateKey) throws -> String {
        Base64.encode(try RSASignature.sha256(Array(text.utf8), key: key))
    }

    @Test("the SDK's signatures, from the key in each of its forms")
    func publishedVectors() throws {
        let pem = "-----BEGIN PRIVATE KEY-----\n" + Self.privateKeyBase64 + "\n-----END PRIVATE KEY-----\n"
        for text in [Self.privateKeyBase64, pem, Self.privateKeyPKCS1] {
            let key = try RSAPrivateKey(text: text)
            #expect(key.bits == 2048)
            #expect(try Self.sign(Self.content, key) == Self.signature)
            #expect(try Self.sign(Self.chineseContent, key) == Self.chineseSignature)
            #expect(try key.publicKey().base64 == Self.publicKeyBase64)
        }
    }

    @Test("verification accepts the SDK's signatures and nothing else")
    func verification() throws {
        let pem = "-----BEGIN PUBLIC KEY-----\n" + Self.publicKeyBase64 + "\n-----END PUBLIC KEY-----\n"
        for text in [Self.publicKeyBase64, pem] {
            let key = try RSAPublicKey(text: text)
            let signature = try #require(Base64.decode(Self.signature))
            let message = Array(Self.content.utf8)
            #expect(RSASignature.isValidSHA256(signature, of: message, key: key))
            #expect(
                RSASignature.isValidSHA256(
                    try #require(Base64.decode(Self.chineseSignature)), of: Array(Self.chineseContent.utf8), key: key))
            #expect(!RSASignature.isValidSHA256(signature, of: message + [0x20], key: key))
            var flipped = signature
            flipped[100] ^= 0x01
            #expect(!RSASignature.isValidSHA256(flipped, of: message, key: key))
            #expect(!RSASignature.isValidSHA256(signature.dropLast(), of: message, key: key))
            #expect(!RSASignature.isValidSHA256([], of: message, key: key))
        }
    }

    @Test("a signature of another key does not verify")
    func anotherKey() throws {
        let other = try RSAPrivateKey(text: Self.otherKeyBase64)
        let signature = try RSASignature.sha256(Array(Self.content.utf8), key: other)
        #expect(signature.count == 256)
        #expect(
            !RSASignature.isValidSHA256(
                signature, of: Array(Self.content.utf8), key: try RSAPublicKey(text: Self.publicKeyBase64)))
        #expect(RSASignature.isValidSHA256(signature, of: Array(Self.content.utf8), key: try other.publicKey()))
    }

    @Test("keys that cannot be used are refused with a reason")
    func refusedKeys() {
        let refused = [
            "", "not a key", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0w\n-----END ENCRYPTED PRIVATE KEY-----\n",
            Self.shortKeyBase64, Self.sm2KeyBase64, Self.privateKeyBase64 + "AAAA", Self.publicKeyBase64,
        ]
        for text in refused {
            #expect(throws: CryptoError.self, "\(text.prefix(40))") { _ = try RSAPrivateKey(text: text) }
        }
        for text in ["", "MIIB", Self.privateKeyBase64, Self.publicKeyBase64 + "AAAA"] {
            #expect(throws: CryptoError.self) { _ = try RSAPublicKey(text: text) }
        }
    }

    @Test("one key signs and verifies from many tasks at once")
    func concurrentUse() async throws {
        let key = try RSAPrivateKey(text: Self.privateKeyBase64)
        let publicKey = try RSAPublicKey(text: Self.publicKeyBase64)
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask {
                    if index % 2 == 0 {
                        return (try? Self.sign(Self.content, key)) == Self.signature
                    }
                    let signature = Base64.decode(Self.signature) ?? []
                    return RSASignature.isValidSHA256(signature, of: Array(Self.content.utf8), key: publicKey)
                }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 64 && results.allSatisfy { $0 })
    }
}
