import ShipTrackModel
import ShipTrackNumbers
import Testing

@Suite("S10 check digit")
struct S10CheckDigitTests {
    // Expected digits are worked by hand, weights 8 6 4 2 3 5 9 7:
    // 12345678: 8+12+12+8+15+30+63+56 = 204, 204 mod 11 = 6, 11-6 = 5.
    // 47291635: 32+42+8+18+3+30+27+35 = 195, 195 mod 11 = 8, 11-8 = 3.
    // 47291653: 32+42+8+18+3+30+45+21 = 199, 199 mod 11 = 1, 11-1 = 10, which S10 writes as 0.
    // 12345674: 8+12+12+8+15+30+63+28 = 176 = 16*11, 176 mod 11 = 0, 11-0 = 11, which S10 writes as 5.
    // 00000000: sum 0, so 11, written as 5.
    @Test(
        "computes the check digit, including 10 -> 0 and 11 -> 5",
        arguments: [
            ("12345678", 5), ("47291635", 3), ("47291653", 0), ("12345674", 5), ("00000000", 5),
        ])
    func computes(serial: String, expected: Int) throws {
        let rule = try checkDigitRule(#"{ "algorithm": "s10" }"#)
        #expect(rule.checkDigit(forSerial: serial) == expected)
    }

    @Test("cannot check a serial that is not exactly 8 digits")
    func rejectsOtherSerials() throws {
        let rule = try checkDigitRule(#"{ "algorithm": "s10" }"#)
        #expect(rule.checkDigit(forSerial: "1234567") == nil)
        #expect(rule.checkDigit(forSerial: "123456789") == nil)
        #expect(rule.checkDigit(forSerial: "1234567A") == nil)
    }

    @Test(
        "identifies numbers whose check digit passes",
        arguments: ["RB123456785GB", "LN472916530CN", "EV123456745CN", "CP000000005US"])
    func identifiesValidNumbers(number: String) throws {
        let identifier = try makeIdentifier([("post", try numbersJSON(formats: [anyS10Format]))])
        #expect(identifier.identify(number).verdict == .identified(carrier: "post", service: "S10"))
    }

    @Test("a wrong check digit names the S10 rule, the expected digit and the digit found")
    func wrongCheckDigit() throws {
        let identifier = try makeIdentifier([("post", try numbersJSON(formats: [anyS10Format]))])
        let identification = identifier.identify("RB123456789GB")
        #expect(identification.matches.isEmpty)
        // Swapping the 6th and 7th digits (6, 7) would also give a valid number, so that is offered too.
        #expect(
            identification.nearMisses == [
                NumberMismatch(
                    carrier: "post", service: "S10", formatIndex: 0, rule: .checkDigit,
                    message: "S10 check digit is 5, number has 9",
                    hints: [
                        .mistypedDigit(expectedCheck: 5),
                        .swappedDigits(first: 6, second: 7, corrected: "RB123457689GB"),
                    ])
            ])
        #expect(
            identification.verdict
                == .invalid(
                    reason: "post S10: the check digit should be 5: one digit may be mistyped, or digits 6 and 7 may "
                        + "be swapped: RB123457689GB would be valid"))
    }

    @Test("a country code outside ISO 3166-1 fails the country rule")
    func unknownCountry() throws {
        let identifier = try makeIdentifier([("post", try numbersJSON(formats: [anyS10Format]))])
        let identification = identifier.identify("RB123456785XX")
        #expect(identification.matches.isEmpty)
        #expect(identification.nearMisses.map(\.rule) == [.countryCode])
        #expect(identification.nearMisses.first?.message == "country code XX is not an ISO 3166-1 alpha-2 code")
        guard case .invalid(let reason) = identification.verdict else {
            Issue.record("expected an invalid verdict, got \(identification.verdict)")
            return
        }
        #expect(reason.contains("XX"))
    }

    @Test("a number failing both rules reports both")
    func bothRulesFail() throws {
        let identifier = try makeIdentifier([("post", try numbersJSON(formats: [anyS10Format]))])
        let identification = identifier.identify("RB123456789XX")
        #expect(identification.nearMisses.map(\.rule) == [.countryCode, .checkDigit])
    }

    @Test("a pattern capturing a serial of the wrong length says so instead of guessing")
    func serialOfWrongLength() throws {
        let format = """
            { "service": "S10", "pattern": "^[A-Z]{2}(?<serial>[0-9]{7})(?<check>[0-9])(?<country>[A-Z]{2})$",
              "check_digit": { "algorithm": "s10" } }
            """
        let identifier = try makeIdentifier([("post", try numbersJSON(formats: [format]))])
        let messages = identifier.identify("RB12345675GB").nearMisses.map(\.message)
        #expect(messages == ["S10 needs an 8-digit serial, the pattern captured 7 characters"])
    }
}
