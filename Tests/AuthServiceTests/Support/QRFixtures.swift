// Generated with qrencode 4.1.1 (libqrencode, Debian package `qrencode`) and python-qrcode 8.2 (PyPI `qrcode`);
// see `QRCodeFixtureTests` for the exact commands.

@testable import AuthService

/// Module matrices of known-good QR codes, made by other encoders, for `QRCodeFixtureTests`.
enum QRFixtures {
    /// A symbol given row by row (`1` dark), as `qrencode -8 -l LEVEL -m 0 -t ASCII` drew it.
    struct Drawn {
        let name: String
        let payload: String
        let level: QRErrorCorrection
        let version: Int
        let rows: [String]
    }

    /// A symbol given as the SHA-256 of its rows (`1` dark, `0` light, joined with line feeds), in hex.
    struct Hashed {
        let level: QRErrorCorrection
        /// Bytes of `QRFixtures.payload(length:seed:)`.
        let length: Int
        let seed: Int
        let version: Int
        let sha256: String
    }

    static let drawn: [Drawn] = [
        Drawn(
            name: "version 1, level M", payload: "miniprogram", level: .medium, version: 1,
            rows: [
                "111111101011001111111",
                "100000101000001000001",
                "101110101010101011101",
                "101110100001001011101",
                "101110101011101011101",
                "100000100110001000001",
                "111111101010101111111",
                "000000000110000000000",
                "100111111101010010111",
                "101110000101111000000",
                "101010101011110000111",
                "110000011000110100110",
                "111000110011100001000",
                "000000001000111011010",
                "111111101011011010000",
                "100000101010011001110",
                "101110101100000101000",
                "101110101011100101000",
                "101110100101101010111",
                "100000100001101001111",
                "111111101101011111000",
            ]),
        Drawn(
            name: "version 2, level H", payload: "scene=01234567", level: .high, version: 2,
            rows: [
                "1111111001101101001111111",
                "1000001010011001001000001",
                "1011101011110010101011101",
                "1011101011111010101011101",
                "1011101011011110001011101",
                "1000001010101100101000001",
                "1111111010101010101111111",
                "0000000000011010000000000",
                "0010011111001101010111110",
                "0011000011101110011001001",
                "1100001110010111011100101",
                "0110110100001110011001011",
                "0101001010110010111001011",
                "0110010111011010011001101",
                "1110001010110101001011001",
                "0010010010100111100001011",
                "1110111011100011111111011",
                "0000000010110101100011011",
                "1111111011111010101010101",
                "1000001011011100100010001",
                "1011101000101001111110000",
                "1011101001011010100111100",
                "1011101011100110100110111",
                "1000001001100001110000000",
                "1111111001110101101110001",
            ]),
        Drawn(
            name: "version 7, level Q (carries version information)",
            payload: "https://mp.weixin.qq.com/a/wxdevo2o?page=pages%2Findex%2Findex&scene=a1b2c3d4e5f6",
            level: .quartile, version: 7,
            rows: [
                "111111101001101000010100000001110000101111111",
                "100000100011100100110011111101011101001000001",
                "101110100000011111100110100011000101001011101",
                "101110100110111100010111110101000001101011101",
                "101110101001101011001111100001101111101011101",
                "100000101001111010001000110000010100001000001",
                "111111101010101010101010101010101010101111111",
                "000000000001000000111000111010101000100000000",
                "011111110011101010111111110100110111000110001",
                "111001001110110000100110010001110000110100111",
                "110100111000011101011101011000010011011001110",
                "101111010100101110000001100111101001011111111",
                "111010100001010011000110101100110001001000010",
                "111000000110010010010101110001101101100010011",
                "000011100101110000100111100100011011101101110",
                "000000010100111110101100000111011110110111110",
                "110000111111100000011001010000010111010000001",
                "010010010011000110111010010011111100110100101",
                "001100101110110100011101001000011111011000010",
                "101001010001011010010011011101001100100011110",
                "110111111011110111011111101010010000111110000",
                "101010001100110011001000111111011101100010011",
                "011010101011001010001010100010100111101010100",
                "110110001101011000001000111110101100100011101",
                "001111111000001001011111111000110110111111000",
                "000000010011011000100000101000111000011000001",
                "010000100111101100111110100010011110100000110",
                "111011000101110001110011000111011001101001101",
                "101111100000011110001100111101100110110110010",
                "010000000010100100111001111100101000110000001",
                "101100110100011010101001101110010111010100110",
                "010111011001101011010101100110101101111001100",
                "100100100110100111100110010001110010010110000",
                "010001010111010111000111011011111000000001111",
                "000010111101001011010110000000000110100001010",
                "011110011111010110110110100111101001011111111",
                "100110100001000001011111110001110000111110011",
                "000000001111000110101000100011110000100011001",
                "111111101011011101111010101011001111101010010",
                "100000101101111010011000101011111011100011110",
                "101110101100111010111111101001100010111110010",
                "101110101011110000011111101110111101000010110",
                "101110101001110010001001000011011111100001010",
                "100000101111101010000010001000101010010100100",
                "111111100010000111001000010101110111011001010",
            ]),
    ]

