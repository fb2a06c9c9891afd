/// One entry of `numbers.formats`: a shape of number a carrier claims, and the rules it must also pass.
///
/// ```json
/// { "service": "ePacket",
///   "pattern": "^L[A-Z](?<serial>[0-9]{8})(?<check>[0-9])(?<country>CN)$",
///   "check_digit": { "algorithm": "s10" },
///   "country_must_be_iso3166": true }
/// ```
public struct NumberFormat: Decodable, Sendable {
    /// The service a number of this shape travels with, such as `ePacket`; shown to people.
    public let service: String
    /// A note for people editing the file; identification ignores it.
    public let note: String?
    /// An ICU regular expression over the normalized number, anchored with `^` and `$`, with named groups
    /// `serial` and `check` (for a check-digit algorithm) and `country` (for the country rule).
    public let pattern: String
    /// How the check digit is computed.
    public let checkDigit: CheckDigitRule
    /// Whether the `country` group must be an assigned ISO 3166-1 alpha-2 code.
    public let countryMustBeISO3166: Bool

    /// The compiled format; nil when the format has problems.
    let matcher: FormatMatcher?
    /// Problems found while decoding, with key paths relative to this format.
    let problems: [RuleProblem]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case service
        case note
        case pattern
        case checkDigit = "check_digit"
        case countryMustBeISO3166 = "country_must_be_iso3166"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        service = try container.decodeIfPresent(String.self, forKey: .service) ?? ""
        note = try container.decodeIfPresent(String.self, forKey: .note)
        pattern = try container.decodeIfPresent(String.self, forKey: .pattern) ?? ""
        checkDigit = try container.decodeIfPresent(CheckDigitRule.self, forKey: .checkDigit) ?? .missing
        countryMustBeISO3166 = try container.decodeIfPresent(Bool.self, forKey: .countryMustBeISO3166) ?? false

        var problems = try decoder.unknownKeyProblems(known: CodingKeys.allCases.map(\.rawValue))
        if service.isEmpty {
            problems.append(RuleProblem(code: .missingEntry, keyPath: "service", message: "missing or empty"))
        }
        problems += checkDigit.problems.map { $0.nested(under: CodingKeys.checkDigit.rawValue) }
        if pattern.isEmpty {
            problems.append(RuleProblem(code: .missingEntry, keyPath: "pattern", message: "missing or empty"))
            matcher = nil
        } else {
            let (matcher, patternProblems) = FormatMatcher.compile(
                pattern: pattern, algorithm: checkDigit.resolved, countryMustBeISO3166: countryMustBeISO3166)
            problems += patternProblems
            self.matcher = problems.isEmpty ? matcher : nil
        }
        self.problems = problems
    }
}
