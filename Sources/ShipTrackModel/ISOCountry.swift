/// A country or territory of ISO 3166-1, as reference data (the list itself is generated, see `Generated/`).
public struct ISOCountry: Hashable, Sendable {
    /// Two-letter code, such as `US`.
    public let alpha2: String
    /// Three-letter code, such as `USA`.
    public let alpha3: String
    /// Three-digit numeric code, such as `840`.
    public let numeric: String
    /// The official short name, such as `United States`.
    public let name: String
    /// The everyday name where it differs from `name`, such as `Taiwan`.
    public let commonName: String?

    /// Looks up a country by its alpha-2 code, case-insensitively.
    public static func withAlpha2(_ code: String) -> ISOCountry? {
        byAlpha2[code.uppercased()]
    }

    private static let byAlpha2: [String: ISOCountry] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.alpha2, $0) })
}
