/// Where a tracking event happened, as far as the carrier says.
public struct EventLocation: Hashable, Sendable, Codable {
    /// City or facility town, as printed (for example `LOS ANGELES`, `SHANGHAI`).
    public var city: String?
    /// State, province or region code or name (for example `CA`).
    public var state: String?
    /// Postal code (for example `90052`).
    public var postalCode: String?
    /// ISO 3166-1 alpha-2 country code, when known.
    public var countryCode: String?
    /// The carrier's text, untouched apart from whitespace folding (for example `ISC LOS ANGELES CA (USPS)`).
    public var raw: String

    public init(
        city: String? = nil, state: String? = nil, postalCode: String? = nil, countryCode: String? = nil,
        raw: String = ""
    ) {
        self.city = city
        self.state = state
        self.postalCode = postalCode
        self.countryCode = countryCode
        self.raw = raw
    }

    /// A short human form: the raw text when present, else the parts joined.
    public var displayText: String {
        if !raw.isEmpty { return raw }
        return [city, state, postalCode, countryCode].compactMap { $0 }.joined(separator: ", ")
    }

    enum CodingKeys: String, CodingKey {
        case city, state
        case postalCode = "postal_code"
        case countryCode = "country_code"
        case raw
    }
}
