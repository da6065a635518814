import Testing

@testable import AuthService

/// The captcha alphabet, its glyphs, random answers and the case-insensitive check.
@Suite struct CaptchaAlphabetTests {
    @Test func leavesOutLookAlikes() {
        let characters = Set(CaptchaAlphabet.characters)
        #expect(characters.count == CaptchaAlphabet.characters.count)
        #expect(characters.isDisjoint(with: Set("01IODQBGSZV")))
        #expect(CaptchaAlphabet.characters.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) })
    }

    @Test func everyCharacterHasAGlyphOfTheFontSize() throws {
        for character in CaptchaAlphabet.characters {
            let glyph = try #require(CaptchaFont.glyph(for: character), "no glyph for \(character)")
            #expect(glyph.width == CaptchaFont.glyphWidth && glyph.height == CaptchaFont.glyphHeight)
        }
    }

    /// No two glyphs may be near copies: each pair differs in at least six cells (3 and 8, the
    /// closest pair, differ in the six cells of the left side that closes the 8).
    @Test func glyphsAreClearlyDistinct() throws {
        let glyphs = try CaptchaAlphabet.characters.map { try #require(CaptchaFont.glyph(for: $0)) }
        for (index, first) in glyphs.enumerated() {
            for (offset, second) in glyphs[(index + 1)...].enumerated() {
                let differing = zip(first.ink, second.ink).filter { $0 != $1 }.count
                #expect(
                    differing >= 6,
                    "\(CaptchaAlphabet.characters[index]) and \(CaptchaAlphabet.characters[index + 1 + offset])")
            }
        }
    }

    @Test func glyphsUseTheirWholeHeight() throws {
        for character in CaptchaAlphabet.characters {
            let glyph = try #require(CaptchaFont.glyph(for: character))
            let inkedRows = (0..<glyph.height).filter { row in
                (0..<glyph.width).contains { glyph.isInk(column: $0, row: row) }
            }
            #expect(inkedRows.first == 0 && inkedRows.last == glyph.height - 1, "\(character)")
        }
    }

    @Test func randomAnswersUseOnlyTheAlphabet() {
        var generator = SeededGenerator(seed: 11)
        var seen = Set<Character>()
        for index in 0..<500 {
            let length = index.isMultiple(of: 2) ? 4 : 5
            let answer = CaptchaAlphabet.randomAnswer(length: length, using: &generator)
            #expect(answer.count == length)
            #expect(answer.allSatisfy(CaptchaAlphabet.characters.contains))
            seen.formUnion(answer)
        }
        #expect(seen == Set(CaptchaAlphabet.characters))
    }

    @Test func theDefaultAnswerHasFourCharacters() {
        var generator = SeededGenerator(seed: 12)
        #expect(CaptchaAlphabet.randomAnswer(using: &generator).count == 4)
    }

    @Test func answersCompareIgnoringCaseAndBlanks() {
        #expect(CaptchaAlphabet.matches("k7mp", expected: "K7MP"))
        #expect(CaptchaAlphabet.matches(" K7mP ", expected: "K7MP"))
        #expect(!CaptchaAlphabet.matches("K7MR", expected: "K7MP"))
        #expect(!CaptchaAlphabet.matches("K7M", expected: "K7MP"))
        #expect(!CaptchaAlphabet.matches("", expected: "K7MP"))
    }

    @Test func normalisedFormIsUpperCaseOrNothing() {
        #expect(CaptchaAlphabet.normalised("h4nc6") == "H4NC6")
        #expect(CaptchaAlphabet.normalised("K0MP") == nil)
        #expect(CaptchaAlphabet.normalised("K7MPXY") == nil)
        #expect(CaptchaAlphabet.normalised("K7 M") == nil)
    }
}
