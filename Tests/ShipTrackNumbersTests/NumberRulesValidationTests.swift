import ShipTrackNumbers
import Testing

@Suite("Loading a numbers section")
struct NumberRulesValidationTests {
    static let epacketFormat = """
        { "service": "ePacket", "pattern": "^L[A-Z](?<serial>[0-9]{8})(?<check>[0-9])(?<country>CN)$",
          "check_digit": { "algorithm": "s10" }, "country_must_be_iso3166": true }
        """

    /// Validates a section made of `formats` (the ePacket format first, so the format under test is at index 1).
    func validationError(
        formats: [String], valid: [String] = ["LX472916353CN"], invalid: [String] = ["LX472916357CN"]
    ) throws -> NumberRulesError? {
        let rules = try decodeRules(try numbersJSON(formats: formats, valid: valid, invalid: invalid))
        return #expect(throws: NumberRulesError.self) { try rules.validate(file: "usps.json") }
    }

    @Test("a valid section passes")
    func validSection() throws {
        let rules = try decodeRules(
            try numbersJSON(formats: [Self.epacketFormat], valid: ["LX472916353CN"], invalid: ["LX472916357CN"]))
        try rules.validate(file: "epacket.json")
        #expect(rules.formats.map(\.service) == ["ePacket"])
        #expect(rules.formats.first?.checkDigit.algorithm == "s10")
        #expect(rules.testNumbers.valid == ["LX472916353CN"])
    }

    @Test("a bad regular expression names the file and the key path")
    func badRegex() throws {
        let format = #"{ "service": "Broken", "pattern": "^(?<serial>[0-9]{8}(?<check>[0-9])$", "#
            + #""check_digit": { "algorithm": "s10" } }"#
        let error = try validationError(formats: [Self.epacketFormat, format])
        #expect(error?.code == .invalidPattern)
        #expect(error?.file == "usps.json")
        #expect(error?.keyPath == "numbers.formats[1].pattern")
        #expect(error?.description.hasPrefix("usps.json: numbers.formats[1].pattern: not a valid ICU") == true)
        #expect(error?.message.contains("a '(' is never closed") == true)
    }

    @Test("a group name ICU does not accept gets a hint")
    func badGroupName() throws {
        let format = #"{ "service": "Broken", "pattern": "^(?<serial>[0-9]{8})(?<check_digit>[0-9])$", "#
            + #""check_digit": { "algorithm": "s10" } }"#
        let error = try validationError(formats: [Self.epacketFormat, format])
        #expect(error?.code == .invalidPattern)
        #expect(error?.message.contains("\"check_digit\" must be ASCII letters and digits") == true)
    }

    @Test("a pattern without anchors is rejected")
    func unanchored() throws {
        let format = #"{ "service": "Loose", "pattern": "L[A-Z](?<serial>[0-9]{8})(?<check>[0-9])CN", "#
            + #""check_digit": { "algorithm": "s10" } }"#
        let error = try validationError(formats: [Self.epacketFormat, format])
        #expect(error?.code == .invalidPattern)
        #expect(error?.keyPath == "numbers.formats[1].pattern")
        #expect(error?.message.contains("^") == true)
    }

