/// A destination country as the country table resolved it: its codes, its name and its region, or not served.
public struct ResolvedCountry: Hashable, Sendable, Encodable, CustomStringConvertible {
    /// ISO 3166-1 alpha-2 code (`US`).
    public let alpha2: String
    /// ISO 3166-1 alpha-3 code (`USA`).
    public let alpha3: String
    /// The everyday English name (`Taiwan`, `United Kingdom`).
    public let name: String
    /// The row of the shipping-time table, or `nil` when the store does not ship there.
    public let region: Region?
    /// Why the country is where it is, for the hard cases (`countries.json`'s `note`).
    public let note: String?

    public init(alpha2: String, alpha3: String, name: String, region: Region?, note: String? = nil) {
        self.alpha2 = alpha2
        self.alpha3 = alpha3
        self.name = name
        self.region = region
        self.note = note
    }

    /// Whether the store ships there.
    public var isServed: Bool { region != nil }

    /// `United Kingdom (GB)`.
    public var description: String { "\(name) (\(alpha2))" }

    enum CodingKeys: String, CodingKey {
        case alpha2, alpha3, name, region, note
    }

    /// `{"alpha2": "GB", "alpha3": "GBR", "name": "United Kingdom", "region": "canada_europe", "note": null}`;
    /// `region` is `not_served` for a country the store does not ship to.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(alpha2, forKey: .alpha2)
        try container.encode(alpha3, forKey: .alpha3)
        try container.encode(name, forKey: .name)
        try container.encode(region?.rawValue ?? Region.notServedName, forKey: .region)
        try container.encode(note, forKey: .note)
    }
}
