import Testing

@testable import AuthService

/// The simulator's codes: real QR codes in PNG files, whose text names the app, page and scene.
struct MiniProgramCodeSimulatorTests {
    let app = WeChatApp(id: "wxdevo2o", secret: "development-o2o-secret")

    @Test func thePayloadIsAPercentEncodedURL() {
        #expect(
            MiniProgramCodeSimulator.payload(appID: "wxdevo2o", scene: "a1b2&c=3/~", page: "pages/severs/index/index")
                == "https://mp.weixin.qq.com/a/wxdevo2o?page=pages%2Fsevers%2Findex%2Findex&scene=a1b2%26c%3D3%2F~")
        #expect(
            MiniProgramCodeSimulator.payload(appID: "wx1", scene: "0123456789abcdef0123456789abcdef", page: "index")
                == "https://mp.weixin.qq.com/a/wx1?page=index&scene=0123456789abcdef0123456789abcdef")
    }

    @Test(arguments: [280, 430, 1000, 1280])
    func theCodeIsAPNGThatReadsBackAsThePayload(width: Int) throws {
        let scene = "0123456789abcdef0123456789abcdef"
        let page = "pages/severs/index/index"
        let code = try MiniProgramCodeSimulator().code(app: app, scene: scene, page: page, width: width)
        #expect(code.contentType == "image/png")
        let png = try PNGTestReader(code.bytes)
        #expect(png.width == width && png.height == width)
        let decoded = try QRTestDecoder(png)
        #expect(decoded.text == MiniProgramCodeSimulator.payload(appID: app.id, scene: scene, page: page))
        #expect(decoded.levelBits == QRErrorCorrection.medium.formatBits)
        #expect(decoded.moduleSize == QRImageLayout(symbolSize: 4 * decoded.version + 17, width: width).moduleSize)
    }

    @Test func theMostAWeChatCodeCanCarryFits() throws {
        let scene = String(repeating: "!", count: 32)
        let page = (0..<64).map { _ in "p" }.joined(separator: "/")
        let code = try MiniProgramCodeSimulator().code(app: app, scene: scene, page: page, width: 1280)
        #expect(
            try QRTestDecoder(PNGTestReader(code.bytes)).text.hasSuffix("&scene=" + String(repeating: "%21", count: 32))
        )
    }

    @Test func theLayoutKeepsAQuietZoneOfFourModules() {
        let fitting = QRImageLayout(symbolSize: 37, width: 430)
        #expect(fitting.side == 430 && fitting.moduleSize == 9 && fitting.margin == 48)
        let tooNarrow = QRImageLayout(symbolSize: 21, width: 10)
        #expect(tooNarrow.side == 29 && tooNarrow.moduleSize == 1 && tooNarrow.margin == 4)
        for width in 280...1280 {
            let layout = QRImageLayout(symbolSize: 57, width: width)
            #expect(layout.side == width && layout.margin >= 4 * layout.moduleSize)
        }
    }
}
