/// A row of the published shipping-time table.
///
/// The set is fixed by the published policy; `policy.json` gives each its name and transit window, and
/// `countries.json` maps every country to one of them or to `not_served`. Raw values are the ids used in both files
/// and in JSON output.
public enum Region: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// "United States" (with the US territories USPS serves).
    case unitedStates = "united_states"
    /// "Canada, Europe".
    case canadaEurope = "canada_europe"
    /// "Australia, New Zealand" (with the Pacific islands; see `docs/estimator.md`).
    case australiaNewZealand = "australia_new_zealand"
    /// "Central & South America" (with Mexico and the Caribbean).
    case centralSouthAmerica = "central_south_america"
    /// "Asia" (with the Middle East and Central Asia).
    case asia
    /// "Africa".
    case africa

    public var description: String { rawValue }

    /// The value `countries.json` uses for a country the store does not ship to.
    public static let notServedName = "not_served"
}
