import Foundation
import ShipTrackModel
import ShipTrackNumbers

/// A carrier file reduced to its `numbers` section, as the carrier loader decodes it.
struct NumbersSection: Decodable {
    let numbers: NumberRules
}

/// Decodes a JSON object holding a `numbers` section.
func decodeRules(_ json: String) throws -> NumberRules {
    try JSONDecoder().decode(NumbersSection.self, from: Data(json.utf8)).numbers
}

/// A `numbers` section built from format objects written as JSON, with test numbers.
///
/// Tests about one rule write only the formats; the test numbers matter only to tests of `validate(file:)`.
func numbersJSON(formats: [String], valid: [String] = ["X"], invalid: [String] = ["Y"]) throws -> String {
    let encoder = JSONEncoder()
    let validJSON = String(decoding: try encoder.encode(valid), as: UTF8.self)
    let invalidJSON = String(decoding: try encoder.encode(invalid), as: UTF8.self)
    return """
        { "numbers": {
            "formats": [\(formats.joined(separator: ",\n"))],
            "test_numbers": { "valid": \(validJSON), "invalid": \(invalidJSON) } } }
        """
}

/// An identifier over carriers whose `numbers` sections are given as JSON objects.
func makeIdentifier(_ carriers: [(carrier: String, json: String)]) throws -> TrackingNumberIdentifier {
    TrackingNumberIdentifier(rules: try carriers.map { (CarrierID($0.carrier), try decodeRules($0.json)) })
}

/// Decodes a check-digit rule on its own, for tests of the algorithms.
func checkDigitRule(_ json: String) throws -> CheckDigitRule {
    try JSONDecoder().decode(CheckDigitRule.self, from: Data(json.utf8))
}

/// A format accepting any UPU S10 number, with the country rule: the shape most tests about S10 need.
let anyS10Format = """
    { "service": "S10", "pattern": "^[A-Z]{2}(?<serial>[0-9]{8})(?<check>[0-9])(?<country>[A-Z]{2})$",
      "check_digit": { "algorithm": "s10" }, "country_must_be_iso3166": true }
    """
