public import ShipTrackModel

/// A tracking source as data: who can tell where a parcel is (a carrier's API, its public page, an aggregator),
/// how to ask it (requests, credentials, batching, registration, quota) and how to read its answers.
///
/// Decoded from one JSON file in `TrackingSources/` (format in `TrackingSources/README.md`), then checked and
/// compiled by ``SourceEngine``.
public struct SourceDefinition: Decodable, Sendable {
    /// The file format version this definition is written for.
    public var schemaVersion: Int
    /// Stable identifier used in commands, the configuration and the database (`usps-api`).
    public var id: SourceID
    /// Display name (`USPS Tracking API`).
    public var name: String
    /// `api` (an interface that answers machines) or `page` (a public page meant for people).
    public var kind: Kind
    /// The carriers it tracks, each with the code the source knows it by (17TRACK's `3011` for China Post).
    public var serves: [CarrierID: ServedCarrier]
    /// Whether one answer carries every leg of the journey (17TRACK's providers), so follow-on legs need no request
    /// of their own.
    public var tracksWholeJourney: Bool?
    /// Names of the secrets the source needs (`USPS_CLIENT_ID`); without all of them the source is not available.
    public var secrets: [String]?
    /// Where a store gets its credentials, for people.
    public var documentation: String?
    /// What to tell the operator when the source cannot answer, by outcome (`blocked`, `unauthorized`, ...).
    public var advice: [String: String]?
    /// The source's real base URL; configuration can replace it (the simulator, a proxy).
    public var baseURL: String
    /// Polite limits and batch size.
    public var limits: SourceLimits?
    /// How to obtain an access token, when the source needs one.
    public var auth: AuthRecipe?
    /// How to ask for one or several numbers.
    public var track: RequestRecipe
    /// How to read the answer.
    public var answer: AnswerRecipe
    /// What whole answers mean before they are read (error statuses, block pages, whole-call error codes), in order.
    public var responses: [ResponseRule]?
    /// How to register numbers the source must be told about before it tracks them (17TRACK).
    public var registration: RegistrationRecipe?
    /// How to read the account's remaining allowance.
    public var quota: QuotaRecipe?
    /// What the source's codes and words mean.
    public var statuses: StatusTable

    /// Whether a source answers machines or people.
    public enum Kind: String, Decodable, Sendable {
        case api, page
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case id, name, kind, serves
        case tracksWholeJourney = "tracks_whole_journey"
        case secrets, documentation, advice
        case baseURL = "base_url"
        case limits, auth, track, answer, responses, registration, quota, statuses
    }
}

/// A carrier a source tracks, and how the source names it.
public struct ServedCarrier: Decodable, Sendable {
    /// The source's code for the carrier, as written in the definition (a JSON number stays a number in JSON bodies).
    public var code: TemplateValue?
}

/// A value for a request template: a string, or a number written as such in JSON bodies.
public enum TemplateValue: Decodable, Sendable, Hashable {
    case string(String)
    case number(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int.self) {
            self = .number(String(integer))
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    /// The text of the value.
    public var text: String {
        switch self {
        case .string(let text), .number(let text): text
        }
    }
}

/// The limits a source publishes (or a store is held to); the store's configuration may lower or raise them.
public struct SourceLimits: Decodable, Sendable, Hashable {
    /// Numbers one request may carry (USPS 35, 17TRACK 40); 1 or absent for one number per request.
    public var batchSize: Int?
    /// Requests in flight at once.
    public var concurrency: Int?
    /// Requests started per second.
    public var requestsPerSecond: Double?
    /// Calls allowed per rolling hour (USPS: 60 by default).
    public var callsPerHour: Int?
    /// Quota units per month (17TRACK: one per registered number), for planning.
    public var unitsPerMonth: Int?

    enum CodingKeys: String, CodingKey {
        case batchSize = "batch_size"
        case concurrency
        case requestsPerSecond = "requests_per_second"
        case callsPerHour = "calls_per_hour"
        case unitsPerMonth = "units_per_month"
    }

    public init(
        batchSize: Int? = nil, concurrency: Int? = nil, requestsPerSecond: Double? = nil, callsPerHour: Int? = nil,
        unitsPerMonth: Int? = nil
    ) {
        self.batchSize = batchSize
        self.concurrency = concurrency
        self.requestsPerSecond = requestsPerSecond
        self.callsPerHour = callsPerHour
        self.unitsPerMonth = unitsPerMonth
    }
}
