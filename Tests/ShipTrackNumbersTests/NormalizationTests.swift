import ShipTrackModel
import ShipTrackNumbers
import Testing

@Suite("Normalization")
struct NormalizationTests {
    @Test(
        "removes spaces and dashes and upper-cases letters",
        arguments: [
            (" lx 1234-5678 5cn ", "LX123456785CN"),
            ("9400 1118 9922 3100 0123 48", "9400111899223100012348"),
            ("9400-1118-9922-3100-0123-48", "9400111899223100012348"),
            ("\tLX123456785CN\r\n", "LX123456785CN"),
            ("LX123456785CN", "LX123456785CN"),
            ("", ""),
        ])
    func ascii(raw: String, expected: String) {
        #expect(TrackingNumber.normalize(raw) == expected)
    }

    @Test(
        "handles what copy and paste bring: no-break spaces, typographic dashes, full-width forms, invisibles",
        arguments: [
            ("LX\u{00A0}123456785\u{00A0}CN", "LX123456785CN"),
            ("LX–1234—5678‑5CN", "LX123456785CN"),
            ("ＬＸ１２３４５６７８５ＣＮ", "LX123456785CN"),
            ("ｌｘ\u{3000}123456785ｃｎ", "LX123456785CN"),
            ("\u{FEFF}LX123456785CN\u{200B}", "LX123456785CN"),
        ])
    func unicode(raw: String, expected: String) {
        #expect(TrackingNumber.normalize(raw) == expected)
    }

    @Test("keeps other punctuation, so a number with stray characters still fails visibly")
    func keepsOtherCharacters() {
        #expect(TrackingNumber.normalize("LX.123456785/CN") == "LX.123456785/CN")
        #expect(TrackingNumber.normalize("ñ-1") == "ñ1")
    }

    @Test("identification reports the input as given and the normalized form it matched")
    func identificationKeepsBoth() throws {
        let identifier = try makeIdentifier([("epacket", CarrierNumberBlocks.epacket)])
        let identification = identifier.identify(" lx 4729-1635 3 cn ")
        #expect(identification.input == " lx 4729-1635 3 cn ")
        #expect(identification.normalized == "LX472916353CN")
        #expect(identification.verdict == .identified(carrier: "epacket", service: "ePacket"))
    }
}
