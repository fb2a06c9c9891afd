import ShipTrackModel
import ShipTrackNumbers
import Testing

/// A number that fails its check digit, or that carries a letter where a digit belongs, says what was probably
/// mistyped, in plain words. Checked against the carrier files as shipped (S10 from ePacket, IMpb from USPS).
///
/// Expected digits and swaps are worked out by hand (weights in S10CheckDigitTests and Mod10CheckDigitTests) and
/// cross-checked by brute force: every neighbouring swap listed below is the only one (or, for IMpb, one of the two)
/// that gives a valid number.
@Suite("Typing hints")
struct TypingHintTests {
    let identifier: TrackingNumberIdentifier

    init() throws { identifier = try makeIdentifier(CarrierNumberBlocks.all) }

    private func reason(_ number: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let verdict = identifier.identify(number).verdict
        guard case .invalid(let reason) = verdict else {
            Issue.record("expected an invalid verdict for \(number), got \(verdict)", sourceLocation: sourceLocation)
            return ""
        }
        return reason
    }

    // MARK: One digit wrong

    /// LX472916353CN is valid; its last digit typed 1 instead of 3. No neighbouring swap makes it valid.
    @Test func s10OneDigitWrong() {
        #expect(reason("LX472916351CN") == "epacket ePacket: the check digit should be 3: one digit may be mistyped")
    }

    /// 9400 1118 9922 3100 0123 48 is valid; typed with 7 for 8.
    @Test func impbOneDigitWrong() {
        #expect(
            reason("9400 1118 9922 3100 0123 47")
                == "usps USPS Tracking (IMpb, 22 digits): the check digit should be 8: one digit may be mistyped")
    }

    // MARK: Two neighbouring digits swapped

    /// LX472916353CN with its 3rd and 4th digits (2, 9) swapped.
    @Test func s10SwappedDigits() {
        #expect(
            reason("LX479216353CN")
                == "epacket ePacket: the check digit should be 5: one digit may be mistyped, "
                + "or digits 3 and 4 may be swapped: LX472916353CN would be valid")
    }

    /// 9400111899223100012348 with its 18th and 19th digits (1, 2) swapped. Mod 10 is weaker than S10: one other
    /// swap (digits 14 and 15) also gives a valid number, and both are offered.
    @Test func impbSwappedDigits() {
        let text = reason("9400111899223100021348")
        #expect(text.contains("digits 18 and 19 may be swapped: 9400111899223100012348 would be valid"))
        #expect(text.contains("digits 14 and 15 may be swapped: 9400111899223010021348 would be valid"))
    }

    // MARK: Letters for digits

    @Test func s10LetterOForZero() {
        // LK083055129CN (an ePacket test number) typed with the letter O for its first zero.
        #expect(reason("LKO83055129CN") == "'O' in position 3 looks like a zero: LKO83055129CN → LK083055129CN is valid")
    }

    @Test func s10LowerCaseLForOne() {
        // The 1 in position 9 typed as a lower-case L: named as typed, shown normalized.
        #expect(reason("lk083055l29cn") == "'l' in position 9 looks like a one: LK083055L29CN → LK083055129CN is valid")
    }

    @Test func impbLettersForDigits() {
        // 9400 1118 9922 3100 0123 48 typed with the letter O for the zero in position 3 and I for the one in
        // position 5.
        #expect(
            reason("94O0 I118 9922 3100 0123 48")
                == "'O' in position 3 looks like a zero and 'I' in position 5 looks like a one: "
                + "94O0I11899223100012348 → 9400111899223100012348 is valid")
    }

    /// Letters in the places of an S10 number where letters belong are left alone.
    @Test func lettersWhereLettersBelongAreNotChanged() {
        #expect(identifier.identify("LX472916353CN").verdict == .identified(carrier: "epacket", service: "ePacket"))
        #expect(identifier.identify("IL472916353CN").verdict.kind != "invalid")
    }

    // MARK: Typed hints

    @Test func hintsAreTyped() {
        let swapped = identifier.identify("LX479216353CN")
        #expect(
            swapped.nearMisses.first?.hints == [
                .mistypedDigit(expectedCheck: 5), .swappedDigits(first: 3, second: 4, corrected: "LX472916353CN"),
            ])
        let letter = identifier.identify("lk083055l29cn")
        #expect(
            letter.correction
                == .lookalikeLetters(
                    [TypingHint.LookalikeLetter(letter: "l", position: 9, digit: 1)], number: "LK083055L29CN",
                    corrected: "LK083055129CN"))
        #expect(letter.nearMisses.isEmpty)
        #expect(letter.matches.isEmpty)
    }

    /// Mod 10 can make many swaps look valid; past two, the hint says how many instead of listing them.
    @Test func manySwapsAreCountedNotListed() {
        // 9400111899223010012348: eight neighbouring swaps give valid numbers (worked by brute force).
        let text = reason("9400111899223010012348")
        #expect(text.contains("the check digit should be"))
        #expect(text.contains("two neighbouring digits may be swapped ("))
        #expect(!text.contains("would be valid"))
    }
}