    @Test("an unknown algorithm names the file and the key path")
    func unknownAlgorithm() throws {
        let format = #"{ "service": "Luhn", "pattern": "^(?<serial>[0-9]{15})(?<check>[0-9])$", "#
            + #""check_digit": { "algorithm": "luhn" } }"#
        let error = try validationError(formats: [Self.epacketFormat, format])
        #expect(error?.code == .unknownAlgorithm)
        #expect(
            error?.description
                == #"usps.json: numbers.formats[1].check_digit.algorithm: unknown check-digit algorithm "luhn" "#
                + "(known: s10, mod10, none)")
    }

    @Test(
        "a pattern missing a group its rules need names the group",
        arguments: [
            (#"^L[A-Z](?<serial>[0-9]{8})[0-9](?<country>CN)$"#, #"{ "algorithm": "s10" }"#, "(?<check>"),
            (#"^L[A-Z][0-9]{8}(?<check>[0-9])(?<country>CN)$"#, #"{ "algorithm": "s10" }"#, "(?<serial>"),
            (#"^L[A-Z](?<serial>[0-9]{8})(?<check>[0-9])CN$"#, #"{ "algorithm": "s10" }"#, "(?<country>"),
            (#"^(?<serial>[0-9]{21})[0-9]$"#, #"{ "algorithm": "mod10", "weights": [3, 1] }"#, "(?<check>"),
        ])
    func missingGroup(pattern: String, checkDigit: String, group: String) throws {
        let format = #"{ "service": "Partial", "pattern": "\#(pattern)", "check_digit": \#(checkDigit), "#
            + #""country_must_be_iso3166": \#(pattern.contains("[0-9]{8}") ? "true" : "false") }"#
        let error = try validationError(formats: [Self.epacketFormat, format])
        #expect(error?.code == .missingCaptureGroup)
        #expect(error?.keyPath == "numbers.formats[1].pattern")
        #expect(error?.message.contains(group) == true)
    }

    @Test(
        "parameters are checked against their algorithm",
        arguments: [
            (#"{ "algorithm": "mod10" }"#, "numbers.formats[1].check_digit.weights"),
            (#"{ "algorithm": "mod10", "weights": [] }"#, "numbers.formats[1].check_digit.weights"),
            (#"{ "algorithm": "mod10", "weights": [3, 10] }"#, "numbers.formats[1].check_digit.weights"),
            (
                #"{ "algorithm": "mod10", "weights": [3, 1], "serial_prefix": "9A" }"#,
                "numbers.formats[1].check_digit.serial_prefix"
            ),
            (#"{ "algorithm": "s10", "weights": [3, 1] }"#, "numbers.formats[1].check_digit.weights"),
            (#"{ "algorithm": "none", "serial_prefix": "91" }"#, "numbers.formats[1].check_digit.serial_prefix"),
        ])
    func parameters(checkDigit: String, keyPath: String) throws {
        let format = #"{ "service": "Params", "pattern": "^(?<serial>[0-9]{8})(?<check>[0-9])$", "#
            + #""check_digit": \#(checkDigit) }"#
        let error = try validationError(formats: [Self.epacketFormat, format])
        #expect(error?.code == .invalidParameter)
        #expect(error?.keyPath == keyPath)
    }

    @Test("a misspelt key is an error rather than a rule silently switched off")
    func unknownKey() throws {
        let format = #"{ "service": "Typo", "pattern": "^L[A-Z](?<serial>[0-9]{8})(?<check>[0-9])(?<country>HK)$", "#
            + #""check_digit": { "algorithm": "s10" }, "contry_must_be_iso3166": true }"#
        let error = try validationError(formats: [Self.epacketFormat, format])
        #expect(error?.code == .unknownKey)
        #expect(error?.keyPath == "numbers.formats[1].contry_must_be_iso3166")
    }

    @Test("missing entries are reported with their key paths")
    func missingEntries() throws {
        let noCheckDigit = #"{ "service": "Bare", "pattern": "^[0-9]{8}$" }"#
        let error = try validationError(formats: [Self.epacketFormat, noCheckDigit])
        #expect(error?.code == .missingEntry)
        #expect(error?.keyPath == "numbers.formats[1].check_digit")

        let rules = try decodeRules(#"{ "numbers": { "formats": [\#(Self.epacketFormat)] } }"#)
        let missingTests = #expect(throws: NumberRulesError.self) { try rules.validate(file: "epacket.json") }
        #expect(missingTests?.keyPath == "numbers.test_numbers")

        let noFormats = try decodeRules(try numbersJSON(formats: []))
        let empty = #expect(throws: NumberRulesError.self) { try noFormats.validate(file: "epacket.json") }
        #expect(empty?.keyPath == "numbers.formats")
    }

    @Test("a valid test number the file does not claim is reported with the rule that failed")
    func validTestNumberRejected() throws {
        let error = try validationError(
            formats: [Self.epacketFormat], valid: ["LX472916353CN", "LX472916357CN"], invalid: ["LX47291635CN"])
        #expect(error?.code == .validTestNumberRejected)
        #expect(error?.keyPath == "numbers.test_numbers.valid[1]")
        #expect(error?.message.contains("formats[0]: S10 check digit is 3, number has 7") == true)
    }

    @Test("a valid test number two formats claim is reported")
    func validTestNumberClaimedTwice() throws {
        let error = try validationError(
            formats: [Self.epacketFormat, Self.epacketFormat], valid: ["LX472916353CN"], invalid: ["LX47291635CN"])
        #expect(error?.code == .validTestNumberRejected)
        #expect(error?.message.contains("formats[0] and formats[1]") == true)
    }

    @Test("an invalid test number the file claims is reported")
    func invalidTestNumberAccepted() throws {
        let error = try validationError(
            formats: [Self.epacketFormat], valid: ["LX472916353CN"], invalid: ["LX47291635CN", "lk 0830 5512 9 cn"])
        #expect(error?.code == .invalidTestNumberAccepted)
        #expect(error?.keyPath == "numbers.test_numbers.invalid[1]")
        #expect(error?.message == #""lk 0830 5512 9 cn" is claimed by formats[0] (ePacket)"#)
    }

    @Test("an identifier skips a format that failed validation instead of stopping")
    func identifierSkipsBrokenFormats() throws {
        let broken = #"{ "service": "Broken", "pattern": "^(", "check_digit": { "algorithm": "none" } }"#
        let identifier = try makeIdentifier([("post", try numbersJSON(formats: [broken, Self.epacketFormat]))])
        #expect(identifier.identify("LX472916353CN").matches.map(\.formatIndex) == [1])
    }
}
