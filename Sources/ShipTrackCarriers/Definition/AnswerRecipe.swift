public import ShipTrackModel

/// How to read a source's answer into events: the same language for HTML pages, XML and JSON interfaces.
///
/// JSON answers are read as the XML tree `docs/json-as-xpath.md` describes, so every selector is an XPath.
public struct AnswerRecipe: Decodable, Sendable {
    /// `html` (recovering parser), `xml` (strict) or `json`.
    public var format: String
    /// The charset when neither the HTTP `Content-Type` nor the page says (`GBK`).
    public var charset: String?
    /// Largest answer accepted, in bytes.
    public var maxBytes: Int?
    /// How the source lists events: `newest_first` (default) or `oldest_first`.
    public var order: String?
    /// XPath booleans that prove a real answer (a tracking page): when the source answers 200 and none holds, the
    /// answer is a block or challenge page. Plain XPath: no placeholder is replaced in them.
    public var markers: [String]?
    /// For answers about several numbers: XPath selecting one node per number, and XPaths (relative) giving the
    /// number it is about. Without `items`, the whole answer is about the one number asked.
    public var items: String?
    public var itemNumber: [String]?
    /// XPaths giving the source's code for the carrier it tracked the item as (to spot a disagreement with ours).
    public var itemCarrier: [String]?
    /// What an item means before its events are read (a per-item error), tried in order.
    public var itemStates: [StateRule]?
    /// XPath selecting one node per event, relative to the item (or the whole answer).
    public var eventRows: String
    /// Per-field XPaths, evaluated with the row as context node.
    public var fields: FieldRecipe
    /// How to read times.
    public var time: TimeRecipe
    /// How to split a place printed as one text.
    public var location: LocationRecipe?
    /// The leg (carrier) an event belongs to, by the code the `leg` field gives (17TRACK's provider `21051` is USPS);
    /// events with no listed code belong to the parcel's own carrier.
    public var legByCode: [String: String]?
    /// What an answer (or item) with no event rows means, tried in order.
    public var noEvents: [StateRule]?

    enum CodingKeys: String, CodingKey {
        case format, charset
        case maxBytes = "max_bytes"
        case order, markers, items
        case itemNumber = "item_number"
        case itemCarrier = "item_carrier"
        case itemStates = "item_states"
        case eventRows = "event_rows"
        case fields, time, location
        case legByCode = "leg_by_code"
        case noEvents = "no_events"
    }
}

/// XPaths for each field of an event row. Each is a list: the first that yields non-empty text wins.
public struct FieldRecipe: Decodable, Sendable {
    public var description: [String]
    /// The local time as printed, possibly with its offset (`2026-11-20T10:15:00-05:00`).
    public var time: [String]
    /// A separate offset field (`-05:00`), for a local time printed without one (USPS `GMTOffset`).
    public var utcOffset: [String]?
    /// The instant in UTC (`...Z`), when the source gives one (USPS `GMTTimestamp`, 17TRACK `time_utc`).
    public var timeUTC: [String]?
    /// The place as one text, split by `location.patterns`.
    public var location: [String]?
    /// The place as separate fields.
    public var city: [String]?
    public var state: [String]?
    public var postalCode: [String]?
    public var country: [String]?
    /// The source's event code (USPS `eventCode`, 17TRACK `sub_status`): matched before the words.
    public var eventCode: [String]?
    /// The leg's code (17TRACK's provider key), mapped by `leg_by_code`.
    public var leg: [String]?

    enum CodingKeys: String, CodingKey {
        case description, time
        case utcOffset = "utc_offset"
        case timeUTC = "time_utc"
        case location, city, state
        case postalCode = "postal_code"
        case country
        case eventCode = "event_code"
        case leg
    }
}

/// Date formats and the zone of the source's times.
public struct TimeRecipe: Decodable, Sendable {
    /// Patterns tried in order; see `TrackingSources/README.md`.
    public var formats: [String]
    /// Zones by the state or province of the event's place (USPS prints local times).
    public var zoneByState: [String: String]?
    /// Zones (or fixed offsets such as `+08:00`) by the country of the event's place.
    public var zoneByCountry: [String: String]?
    /// The zone of events in the origin country, and of events whose place is unknown until the parcel has been
    /// placed abroad (China Post prints Chinese scans in China time, but its record of the US leg in US local time).
    public var originZone: OriginZone?

    public struct OriginZone: Decodable, Sendable {
        public var country: String
        public var zone: String
    }

    enum CodingKeys: String, CodingKey {
        case formats
        case zoneByState = "zone_by_state"
        case zoneByCountry = "zone_by_country"
        case originZone = "origin_zone"
    }
}

/// Regular expressions that split location text; named groups `city`, `state`, `postal`, `country`.
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
    /// Whether the place is outside the origin country although its country is not printed (EMS prints the
    /// destination's city alone, `PARIS`): its time is then never given the origin's zone.
    public var abroad: Bool?
}

/// A state of an answer or item: when `when` (an XPath boolean) holds, it means `outcome`.
public struct StateRule: Decodable, Sendable {
    public var when: String
    /// `not_found`, `not_yet`, `no_information` (pending), `info_received`, `unauthorized`, `quota_exhausted`,
    /// `rate_limited`, `carrier_error`, `not_registered`, `blocked`.
    public var outcome: String
    /// An XPath string: the source's own message.
    public var message: String?
}

/// The mapping from the source's codes and words to normalized statuses.
public struct StatusTable: Decodable, Sendable {
    /// Rules; code rules are tried before word rules, each group in order, first match wins.
    public var rules: [StatusRule]
    /// The status given to an event no rule matches (kept, flagged `status_unrecognised`).
    public var unrecognised: TrackingStatus
}

/// One rule: exactly one test of `code`, `code_prefix`, `contains`, `equals`, `regex`.
public struct StatusRule: Decodable, Sendable {
    /// The event code is one of these (case-insensitive).
    public var code: [String]?
    /// The event code starts with one of these: a family fallback for codes never seen before (17TRACK's new
    /// sub-statuses map by their main status); such a match is still flagged unrecognised.
    public var codePrefix: [String]?
    public var contains: [String]?
    public var equals: [String]?
    public var regex: String?
    public var status: TrackingStatus
    public var reason: StatusReason?
    /// What the event means in plain English (for carriers that do not write English).
    public var english: String?
    /// Whether the words say the parcel is in the destination country ("arrival at destination", "delivered"): from
    /// this event on, the origin's time zone no longer applies to events without a place.
    public var abroad: Bool?

    enum CodingKeys: String, CodingKey {
        case code
        case codePrefix = "code_prefix"
        case contains, equals, regex, status, reason, english, abroad
    }
}
