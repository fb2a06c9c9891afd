import ShipTrackModel
import ShipTrackNumbers
import Testing

@Suite("mod10 check digit and the USPS forms")
struct Mod10CheckDigitTests {
    // Worked by hand, weights [3, 1] from the rightmost serial digit:
    // 12345: 5*3 + 4*1 + 3*3 + 2*1 + 1*3 = 33, (10 - 3) mod 10 = 7.
    // 55: 5*3 + 5*1 = 20, (10 - 0) mod 10 = 0.
    // 12345 with serial_prefix 91: 33 + 1*1 + 9*3 = 61, (10 - 1) mod 10 = 9.
    // 12345 with weights [2]: 2*(1+2+3+4+5) = 30, so 0.
    @Test(
        "computes weighted sums from the right, with the prefix weighed as if it came first",
        arguments: [
            (#"{ "algorithm": "mod10", "weights": [3, 1] }"#, "12345", 7),
            (#"{ "algorithm": "mod10", "weights": [3, 1] }"#, "55", 0),
            (#"{ "algorithm": "mod10", "weights": [3, 1], "serial_prefix": "91" }"#, "12345", 9),
            (#"{ "algorithm": "mod10", "weights": [2] }"#, "12345", 0),
        ])
    func computes(rule: String, serial: String, expected: Int) throws {
        #expect(try checkDigitRule(rule).checkDigit(forSerial: serial) == expected)
    }

    @Test("cannot check a serial with letters")
    func rejectsLetters() throws {
        let rule = try checkDigitRule(#"{ "algorithm": "mod10", "weights": [3, 1] }"#)
        #expect(rule.checkDigit(forSerial: "12A45") == nil)
    }

    /// Numbers published with jkeen/tracking_number_data (couriers/usps.json): an independent check that our
    /// algorithm and our USPS block agree with another implementation on every form.
    @Test(
        "agrees with independently published USPS examples",
        arguments: [
            ("9400 1112 0108 0805 4830 16", "USPS Tracking (IMpb, 22 digits)"),
            ("92748931507708513018050063", "USPS Tracking (IMpb, 26 digits)"),
            ("420 22153 9101026837331000039521", "USPS Tracking (IMpb, 30 digits with ZIP)"),
            ("4201002334249200190132607600833457", "USPS Tracking (IMpb, 34 digits with ZIP+4)"),
            ("7196 9010 7560 0307 7385", "USPS 20-digit (IMpb without channel 91)"),
            ("0307 1790 0005 2348 3741", "USPS 20-digit (legacy)"),
        ])
    func publishedExamples(number: String, service: String) throws {
        let identifier = try makeIdentifier([("usps", CarrierNumberBlocks.usps)])
        #expect(identifier.identify(number).verdict == .identified(carrier: "usps", service: service))
    }

    /// Check digits computed with `CheckDigitRule` over the serial only: the `420` + ZIP routing prefix of the
    /// 30- and 34-digit forms is not weighed, so they share check digits with the bare IMpb number they carry.
    @Test(
        "each USPS form: the right check digit identifies it, the next digit fails the mod10 rule",
        arguments: [
            ("0307551200044821937", 3, "USPS 20-digit (legacy)"),
            ("7019014000001234567", 6, "USPS 20-digit (IMpb without channel 91)"),
            ("940011189922310001234", 8, "USPS Tracking (IMpb, 22 digits)"),
            ("9261299012345678901234567", 5, "USPS Tracking (IMpb, 26 digits)"),
            ("42090210" + "920559012345678901234", 5, "USPS Tracking (IMpb, 30 digits with ZIP)"),
            ("420902101234" + "940011189922310001234", 8, "USPS Tracking (IMpb, 34 digits with ZIP+4)"),
            ("42010001" + "9261299012345678901234567", 5, "USPS Tracking (IMpb, 34 digits with ZIP)"),
        ])
    func uspsForms(body: String, check: Int, service: String) throws {
        let identifier = try makeIdentifier([("usps", CarrierNumberBlocks.usps)])
        #expect(identifier.identify(body + String(check)).verdict == .identified(carrier: "usps", service: service))

        let wrong = (check + 1) % 10
        let identification = identifier.identify(body + String(wrong))
        #expect(identification.matches.isEmpty)
        let miss = identification.nearMisses.first { $0.service == service }
        #expect(miss?.rule == .checkDigit)
        #expect(miss?.message == "mod10 check digit is \(check), number has \(wrong)")
    }
}
