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

    /// Creates an identification; ``TrackingNumberIdentifier/identify(_:)`` creates these, tests may too.
    public init(input: String, normalized: String, matches: [NumberMatch], nearMisses: [NumberMismatch]) {
        self.input = input
        self.normalized = normalized
        self.matches = matches
        self.nearMisses = nearMisses
    }

    /// The conclusion: identified, ambiguous between carriers, invalid (with the failed rules), or unknown.
    ///
    /// A match beats near misses: a 20-digit USPS number passes one 20-digit form and fails the other, and is
    /// still identified.
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
        return .unknownShape
    }

    enum CodingKeys: String, CodingKey {
        case input, normalized, verdict, matches
        case nearMisses = "near_misses"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(input, forKey: .input)
        try container.encode(normalized, forKey: .normalized)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(matches, forKey: .matches)
        try container.encode(nearMisses, forKey: .nearMisses)
    }
}
