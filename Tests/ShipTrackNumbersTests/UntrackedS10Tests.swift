import ShipTrackModel
import ShipTrackNumbers
import Testing

/// Any valid UPU S10 number is recognised with the post that issued it, even when no carrier file claims it.
@Suite("S10 numbers no carrier tracks")
struct UntrackedS10Tests {
    let identifier: TrackingNumberIdentifier

    init() throws { identifier = try makeIdentifier(CarrierNumberBlocks.all) }

    /// Royal Mail (GB), La Poste (FR), Hong Kong Post and a China Post registered letter (R, which no carrier file
    /// claims): serial 12345678 has check digit 5, 47291635 has 3.
    @Test(arguments: [
        ("RR123456785GB", "GB"), ("RB123456785FR", "FR"), ("LX472916353HK", "HK"), ("RR123456785CN", "CN"),
    ])
    func validS10FromAnyPostIsRecognised(number: String, country: String) {
        let identification = identifier.identify(number)
        #expect(identification.verdict.kind == "recognised_untracked")
        #expect(identification.verdict == .recognisedUntracked(format: .s10, country: country))
        #expect(identification.standard?.isValid == true)
        #expect(identification.standard?.country == country)
    }

    @Test func theSentenceNamesTheFormatAndThePost() {
        guard case .recognisedUntracked(let format, let country) = identifier.identify("RR123456785GB").verdict else {
            Issue.record("expected a recognised number")
            return
        }
        #expect(format.untrackedSentence(country: country) == "valid S10 number from GB (United Kingdom); no source tracks it")
        #expect(identifier.identify("RR123456785GB").standard?.countryName == "United Kingdom")
    }

    /// A carrier that claims the number still wins: the standard is only a fallback.
    @Test func aCarrierClaimStillIdentifiesTheNumber() {
        let identification = identifier.identify("LX472916353CN")
        #expect(identification.verdict == .identified(carrier: "epacket", service: "ePacket"))
        #expect(identification.standard == nil)
    }

    /// An S10-shaped number nobody claims that fails the check digit is invalid, in plain words, naming the post.
    @Test func anUntrackedS10NumberWithAWrongCheckDigitIsInvalid() {
        // RR123456785GB typed with 6 for its check digit; two swaps would also give valid numbers.
        let identification = identifier.identify("RR123456786GB")
        #expect(identification.standard?.isValid == false)
        #expect(identification.standard?.failures.map(\.rule) == [.checkDigit])
        #expect(
            identification.verdict
                == .invalid(
                    reason: "S10 number from GB (United Kingdom): the check digit should be 5: one digit may be "
                        + "mistyped, or digits 4 and 5 may be swapped: RR123546786GB would be valid, or digits 8 and "
                        + "9 may be swapped: RR123456768GB would be valid"))
    }

    /// A country code that is not ISO 3166-1 is no post's: said as such, never "from XX".
    @Test func anS10ShapeWithAnUnknownCountryIsInvalid() {
        let identification = identifier.identify("RR123456785XX")
        #expect(identification.verdict == .invalid(reason: "S10-shaped number: country code XX is not an ISO 3166-1 alpha-2 code"))
    }

    @Test func anUntrackedS10NumberIsNotInvalid() {
        let identification = identifier.identify("rr 1234 5678 5 gb")
        #expect(identification.matches.isEmpty)
        #expect(identification.nearMisses.isEmpty)
        #expect(identification.verdict.kind == "recognised_untracked")
    }
}
