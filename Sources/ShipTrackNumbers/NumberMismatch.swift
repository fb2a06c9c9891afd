public import ShipTrackModel

/// A format whose pattern matched a number but one of whose rules failed.
///
/// A format with two failing rules (a wrong country and a wrong check digit) gives two mismatches.
public struct NumberMismatch: Hashable, Sendable, Encodable {
    /// The carrier whose file holds the format.
    public let carrier: CarrierID
    /// The format's service, such as `ePacket`.
    public let service: String
    /// The format's index in the carrier's `numbers.formats`.
    public let formatIndex: Int
    /// The rule that failed.
    public let rule: FailedRule
    /// What failed, such as `S10 check digit is 5, number has 9`.
    public let message: String
    /// What was probably mistyped, for a failed check digit.
    public let hints: [TypingHint]

    /// Creates a mismatch; identification creates these, tests may too.
    public init(
        carrier: CarrierID, service: String, formatIndex: Int, rule: FailedRule, message: String,
        hints: [TypingHint] = []
    ) {
        self.carrier = carrier
        self.service = service
        self.formatIndex = formatIndex
        self.rule = rule
        self.message = message
        self.hints = hints
    }

    /// What failed, for people: the typing hints in plain words when there are, else ``message``.
    public var explanation: String { hints.isEmpty ? message : TypingHint.sentence(hints) }

    /// One line naming the carrier, the service and what failed, in plain words.
    public var summary: String { "\(carrier) \(service): \(explanation)" }

    enum CodingKeys: String, CodingKey {
        case carrier, service, rule, message, hints
        case formatIndex = "format_index"
    }
}

/// A rule of a format that a number can fail after its pattern matched.
///
/// Raw values are the keys of the carrier file that hold the rule.
public enum FailedRule: String, Hashable, Sendable, Encodable {
    /// The check digit (`check_digit`), or the serial it is computed from, is wrong.
    case checkDigit = "check_digit"
    /// The country code is not an assigned ISO 3166-1 alpha-2 code (`country_must_be_iso3166`).
    case countryCode = "country_must_be_iso3166"
}
