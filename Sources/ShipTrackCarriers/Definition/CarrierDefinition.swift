public import ShipTrackModel
public import ShipTrackNumbers

/// A carrier as data: which numbers it claims, how to ask for a page, how to read it, what its words mean.
///
/// Decoded from one JSON file in `Carriers/` (format documented in `Carriers/README.md`), then checked by
/// ``CarrierEngine``'s initialiser, which compiles every XPath and regular expression once.
public struct CarrierDefinition: Decodable, Sendable {
    /// The file format version this definition is written for.
    public var schemaVersion: Int
    /// Stable identifier used in commands, JSON and the database (`usps`).
    public var id: CarrierID
    /// Display name (`USPS`).
    public var name: String
    /// Which tracking numbers this carrier claims, with its own test numbers.
    public var numbers: NumberRules
    /// How to ask for a tracking page.
    public var request: RequestRecipe
    /// How to read the page.
    public var page: PageRecipe
    /// What the carrier's words mean, first matching rule wins.
    public var statuses: StatusTable
    /// Other carriers asked for the same number, whose events are merged into one timeline, keyed by the
    /// destination country that makes them apply (an ePacket to the US is also tracked by USPS).
    public var followOnLegs: [FollowOnLeg]?

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case id, name, numbers, request, page, statuses
        case followOnLegs = "follow_on_legs"
    }
}

/// A second carrier that tracks the same number after a hand-over.
public struct FollowOnLeg: Codable, Sendable, Hashable {
    /// The carrier that takes over.
    public var carrier: CarrierID
    /// Destination countries (ISO alpha-2) where it takes over; the lookup asks it only for those, or when the
    /// destination is unknown and `ask_when_destination_unknown` is true.
    public var destinations: [String]
    /// Whether to ask this leg when the destination is not known.
    public var askWhenDestinationUnknown: Bool?

    enum CodingKeys: String, CodingKey {
        case carrier, destinations
        case askWhenDestinationUnknown = "ask_when_destination_unknown"
    }
}

/// How to build the HTTP request for a number.
public struct RequestRecipe: Decodable, Sendable {
    /// The carrier's real base URL (`https://tools.usps.com`); configuration can replace it (the simulator).
    public var baseURL: String
    /// Path and query appended to the base URL; `{number}` is replaced by the percent-encoded number.
    public var path: String
    /// `GET` or `POST`.
    public var method: String?
    /// Extra request headers.
    public var headers: [String: String]?
    /// Form body for `POST`, with `{number}` percent-encoded (`application/x-www-form-urlencoded`).
    public var formBody: String?

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url"
        case path, method, headers
        case formBody = "form_body"
    }
}

/// How to read a tracking page into events.
public struct PageRecipe: Decodable, Sendable {
    /// `html` (recovering parser) or `xml` (strict parser).
    public var format: String
    /// The charset to decode with when neither the HTTP header nor the page says (`GBK`).
    public var charset: String?
    /// Largest page accepted, in bytes.
    public var maxBytes: Int?
    /// XPath selecting one node per event.
    public var eventRows: String
    /// Per-field XPaths, evaluated with the row as context node.
    public var fields: FieldRecipe
    /// How to read the time text.
    public var time: TimeRecipe
    /// How to split the location text into parts.
    public var location: LocationRecipe?
    /// Page-wide states recognised when there are no event rows, in order.
    public var pageStates: [PageStateRule]

    enum CodingKeys: String, CodingKey {
        case format, charset
        case maxBytes = "max_bytes"
        case eventRows = "event_rows"
        case fields, time, location
        case pageStates = "page_states"
    }
}

/// XPaths for each field of an event row. Each is a list: the first that yields non-empty text wins.
public struct FieldRecipe: Decodable, Sendable {
    public var description: [String]
    public var time: [String]
    public var location: [String]?
    public var eventCode: [String]?

    enum CodingKeys: String, CodingKey {
        case description, time, location
        case eventCode = "event_code"
    }
}

/// Date formats and the zone of the carrier's times.
public struct TimeRecipe: Decodable, Sendable {
    /// Patterns tried in order (tokens: `yyyy MM M dd d HH H hh h mm ss a MMM`); see `Carriers/README.md`.
    public var formats: [String]
    /// A fixed offset for every event (`+08:00` for China Post).
    public var utcOffset: String?
    /// Zones by the state or province parsed from the event's location (USPS prints local times).
    public var zoneByState: [String: String]?
    /// Zones by the country parsed from the event's location.
    public var zoneByCountry: [String: String]?

    enum CodingKeys: String, CodingKey {
        case formats
        case utcOffset = "utc_offset"
        case zoneByState = "zone_by_state"
        case zoneByCountry = "zone_by_country"
    }
}

/// Regular expressions that split location text; named groups `city`, `state`, `postal`, `country` (ICU allows only letters and digits in group names).
public struct LocationRecipe: Decodable, Sendable {
    public var patterns: [LocationPattern]
    /// Country names as printed, mapped to ISO alpha-2 (`CHINA` → `CN`).
    public var countryNames: [String: String]?

    enum CodingKeys: String, CodingKey {
        case patterns
        case countryNames = "country_names"
    }
}

/// One location pattern and the country it implies when it has no `country` group.
public struct LocationPattern: Decodable, Sendable {
    public var regex: String
    public var country: String?
}

/// A page-wide state: when `when` (an XPath boolean) holds and there are no event rows, the page means `outcome`.
public struct PageStateRule: Decodable, Sendable {
    /// An XPath expression evaluated as a boolean over the whole page.
    public var when: String
    /// `not_found`, `no_information`, `info_received` or `carrier_error`.
    public var outcome: String
    /// An optional XPath whose string is the carrier's message (for `carrier_error`).
    public var message: String?
}

/// The mapping from the carrier's words to normalized statuses.
public struct StatusTable: Decodable, Sendable {
    /// Rules in order; the first match wins.
    public var rules: [StatusRule]
    /// The status given to wording no rule matches (logged, flagged `status_unrecognised`).
    public var unrecognised: TrackingStatus

    enum CodingKeys: String, CodingKey {
        case rules
        case unrecognised = "unrecognised"
    }
}

/// One rule: exactly one of `contains`, `equals`, `regex`; matched case-insensitively against the description
/// (and the event code, for `code`).
public struct StatusRule: Decodable, Sendable {
    public var contains: [String]?
    public var equals: [String]?
    public var regex: String?
    public var code: [String]?
    public var status: TrackingStatus
    public var reason: StatusReason?
}
