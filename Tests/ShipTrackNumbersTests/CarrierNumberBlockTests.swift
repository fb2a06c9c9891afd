import ShipTrackModel
import ShipTrackNumbers
import Testing

/// Proves the `numbers` blocks of the shipped `Carriers/*.json` files (see `CarrierNumberBlocks`).
@Suite("Carrier numbers blocks")
struct CarrierNumberBlockTests {
    @Test("each block loads and passes its own test numbers", arguments: CarrierNumberBlocks.all.map(\.carrier))
    func validates(carrier: String) throws {
        let json = try #require(CarrierNumberBlocks.all.first { $0.carrier == carrier }).json
        try decodeRules(json).validate(file: "\(carrier).json")
    }

    @Test("every valid test number is claimed by exactly one format, of its own carrier")
    func validNumbers() throws {
        let identifier = try makeIdentifier(CarrierNumberBlocks.all)
        for (carrier, json) in CarrierNumberBlocks.all {
            for number in try decodeRules(json).testNumbers.valid {
                let identification = identifier.identify(number)
                #expect(identification.matches.count == 1, "\(number): \(identification.matches)")
                #expect(identification.matches.first?.carrier == CarrierID(carrier), "\(number)")
            }
        }
    }

    @Test("every invalid test number is claimed by no carrier")
    func invalidNumbers() throws {
        let identifier = try makeIdentifier(CarrierNumberBlocks.all)
        for (_, json) in CarrierNumberBlocks.all {
            for number in try decodeRules(json).testNumbers.invalid {
                let identification = identifier.identify(number)
                #expect(identification.matches.isEmpty, "\(number): \(identification.matches)")
            }
        }
    }

    @Test("the identifier's own cross-carrier check agrees")
    func crossCarrierCheck() throws {
        #expect(try makeIdentifier(CarrierNumberBlocks.all).testNumberProblems() == [])
    }

    @Test("the cross-carrier check catches a valid number that two carriers claim")
    func crossCarrierCheckCatchesOverlap() throws {
        let gamma = ("gamma", try numbersJSON(formats: [], valid: ["94001118992231000123"], invalid: []))
        let problems = try makeIdentifier(try IdentificationTests.overlapping() + [gamma]).testNumberProblems()
        #expect(
            problems.contains(
                #"gamma: valid test number "94001118992231000123" is claimed by alpha Alpha 20, beta Beta 9x"#))
    }

    @Test("ePacket claims the whole L range from China; EMS the whole E range")
    func serviceIndicators() throws {
        let identifier = try makeIdentifier(CarrierNumberBlocks.all)
        // Serial 12345678 has S10 check digit 5 (see S10CheckDigitTests).
        for letter in ["A", "K", "N", "T", "W", "X", "Z"] {
            let ePacket = identifier.identify("L\(letter)123456785CN").verdict
            #expect(ePacket == .identified(carrier: "epacket", service: "ePacket"))
            #expect(identifier.identify("E\(letter)123456785CN").verdict == .identified(carrier: "ems", service: "EMS"))
        }
        // A China Post registered letter: valid S10, but no carrier file claims the R range.
        #expect(identifier.identify("RR123456785CN").verdict == .recognisedUntracked(format: .s10, country: "CN"))
        #expect(
            identifier.identify("EA123456785US").verdict
                == .identified(carrier: "usps", service: "Priority Mail Express International"))
    }
}
