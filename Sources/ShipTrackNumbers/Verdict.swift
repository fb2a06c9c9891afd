public import ShipTrackModel

/// What identification concludes about a number, in one value.
public enum Verdict: Hashable, Sendable, Encodable {
    /// Exactly one carrier claims the number. When several formats of that carrier claim it, `service` is the
    /// first one in file order (all of them are in ``Identification/matches``).
    case identified(carrier: CarrierID, service: String)
    /// More than one carrier claims the number; every claiming format is listed.
    case ambiguous([NumberMatch])
    /// No carrier claims the number, but it is a valid number of a standard `format` issued by the post of
    /// `country` (ISO 3166-1 alpha-2): a Royal Mail `…GB` number when no carrier tracks Royal Mail. Nothing can
    /// track it, but it is not a typo; ``StandardFormat/untrackedSentence(country:)`` says so.
    case recognisedUntracked(format: StandardFormat, country: String)
    /// The number has a known shape but fails a rule (a check digit, a country code); `reason` says which.
    case invalid(reason: String)
    /// No carrier's pattern matches the number.
    case unknownShape

    /// The stable name of the case in JSON: `identified`, `ambiguous`, `recognised_untracked`, `invalid` or
    /// `unknown_shape`.
    public var kind: String {
        switch self {
        case .identified: "identified"
        case .ambiguous: "ambiguous"
        case .recognisedUntracked: "recognised_untracked"
        case .invalid: "invalid"
        case .unknownShape: "unknown_shape"
        }
    }

    enum CodingKeys: String, CodingKey {
        case kind, carrier, service, candidates, reason, format, country, sentence
    }

    /// Encodes as an object with a `kind` and that kind's fields, such as
    /// `{"kind": "identified", "carrier": "epacket", "service": "ePacket"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .identified(let carrier, let service):
            try container.encode(carrier, forKey: .carrier)
            try container.encode(service, forKey: .service)
        case .ambiguous(let candidates):
            try container.encode(candidates, forKey: .candidates)
        case .recognisedUntracked(let format, let country):
            try container.encode(format, forKey: .format)
            try container.encode(country, forKey: .country)
            try container.encode(format.untrackedSentence(country: country), forKey: .sentence)
        case .invalid(let reason):
            try container.encode(reason, forKey: .reason)
        case .unknownShape:
            break
        }
    }
}
