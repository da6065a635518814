import Testing

@testable import AuthService

/// Captcha pictures: size, determinism for a seeded generator, and that they survive JPEG.
@Suite struct CaptchaRendererTests {
    @Test func picturesHaveTheDocumentedSize() {
        var generator = SeededGenerator(seed: 1)
        for length in CaptchaAlphabet.allowedLengths {
            let answer = CaptchaAlphabet.randomAnswer(length: length, using: &generator)
            let image = CaptchaRenderer.render(answer: answer, using: &generator)
            #expect(image.width == CaptchaRenderer.width && image.height == CaptchaRenderer.height)
            #expect(image.pixels.count == 120 * 40 * 3)
        }
    }

    @Test func aSeededGeneratorDrawsTheSamePictureEveryTime() {
        var first = SeededGenerator(seed: 42)
        var second = SeededGenerator(seed: 42)
        #expect(
            CaptchaRenderer.render(answer: "K7MP", using: &first)
                == CaptchaRenderer.render(answer: "K7MP", using: &second))
        #expect(
            CaptchaRenderer.renderJPEG(answer: "W3XE9", using: &first)
                == CaptchaRenderer.renderJPEG(answer: "W3XE9", using: &second))
    }

    @Test func differentAnswersGiveDifferentPictures() {
        var first = SeededGenerator(seed: 42)
        var second = SeededGenerator(seed: 42)
        #expect(
            CaptchaRenderer.render(answer: "K7MP", using: &first)
                != CaptchaRenderer.render(answer: "K7MR", using: &second))
    }

    @Test func differentRandomnessGivesDifferentPictures() {
        var first = SeededGenerator(seed: 1)
        var second = SeededGenerator(seed: 2)
        #expect(
            CaptchaRenderer.render(answer: "K7MP", using: &first)
                != CaptchaRenderer.render(answer: "K7MP", using: &second))
    }

    @Test func lowerCaseAnswersDrawLikeUpperCase() {
        var first = SeededGenerator(seed: 5)
        var second = SeededGenerator(seed: 5)
        #expect(
            CaptchaRenderer.render(answer: "k7mp", using: &first)
                == CaptchaRenderer.render(answer: "K7MP", using: &second))
    }

    /// The characters are drawn dark on a light background: a fair share of the picture is ink,
    /// and most of it is still background.
    @Test func charactersLeaveInkOnALightBackground() {
        var generator = SeededGenerator(seed: 9)
        for _ in 0..<10 {
            let answer = CaptchaAlphabet.randomAnswer(using: &generator)
            let image = CaptchaRenderer.render(answer: answer, using: &generator)
            var dark = 0
            var light = 0
            for index in stride(from: 0, to: image.pixels.count, by: 3) {
                let luma =
                    (299 * Int(image.pixels[index]) + 587 * Int(image.pixels[index + 1])
                        + 114 * Int(image.pixels[index + 2])) / 1000
                if luma < 110 { dark += 1 }
                if luma > 170 { light += 1 }
            }
            let total = image.width * image.height
            #expect(dark * 100 > total * 5, "answer \(answer): \(dark) dark pixels of \(total)")
            #expect(light * 100 > total * 50, "answer \(answer): \(light) light pixels of \(total)")
        }
    }

    /// Thin strokes and single-pixel dots are the hardest content for JPEG; about 30 dB is what
    /// quality 85 keeps of them, so 27 dB leaves room for randomness while a broken encoder
    /// (wrong tables, order or prediction) falls far below 20 dB.
    @Test func theJPEGFileDecodesCloseToThePicture() throws {
        for seed: UInt64 in 0..<5 {
            var forPicture = SeededGenerator(seed: seed)
            var forFile = SeededGenerator(seed: seed)
            let image = CaptchaRenderer.render(answer: "H4NC6", using: &forPicture)
            let bytes = CaptchaRenderer.renderJPEG(answer: "H4NC6", using: &forFile)
            let decoded = try BaselineJPEGDecoder.decode(bytes)
            #expect(decoded.width == 120 && decoded.height == 40)
            #expect(decoded.markers == [0xD8, 0xE0, 0xDB, 0xC0, 0xC4, 0xDA, 0xD9])
            #expect(ImageComparison.peakSignalToNoise(image.pixels, decoded.pixels) > 27)
        }
    }

    @Test func theMediaTypeIsJPEG() {
        #expect(CaptchaRenderer.contentType == "image/jpeg")
    }
}
