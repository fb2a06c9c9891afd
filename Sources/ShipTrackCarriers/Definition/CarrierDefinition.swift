public import ShipTrackModel
public import ShipTrackNumbers

/// A carrier as data: who moves the parcel and issues its number — which numbers it claims, which sources can track
/// it and in what order of preference, and the public page people can open.
///
/// Decoded from one JSON file in `Carriers/` (format in `Carriers/README.md`). How to *ask* about a parcel is not
/// here: that belongs to the sources (`TrackingSources/`), since one carrier has several (its API, its page, an
/// aggregator) and one aggregator serves several carriers.
public struct CarrierDefinition: Decodable, Sendable {
    /// The file format version this definition is written for.
    public var schemaVersion: Int
    /// Stable identifier used in commands, JSON and the database (`usps`).
    public var id: CarrierID
    /// Display name (`USPS`).
    public var name: String
    /// Which tracking numbers this carrier claims, with its own test numbers.
    public var numbers: NumberRules
    /// The sources that can track this carrier, most preferred first (the store's configuration may reorder them).
    public var sources: [SourceID]
    /// The carrier's public tracking page for people, with `{number}` (a link in the reports).
    public var trackingPage: String?
    /// Other carriers that track the same number after a hand-over (an ePacket to the US is tracked by USPS too).
    public var followOnLegs: [FollowOnLeg]?

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case id, name, numbers, sources
        case trackingPage = "tracking_page"
        case followOnLegs = "follow_on_legs"
    }
}

/// A second carrier that tracks the same number after a hand-over.
public struct FollowOnLeg: Codable, Sendable, Hashable {
    /// The carrier that takes over.
    public var carrier: CarrierID
    /// Destination countries (ISO alpha-2) where it takes over.
    public var destinations: [String]

    enum CodingKeys: String, CodingKey {
        case carrier, destinations
    }
}
