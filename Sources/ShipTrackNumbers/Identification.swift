/// Everything identification found out about one number.
///
/// Encodes as stable snake_case JSON:
/// `{"input", "normalized", "verdict": {"kind", ...}, "matches": [...], "near_misses": [...]}`.
public struct Identification: Hashable, Sendable, Encodable {
    /// The number as given.
    public let input: String
    /// The number after ``TrackingNumber/normalize(_:)``, which is what patterns see.
    public let normalized: String
    /// Formats whose pattern and rules all pass, in carrier order then file order.
    public let matches: [NumberMatch]
    /// Formats whose pattern matched but a rule failed, one entry per failed rule.
    public let nearMisses: [NumberMismatch]
    /// For a number no carrier format matched at all: what a standard format (UPU S10) says about it, if it has
    /// that shape.
    public let standard: StandardReading?
    /// For a number no format matched at all: letters typed for digits (O for 0, I or l for 1) whose correction
    /// gives a valid number.
    public let correction: TypingHint?

    /// Creates an identification; ``TrackingNumberIdentifier/identify(_:)`` creates these, tests may too.
    public init(
        input: String, normalized: String, matches: [NumberMatch], nearMisses: [NumberMismatch],
        standard: StandardReading? = nil, correction: TypingHint? = nil
    ) {
        self.input = input
        self.normalized = normalized
        self.matches = matches
        self.nearMisses = nearMisses
        self.standard = standard
        self.correction = correction
    }

    /// The conclusion: identified, ambiguous between carriers, a valid standard number no carrier tracks, invalid
    /// (with the failed rules or the likely typo, in plain words), or unknown.
    ///
    /// A match beats near misses: a 20-digit USPS number passes one 20-digit form and fails the other, and is
    /// still identified. A carrier's near miss beats the standard reading: its service says more.
    public var verdict: Verdict {
        if let first = matches.first {
            if matches.allSatisfy({ $0.carrier == first.carrier }) {
                return .identified(carrier: first.carrier, service: first.service)
            }
            return .ambiguous(matches)
        }
        if !nearMisses.isEmpty {
            return .invalid(reason: nearMisses.map(\.summary).joined(separator: "; "))
        }
        if let standard {
            if standard.isValid { return .recognisedUntracked(format: standard.format, country: standard.country) }
            let name = standard.format.displayName
            let what =
                standard.countryName == nil
                ? "\(name)-shaped number" : "\(name) number from \(StandardFormat.describe(country: standard.country))"
            return .invalid(reason: "\(what): " + standard.failures.map(\.explanation).joined(separator: "; "))
        }
        if let correction { return .invalid(reason: TypingHint.sentence([correction])) }
        return .unknownShape
    }

    enum CodingKeys: String, CodingKey {
        case input, normalized, verdict, matches, standard, correction
        case nearMisses = "near_misses"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(input, forKey: .input)
        try container.encode(normalized, forKey: .normalized)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(matches, forKey: .matches)
        try container.encode(nearMisses, forKey: .nearMisses)
        try container.encode(standard, forKey: .standard)
        try container.encode(correction, forKey: .correction)
    }
}
