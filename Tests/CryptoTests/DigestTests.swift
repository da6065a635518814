import Crypto
import Testing

@Suite("Message digests")
struct DigestTests {
    @Test("MD5 known vectors")
    func md5Vectors() {
        #expect(Digest.md5("").hexString() == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(Digest.md5("abc").hexString() == "900150983cd24fb0d6963f7d28e17f72")
    }

    @Test("MD5 of the app base API's worked signing example (its data JSON followed by the appid's secret)")
    func md5SigningExample() {
        let data =
            #"{"method":"user.login","v":"1.0.0","appid":"ios_app_id","timestamp":"1493898621","#
            + #""unique_id":"68f66b5b72b864dd389748bffe112f4f","username":"18575202691","password":"123456"}"#
        let sign = Digest.md5(data + "7512100214f62d7de8ba01b281d6da02").hexString(uppercase: true)
        #expect(sign == "01E62683A5D2B7CD901F5F98C08F10EF")
    }

    @Test("SHA-1 known vectors")
    func sha1Vectors() {
        #expect(Digest.sha1("").hexString() == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(Digest.sha1("abc").hexString() == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }

    @Test("SHA-256 known vectors")
    func sha256Vectors() {
        #expect(Digest.sha256("").hexString() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Digest.sha256("abc").hexString() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("byte and string overloads agree, also for collections without contiguous storage")
    func overloadsAgree() {
        let reversed = Array("cba".utf8).reversed()
        #expect(Digest.md5(reversed) == Digest.md5("abc"))
        #expect(Digest.sha1(Array("abc".utf8)) == Digest.sha1("abc"))
        #expect(Digest.sha256(Array("abc".utf8)[...]) == Digest.sha256("abc"))
    }

    @Test("string input is hashed as UTF-8")
    func utf8Input() {
        #expect(Digest.sha256("é") == Digest.sha256([0xC3, 0xA9]))
    }
}