    /// For each level and version 1 to 40, the longest payload that fits (`qrencode -8 -l LEVEL -m 0 -t ASCII`
    /// chose the version and the mask).
    static let fullCapacity: [Hashed] = [
        Hashed(
            level: .low, length: 17, seed: 1, version: 1,
            sha256: "deee68f48031f8ea2e3e11a81d56b93fe001b1c8d56267522e905d8d32625154"),
        Hashed(
            level: .low, length: 32, seed: 2, version: 2,
            sha256: "abf5bab442ab702f977d0e50d995d0d149306b1cc21016b0b214b9ed5a2b506f"),
        Hashed(
            level: .low, length: 53, seed: 3, version: 3,
            sha256: "0e5feedd0ad2fe89f0d573c48e6d112fc52838e2607696a9ca80b2eb01a84f14"),
        Hashed(
            level: .low, length: 78, seed: 4, version: 4,
            sha256: "57662df57bb08bbfcace09c716cc08438169fa35f04c50f4c8ed722c7e8d9f23"),
        Hashed(
            level: .low, length: 106, seed: 5, version: 5,
            sha256: "7cf4836ebf367b751bac0c5dec4065b2eb186a6dc8f34e82a8059296ab9cc0fb"),
        Hashed(
            level: .low, length: 134, seed: 6, version: 6,
            sha256: "126c17126b8747e7ee6a902ff8ef7ae6c3963992e75ee2bb669e747183522cd3"),
        Hashed(
            level: .low, length: 154, seed: 7, version: 7,
            sha256: "ecf876e4641bb8852a404cef8b5c5d5b5f9194c0403d015c914e83fd83637a63"),
        Hashed(
            level: .low, length: 192, seed: 8, version: 8,
            sha256: "441f9b20d3b726186df166fe6080e147ef413988288109303a617ff601a25f6b"),
        Hashed(
            level: .low, length: 230, seed: 9, version: 9,
            sha256: "f3ce533ebb8d00a99fce69ae197a276863e8167fc642de96f208ec7fbad42ca6"),
        Hashed(
            level: .low, length: 271, seed: 10, version: 10,
            sha256: "16e112dcd6644075301675beae4b7ed235f990b694ea32edfff1e7e9797553ea"),
        Hashed(
            level: .low, length: 321, seed: 11, version: 11,
            sha256: "3aad96a18b36180b1428a0d0c2219e59ebc8a73c79970cb7d84943dc4aadc9f8"),
        Hashed(
            level: .low, length: 367, seed: 12, version: 12,
            sha256: "a583656701729493c702bfa685b67250000123cd2cf44d23e3b34278171ecf4a"),
        Hashed(
            level: .low, length: 425, seed: 13, version: 13,
            sha256: "7f992fc1c4712ef99469b9a36eaa53b2e14c4aac0bd44fa1abde1db45c9f9030"),
        Hashed(
            level: .low, length: 458, seed: 14, version: 14,
            sha256: "0a13080ead2d689845f6ab9ed35a204270e2733e4851df2f941bb827284b09d2"),
        Hashed(
            level: .low, length: 520, seed: 15, version: 15,
            sha256: "e26926d277c97cfc61c0f56b45e1732d8d65280db7dfb593487d7089a3b3ae00"),
        Hashed(
            level: .low, length: 586, seed: 16, version: 16,
            sha256: "a9d2adf6df261fa69ca6912ec58833a9362e52d409392b9a94d83ded065b4eda"),
        Hashed(
            level: .low, length: 644, seed: 17, version: 17,
            sha256: "ecafea423b8c9a14f20e0e17b9da2472e4a7566d79a146d3e32c7707c293bb17"),
        Hashed(
            level: .low, length: 718, seed: 18, version: 18,
            sha256: "0a2a8a69a9cace3de04bfe244f938b3f545b1f63fbe72b10c25b42eda433f428"),
        Hashed(
            level: .low, length: 792, seed: 19, version: 19,
            sha256: "66375b7ea72aa23933e58cce600611e48d3f6fe2d30ce38fac39cdbba604cf1c"),
        Hashed(
            level: .low, length: 858, seed: 20, version: 20,
            sha256: "ce3667677936fe840f25a9704fd2b46531fca2e0935278eb80666d56fb97ab4a"),
        Hashed(
            level: .low, length: 929, seed: 21, version: 21,
            sha256: "a22bc70ee082bf43692e206248da05b7d5b58e8d459fd2460201aeb28860e0ec"),
        Hashed(
            level: .low, length: 1003, seed: 22, version: 22,
            sha256: "1ca31cfd327cef1862c82146a28f7400b02c8fb6a1e7b7499f3dacbaf38f487c"),
        Hashed(
            level: .low, length: 1091, seed: 23, version: 23,
            sha256: "fcbf6b39b0af529a74890a5ac2cf6235e6eb34045428355e9d16f918b302bcb5"),
        Hashed(
            level: .low, length: 1171, seed: 24, version: 24,
            sha256: "0962ad447bb808574328babe32b5225540a72ea40d40f660389f217a5c29bab9"),
        Hashed(
            level: .low, length: 1273, seed: 25, version: 25,
            sha256: "17393a6de97cceaef9b2c15fd71c4c2571732b11b5070f82ab13267c7ce91ac6"),
        Hashed(
            level: .low, length: 1367, seed: 26, version: 26,
            sha256: "0dafbc43cba781b66791f668b3360e8381f19405c60d06461df87791c886e61c"),
        Hashed(
            level: .low, length: 1465, seed: 27, version: 27,
            sha256: "91113e8673be8a0aa003faf65d4b2b98d879325e666c2a686e5c483309add186"),
        Hashed(
            level: .low, length: 1528, seed: 28, version: 28,
            sha256: "c648d791c86fa4b600445e47d3051de72aede3948a3e71f171380ba20b3f700e"),
        Hashed(
            level: .low, length: 1628, seed: 29, version: 29,
            sha256: "b70e468eea3d82f9a7d85cbb4fd4b2864eff73f1d79183ef5bc60dc3182eb5d3"),
        Hashed(
            level: .low, length: 1732, seed: 30, version: 30,
            sha256: "1702365f33eaad0188ab135fe38e4a27a3766f9ba677ebf74b06c68f2623fe3f"),
        Hashed(
            level: .low, length: 1840, seed: 31, version: 31,
            sha256: "a08238645227862972eb4fc294008f517754431e0125f2da912216933c86712f"),
        Hashed(
            level: .low, length: 1952, seed: 32, version: 32,
            sha256: "249115ffd9e524468071d66b7d6e851329559183fc4b804bedda4b85e57fa389"),
        Hashed(
            level: .low, length: 2068, seed: 33, version: 33,
            sha256: "846fc3795b16a13d2b85b233220d479bb6caf6e788afc06842a40fb37b62dc51"),
        Hashed(
            level: .low, length: 2188, seed: 34, version: 34,
            sha256: "66a880fe212ad0a4a41d2c41d6856ec9e2aac58b29c5005fed1775386fe39779"),
        Hashed(
            level: .low, length: 2303, seed: 35, version: 35,
            sha256: "8131e69dd215446651eb56f1238c4370878be30b04d1c19a0c4e505076673a0f"),
        Hashed(
            level: .low, length: 2431, seed: 36, version: 36,
            sha256: "1275421ef7bb6c0cf87d56559ccf0ae301e705dbb4ec06f05be378087beb3a82"),
        Hashed(
            level: .low, length: 2563, seed: 37, version: 37,
            sha256: "8e5356eafa7ece9c0a325a725c69afbfcf765872fd393b6f9b0bd24b7d6fa1f7"),
        Hashed(
            level: .low, length: 2699, seed: 38, version: 38,
            sha256: "baa96aaf04d213b6b7c332bc0b5255166a291673f2369693c3570cbceccdba5d"),
        Hashed(
            level: .low, length: 2809, seed: 39, version: 39,
            sha256: "b0a3749b311ba6e00b6c56b67631b30c565c75f2fe35f18b7751e3fe6f5435be"),
        Hashed(
            level: .low, length: 2953, seed: 40, version: 40,
            sha256: "975ab603c6c2fcfa77b41b42ddc76b46f01394f8de54be0ea80b6843d1eb6486"),
        Hashed(
            level: .medium, length: 14, seed: 1, version: 1,
            sha256: "62cdd382f23c3ad0c5c751f752d2407743dd63c6dd3c1d796380d79f43f49f63"),
        Hashed(
            level: .medium, length: 26, seed: 2, version: 2,
            sha256: "787d1fbb3c3d507b62a7926bfa8777794d039df2e334950c4df7a522f3e91285"),
        Hashed(
            level: .medium, length: 42, seed: 3, version: 3,
            sha256: "88dc4e351c95370956fdc6c3c70dd6dff7ff82b0ee4763337ef59f731da66db2"),
        Hashed(
            level: .medium, length: 62, seed: 4, version: 4,
            sha256: "9825c7b4fbf818c88183a5330dc4948ed148d3710357870f23aa148d503b5478"),
        Hashed(
            level: .medium, length: 84, seed: 5, version: 5,
            sha256: "4998db9ee4166e444fca8e0c4c809539076de3f97a26cc97a284a4f2b6dad10d"),
        Hashed(
            level: .medium, length: 106, seed: 6, version: 6,
            sha256: "c9f181a82064118eedf55dc75e5cc185ca1d80fe55ff5508da22fe9fdeba55a0"),
        Hashed(
            level: .medium, length: 122, seed: 7, version: 7,
            sha256: "d3d9d8b5f827d177d700d5e2cfab2f9d21df40a86635b4fd23a2ffa05da38731"),
        Hashed(
            level: .medium, length: 152, seed: 8, version: 8,
            sha256: "de828a1044faedb72ab71ad0099f9e67eddce004baffcdbfb03dccc6c8064160"),
        Hashed(
            level: .medium, length: 180, seed: 9, version: 9,
            sha256: "b7c5c9cffd6bae8ef29e1fa36960c1de8e0eb917105cf69345e587c0684576cc"),
        Hashed(
            level: .medium, length: 213, seed: 10, version: 10,
            sha256: "be100800f7fd46edde014f176930045bc534ed297f7cfbd591708b59aad5247a"),
        Hashed(
            level: .medium, length: 251, seed: 11, version: 11,
            sha256: "8c70aa9dd0759ec0575cfc21ab3997fdd5a480a38566c76f5e1fe98282fc9908"),
        Hashed(
            level: .medium, length: 287, seed: 12, version: 12,
            sha256: "39feb4b6d53a21c8eff16d5b3f1541f6a7d4e6330d7fafd68dff83254e5624e1"),
        Hashed(
            level: .medium, length: 331, seed: 13, version: 13,
            sha256: "422861b605fb4144fb724df1488ddf5d9112897ef9336f6352c5082271cf41c2"),
        Hashed(
            level: .medium, length: 362, seed: 14, version: 14,
            sha256: "694d2da418db3ab5c95ab27a5599c8448c0167616b7eaabf67bdaae910014506"),
        Hashed(
            level: .medium, length: 412, seed: 15, version: 15,
            sha256: "23269824424346abfc58957214cd496fd01b936378fb1d3cf45d9ef9f76f90e5"),
        Hashed(
            level: .medium, length: 450, seed: 16, version: 16,
            sha256: "69cfda9bf14b9b88a6f014aae9f91a6e1d57275532457219d0f0d8612e5d4876"),
        Hashed(
            level: .medium, length: 504, seed: 17, version: 17,
            sha256: "d5f4bc188ad787a16bd63f6e88242326c9922e0e6a05703d57b8621570b1d4f1"),
        Hashed(
            level: .medium, length: 560, seed: 18, version: 18,
            sha256: "cda4a6e1b10310a2c2841a0bcb0bccc6198938ba718b5a306b391427864a9573"),
        Hashed(
            level: .medium, length: 624, seed: 19, version: 19,
            sha256: "7179f9fa05e22a294b0e81a67d694258e7f0436e753bbab3df1fef5645458946"),
        Hashed(
            level: .medium, length: 666, seed: 20, version: 20,
            sha256: "712f94daf2c1250bf0da6bc57bb0976b677656234762186be5cc7913593b2b2e"),
        Hashed(
            level: .medium, length: 711, seed: 21, version: 21,
            sha256: "90d2673ad1199e288cc69d18ec02c2d9c2a5edaf71a3517c605950be1128db9d"),
        Hashed(
            level: .medium, length: 779, seed: 22, version: 22,
            sha256: "e74d6c1e889781f7410779230488088cf65ec35de3074a9b0eb016a0132fe437"),
        Hashed(
            level: .medium, length: 857, seed: 23, version: 23,
            sha256: "601c191e93a3d8dc185de7e94f756072e975c68ce8dd7d8683f97c40359e2b49"),
        Hashed(
            level: .medium, length: 911, seed: 24, version: 24,
            sha256: "d573066c47734a48428dfa2a42ced10a9a95b4b30f15b9e83cc92c66b59f22f8"),
        Hashed(
            level: .medium, length: 997, seed: 25, version: 25,
            sha256: "88304a978eac3b7c67bed50919c56e1abdf09f8eba55ee931491e13cf7dff35b"),
        Hashed(
            level: .medium, length: 1059, seed: 26, version: 26,
            sha256: "ed580d0a7d0184415a87596d2d0240e9769ce15fa6e72bd0e1b4ac98a81a123d"),
        Hashed(
            level: .medium, length: 1125, seed: 27, version: 27,
            sha256: "aba94203157e43de3f1941f71d8993aeee7bc7c7126018d935835731a563a099"),
        Hashed(
            level: .medium, length: 1190, seed: 28, version: 28,
            sha256: "7aad3add8f5ce1fcb2052713a5767740d31fc6db1176782a934065b7f0e62bc0"),
        Hashed(
            level: .medium, length: 1264, seed: 29, version: 29,
            sha256: "2d1390dd07ce0fbf32e119e21af5ba748328a6b7ff605b154372d357414d5199"),
        Hashed(
            level: .medium, length: 1370, seed: 30, version: 30,
            sha256: "5ddd0e6b4f9db94da539964d5ebf67369f47540d47fa2ebaf7b34d914f98df5d"),
        Hashed(
            level: .medium, length: 1452, seed: 31, version: 31,
            sha256: "a61fe80bbfcc3153aa8b3b7621dffdd615abcb5a6c1127b7123ab9039eec1e8b"),
        Hashed(
            level: .medium, length: 1538, seed: 32, version: 32,
            sha256: "ced4b342727dd3d3fb606b5f7a8321e12e88d5cf9d12ca53237e595288c85235"),
        Hashed(
            level: .medium, length: 1628, seed: 33, version: 33,
            sha256: "7065205226fd4a432b8a14b7856c2ece999472008133a3bb3ef96a37f73cd3d1"),
        Hashed(
            level: .medium, length: 1722, seed: 34, version: 34,
            sha256: "416b7859b1d9a30e3ef0b7834c2f86a161bc6b0eefccf9f9a483303297813031"),
        Hashed(
            level: .medium, length: 1809, seed: 35, version: 35,
            sha256: "0ba966ad99ce01f307f7b5f9c79d23351ece2277e080cb404c15a2027d40c745"),
        Hashed(
            level: .medium, length: 1911, seed: 36, version: 36,
            sha256: "367293bf069e0ebc3613836c7aed2bf2968f80391450304274e619bceb00d383"),
        Hashed(
            level: .medium, length: 1989, seed: 37, version: 37,
            sha256: "8bf31681437633330395af4e2ab678708c900614156dbc235cd8bffb027b6b20"),
        Hashed(
            level: .medium, length: 2099, seed: 38, version: 38,
            sha256: "5218eca29851a5cf1d5bc3cd687c6e3a8bdc36d2026155c0b98f43f448637808"),
        Hashed(
            level: .medium, length: 2213, seed: 39, version: 39,
            sha256: "0aa3bc52ec6afe843eddb53303cce77daca85b0aa139b0204844560a322849e3"),
        Hashed(
            level: .medium, length: 2331, seed: 40, version: 40,
            sha256: "e47d554fe298e299e9b0f524e7f1c4d6bedf5c281418025a303c0d4613a403a0"),
        Hashed(
            level: .quartile, length: 11, seed: 1, version: 1,
            sha256: "6038acc90aa535cad1205b3cf60998887d446cdf441dd7e5a05e26240cacdd65"),
        Hashed(
            level: .quartile, length: 20, seed: 2, version: 2,
            sha256: "9291322cd3eca2d52be8bc48096da40581d982eaea8ae483cd6ac0653ca1ad4c"),
        Hashed(
            level: .quartile, length: 32, seed: 3, version: 3,
            sha256: "e9ed0ce42036452fa4ee6fd4fe1bff86b8a30aff793acab17d6a6f9db29bd33e"),
        Hashed(
            level: .quartile, length: 46, seed: 4, version: 4,
            sha256: "7fef81aa8c7326b5e85d12ec12bf618c5f9306e6bd3fce1acba973e5a4389b75"),
        Hashed(
            level: .quartile, length: 60, seed: 5, version: 5,
            sha256: "b98baeac833d0978c60111d2a56119193af23d8073f4b57de9b312a334bba00e"),
        Hashed(
            level: .quartile, length: 74, seed: 6, version: 6,
            sha256: "1c4800efc686cd2876060049e3766361ead181e1bf46935cb004cb47797e2109"),
        Hashed(
            level: .quartile, length: 86, seed: 7, version: 7,
            sha256: "b0b7d90561e917394e11de0a1c69f4c283c4539f8f40a559e9ed4ccf60b59f0f"),
        Hashed(
            level: .quartile, length: 108, seed: 8, version: 8,
            sha256: "e28b236c8c0ef8b852a2bc7113f2e23f76ee0ff3e35cc45ab668f673b4328990"),
        Hashed(
            level: .quartile, length: 130, seed: 9, version: 9,
            sha256: "603f19becbd8df6a6f14322e70c65e77d13204105e32692626f4d17c7a656944"),
        Hashed(
            level: .quartile, length: 151, seed: 10, version: 10,
            sha256: "d63e2e3eef66890f554ec4ec6deb1010e29804f6980e1901eebfbb40acc09251"),
        Hashed(
            level: .quartile, length: 177, seed: 11, version: 11,
            sha256: "052ca178b13d6ee33e9987ce3de152f9bc3b150b3dcc8ec5bb08bc413fb65140"),
        Hashed(
            level: .quartile, length: 203, seed: 12, version: 12,
            sha256: "d719434aaf950cc45ccfbeef09e3ee0593f60755fc7782c31512421dd4d713b9"),
        Hashed(
            level: .quartile, length: 241, seed: 13, version: 13,
            sha256: "92a1eab32aa22e302bde14d29d2b9025490113e59c474b08b203cc73c4821fc0"),
        Hashed(
            level: .quartile, length: 258, seed: 14, version: 14,
            sha256: "997b7da9abd022df02a425b66718a200784572c53bdb087165376e154b88ca33"),
        Hashed(
            level: .quartile, length: 292, seed: 15, version: 15,
            sha256: "629330f127e80053931d8c365d69ed0365ecb12ce2e1a47f76125c5ca0c64c00"),
        Hashed(
            level: .quartile, length: 322, seed: 16, version: 16,
            sha256: "c74f2c7ca594cf38e8e82515e82d187ba56683c22c048e6b13933350c5ac6f55"),
        Hashed(
            level: .quartile, length: 364, seed: 17, version: 17,
            sha256: "b197ded6fb063d82ad89251466db510de821d7ba58314daaf01abe363b96a6d7"),
        Hashed(
            level: .quartile, length: 394, seed: 18, version: 18,
            sha256: "c6216f81de725d03c8b7fbe064f7a12c846fad79a6dd51784f281e761b269017"),
        Hashed(
            level: .quartile, length: 442, seed: 19, version: 19,
            sha256: "3248ce36769365d93925901846c575ea6113a9117fe9b2d98e5a421ff6867084"),
        Hashed(
            level: .quartile, length: 482, seed: 20, version: 20,
            sha256: "eaa11cbe5aa5a67c8362c4fa88ea7df8b9650594dccd9ef7f94839056ccf583a"),
        Hashed(
            level: .quartile, length: 509, seed: 21, version: 21,
            sha256: "a7d4a153a1de86350979e3842a98cd3f71a10fb6d45acf253c68d8879770fe3c"),
        Hashed(
            level: .quartile, length: 565, seed: 22, version: 22,
            sha256: "22f686d824016755a1ceb0939b8a4e3aa79cda90db6de1edbbcad663fe864096"),
        Hashed(
            level: .quartile, length: 611, seed: 23, version: 23,
            sha256: "c63d873434110ca70d5c76ba5749fa07742c6118d0e602b38db213bda6d5cb17"),
        Hashed(
            level: .quartile, length: 661, seed: 24, version: 24,
            sha256: "51a9cfa3a7399dbde0c951e1f0de57bba3054598ad8660598aba79c030e8780f"),
        Hashed(
            level: .quartile, length: 715, seed: 25, version: 25,
            sha256: "3367cb98b8c925838bb2e3dfe851282535190e8f6787d6a95c508daffc4d2191"),
        Hashed(
            level: .quartile, length: 751, seed: 26, version: 26,
            sha256: "aad2f97e1945fc7e7cf76d1633e1eaa07a38e76a780091e55d08597a96d3febf"),
        Hashed(
            level: .quartile, length: 805, seed: 27, version: 27,
            sha256: "0607310c2a0ec33909e9acbabffb298b9f608855f9aecf0b0cc281eac88fb7e5"),
        Hashed(
            level: .quartile, length: 868, seed: 28, version: 28,
            sha256: "7faa1fe16bb5936f7ad45c663182853805fc135e164e4ebf122fcad28e41b0b8"),
        Hashed(
            level: .quartile, length: 908, seed: 29, version: 29,
            sha256: "f22e0deff9498cc3cd183ffff3fa388005cbfaf45f2ca9351734dd1062a557c1"),
        Hashed(
            level: .quartile, length: 982, seed: 30, version: 30,
            sha256: "9fc37049262b41242b33b1bb6d5bf85058705d1371ca676a313eeac2c1fdb364"),
        Hashed(
            level: .quartile, length: 1030, seed: 31, version: 31,
            sha256: "47264643df300c696a343c93d586e81a5b984673619a76481c38cb3ca3d96fcf"),
        Hashed(
            level: .quartile, length: 1112, seed: 32, version: 32,
            sha256: "5211a917af69ac7884426ca97bec3a6f6089a73d77ddbe9d1fe77d6ba517355c"),
        Hashed(
            level: .quartile, length: 1168, seed: 33, version: 33,
            sha256: "8345377b586e6e3b13ab900594c2d9e12ea827e4a8f0dd02bb47d230b13642ea"),
        Hashed(
            level: .quartile, length: 1228, seed: 34, version: 34,
            sha256: "b8587f0188624bfbb3dbce19f6437367c38dead374edbe1c3bc8ba18b6817d8b"),
        Hashed(
            level: .quartile, length: 1283, seed: 35, version: 35,
            sha256: "7e7f76de0fd5991f520d9fbc84de24f1dc4695ca21d7b1139c63f43d443e55be"),
        Hashed(
            level: .quartile, length: 1351, seed: 36, version: 36,
            sha256: "fece0bacef0fe476460e231295db05b4809e74018f7680fb6b81bd0be061033f"),
        Hashed(
            level: .quartile, length: 1423, seed: 37, version: 37,
            sha256: "ae4b0a65d5b6a955dea79285007fde307df1b1535dee16f3a8357373b4b1ca0f"),
        Hashed(
            level: .quartile, length: 1499, seed: 38, version: 38,
            sha256: "dc16fefafa58fc745324ee4f3fd0f0a45349c6bf1dab0bb0e4b8ac6a4711a333"),
        Hashed(
            level: .quartile, length: 1579, seed: 39, version: 39,
            sha256: "70e74468647c708f51ad97d7a3a2616eae1140a8b080757b09d554f6e15ede21"),
        Hashed(
            level: .quartile, length: 1663, seed: 40, version: 40,
            sha256: "7c887cb3bfa196ad3a87d599e42d3292a0fcd2fa501150abe62459341d8fb4eb"),
        Hashed(
            level: .high, length: 7, seed: 1, version: 1,
            sha256: "728be17db106bb3c7044890786fa9f980b9482153fab8c6f1806633acfbaf694"),
        Hashed(
            level: .high, length: 14, seed: 2, version: 2,
            sha256: "bb15503c0942b34784a3d33ce49072efbdca0e8f61681ca195cba2338a05f588"),
        Hashed(
            level: .high, length: 24, seed: 3, version: 3,
            sha256: "3d2b303f2d0f960ebdde226bf4cbf5540febe27bfdd8cfb4ea1a67b55c511ba2"),
        Hashed(
            level: .high, length: 34, seed: 4, version: 4,
            sha256: "82866d6d69030d23c87e3ca76c5f71e4b4a8ba7a685c6c21beaee37bcc881517"),
        Hashed(
            level: .high, length: 44, seed: 5, version: 5,
            sha256: "ef424631ed26c33c700ef6d6fa393084c747dbcb31ee861fa45f643765741909"),
        Hashed(
            level: .high, length: 58, seed: 6, version: 6,
            sha256: "44e3e6072ad45a776db845c8afafc457f20e16a5a619deca545a72d67b6106aa"),
        Hashed(
            level: .high, length: 64, seed: 7, version: 7,
            sha256: "c77e5b5d1e1d37aa1b5e68c5a232404546111976448a92dbeafcd94bec41ea9a"),
        Hashed(
            level: .high, length: 84, seed: 8, version: 8,
            sha256: "de13ac092dca77507555b827875ca7898d311d04d42bf354865bb6b51eaad7e7"),
        Hashed(
            level: .high, length: 98, seed: 9, version: 9,
            sha256: "ebefe05bb7b23d54c6b2c10ad79f2c235ef30b504b7c44f2105fd43b80e0222e"),
        Hashed(
            level: .high, length: 119, seed: 10, version: 10,
            sha256: "4cfce2ebf35f06a96a9818e3c320422e6d65d16a19eb6c2f4de95834530ada2d"),
        Hashed(
            level: .high, length: 137, seed: 11, version: 11,
            sha256: "37a34547ce05fb2061f67ebe2794054867bda8a7195160237277cfd6a30a4b11"),
        Hashed(
            level: .high, length: 155, seed: 12, version: 12,
            sha256: "2ec493486f5078f72c104738e3b1ea8d4a380f88d19d7e289ddd72362e606379"),
        Hashed(
            level: .high, length: 177, seed: 13, version: 13,
            sha256: "d5415069242befee2a90cabc8d748d00bd7ef554d97ca6e988427a0ffdb2f649"),
        Hashed(
            level: .high, length: 194, seed: 14, version: 14,
            sha256: "c4bfc503c435fcb4ced33f7c2d3b5d89c4e5457a3df77cf3d0f5786783a33983"),
        Hashed(
            level: .high, length: 220, seed: 15, version: 15,
            sha256: "07739f05b8d4bbe436bccbc835a7cce603e1448d82848f9c750259e7987999a8"),
        Hashed(
            level: .high, length: 250, seed: 16, version: 16,
            sha256: "1dd10692f674b84353f852126af19e8b5b784f8f3cc3b41db6d9d79b55226cbc"),
        Hashed(
            level: .high, length: 280, seed: 17, version: 17,
            sha256: "c832c0c15ee8766e4a28390d16f489efb92e971c0db8e17cfa7a2abd1eedbaab"),
        Hashed(
            level: .high, length: 310, seed: 18, version: 18,
            sha256: "21237fa57f3ff354a1e8b670837a7f1d60a9a86dc10ccc8c3121a1e8e142f948"),
        Hashed(
            level: .high, length: 338, seed: 19, version: 19,
            sha256: "0db04f7941bbd5ca4212b63a799b774b9104bc7ddc481e8120b315cf1df602f3"),
        Hashed(
            level: .high, length: 382, seed: 20, version: 20,
            sha256: "91e9b4e16b3ca9f0a447e7f108ae25d7468662726de6cdd37a1b34180d16997e"),
        Hashed(
            level: .high, length: 403, seed: 21, version: 21,
            sha256: "83a0cd03b85051539635c9d5bfe6b5ceea953cca223015b458a47004b3d6d0ef"),
        Hashed(
            level: .high, length: 439, seed: 22, version: 22,
            sha256: "ad4ad15a3f59c05bf7cc761c8fd71b13c82d8e892e63015d612561b05fa2a463"),
        Hashed(
            level: .high, length: 461, seed: 23, version: 23,
            sha256: "441f07cbf85762d1eae11f4c10df5db83c6cc0d0b43e116361893690e8fa0839"),
        Hashed(
            level: .high, length: 511, seed: 24, version: 24,
            sha256: "364417c4a6caa52d7630e4dd42d578fe710be5a399975e5b6b772e9f83759138"),
        Hashed(
            level: .high, length: 535, seed: 25, version: 25,
            sha256: "7fb339b719812276359fd46d364bd69c9e205ec364f4823c1988bbf5b06927dd"),
        Hashed(
            level: .high, length: 593, seed: 26, version: 26,
            sha256: "fe007ac2e01f8d9269f7c5608dedc27d834b4870abafd42264d94ff1a48542c5"),
        Hashed(
            level: .high, length: 625, seed: 27, version: 27,
            sha256: "a1a1fb40b531f99d30cd13262ccc70e70e83ccf29635961050bf6616dd4d8c66"),
        Hashed(
            level: .high, length: 658, seed: 28, version: 28,
            sha256: "269374c3eccc35dbcf7f2e7fb0a11ad9c370ed3a97bf11e363e92395790afcee"),
        Hashed(
            level: .high, length: 698, seed: 29, version: 29,
            sha256: "465f530ec367d0d0e26bda140b517cb0cd40db35c4aa3d8d1ffe5c6ab1a2badb"),
        Hashed(
            level: .high, length: 742, seed: 30, version: 30,
            sha256: "b993b5d8845cb098e5665e6bce510ceb04e06c2e1a6425e83eeb87f31992f450"),
        Hashed(
            level: .high, length: 790, seed: 31, version: 31,
            sha256: "86402157aba0240a68e049eff854be06a86c7179dcef45325fd95d44e763461c"),
        Hashed(
            level: .high, length: 842, seed: 32, version: 32,
            sha256: "8b879f394fb0cabb32223a73d87534e20cecd40f6a8e59c4cefc4c7f442f4155"),
        Hashed(
            level: .high, length: 898, seed: 33, version: 33,
            sha256: "f46dc7683a91dd745c3451e0792df5c116a6b90fab21b32cfd8ea47aae1d7375"),
        Hashed(
            level: .high, length: 958, seed: 34, version: 34,
            sha256: "1ab36fd8705bfb95db168f18e29cb8f8bce44281a4d2149566af4730c83d8c11"),
        Hashed(
            level: .high, length: 983, seed: 35, version: 35,
            sha256: "c9bc398a58c254a9069ff5fce9bd5d78aa7452e2ab464a541b5e6f90d4befc95"),
        Hashed(
            level: .high, length: 1051, seed: 36, version: 36,
            sha256: "6e6ddd2ea15115d99e8ca96911a1b87a497ff81ee5fef397f589079913ce854e"),
        Hashed(
            level: .high, length: 1093, seed: 37, version: 37,
            sha256: "36abd053322088b8cde66e6774602652d63b265c1ffc4394d31866483d881a05"),
        Hashed(
            level: .high, length: 1139, seed: 38, version: 38,
            sha256: "ea28fa184e7b52889b80405dfd1d99e00ee713b35a027675ee3aeac7dacb7351"),
        Hashed(
            level: .high, length: 1219, seed: 39, version: 39,
            sha256: "c46f9625a10033bf4311947d810f160402956eef4832fe3d61158e40e15bb1cd"),
        Hashed(
            level: .high, length: 1273, seed: 40, version: 40,
            sha256: "641f29017b729ad9e326b062105deba013703e1874d1b0aa5fcf1ccc5c2b048c"),
    ]

    /// `maskPayload` at level M in version 6 with each mask forced (python-qrcode 8.2, `mask_pattern=`).
    static let maskPayload = "https://mp.weixin.qq.com/a/wxdevo2o?page=pages%2Findex%2Findex&scene=0123456789abcdef"
    static let maskVersion = 6
    static let forcedMasks: [String] = [
        "664edb169c2e868d447aa500326a91a826312f21329240b5d8c3fc8b89a4a532",
        "a6909079b30425b57b6e31deba1f09093152f05a95f04f79c7f27f9f62bda871",
        "5360c88065f9ccd4017ea30b98f57827e2ec409ae47cdbb5e3bad2c6cfb2e125",
        "9ddb03283ce1ca16462c36306174dc2057aa0beee4f93203094b750b513a5501",
        "b435b3bd136bfee61ae25eef1d44f93c56d6df0ffc263d57afe3b44aff0e7c3e",
        "358a5676d7781fcff8e627a377c3ae0e58be9e0275c5b79ed63be4ffc065564e",
        "870baac8e6a9361dafdc028374e27d1e7846c0bf7411d3abbf8a25373e972650",
        "428cc78c2577b30741b8880c4708781c93e1267093ad1b0c5d0149ee0be498b3",
    ]
}
