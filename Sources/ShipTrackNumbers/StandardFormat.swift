import Foundation
import ShipTrackModel

/// A numbering standard recognised whatever carriers are configured: a number of this form is reported with the
/// post that issued it even when no carrier file claims it.
public enum StandardFormat: String, Hashable, Sendable, Encodable, CaseIterable {
    /// UPU S10: two letters, eight serial digits, the S10 check digit, the ISO 3166-1 code of the issuing post.
    case s10

    /// The name used in sentences: `S10`.
    public var displayName: String {
        switch self {
        case .s10: "S10"
        }
    }

    /// `valid S10 number from GB (United Kingdom); no source tracks it`.
    public func untrackedSentence(country: String) -> String {
        "valid \(displayName) number from \(Self.describe(country: country)); no source tracks it"
    }

    /// `GB (United Kingdom)`, or the code alone when it is not an ISO 3166-1 code.
    static func describe(country: String) -> String {
        guard let iso = ISOCountry.withAlpha2(country) else { return country }
        return "\(country) (\(iso.commonName ?? iso.name))"
    }

    /// The format compiled as a carrier format would be; the pattern is fixed, so it always compiles.
    var matcher: FormatMatcher? {
        switch self {
        case .s10: Self.s10Matcher
        }
    }

    private static let s10Matcher: FormatMatcher? = FormatMatcher.compile(
        pattern: "^[A-Z]{2}(?<serial>[0-9]{8})(?<check>[0-9])(?<country>[A-Z]{2})$", algorithm: .s10,
        countryMustBeISO3166: true
    ).0
}

/// What a standard format says about a number no carrier claims or nearly claims.
public struct StandardReading: Hashable, Sendable, Encodable {
    /// The standard whose shape the number has.
    public let format: StandardFormat
    /// The issuing post's country code as written in the number (`GB`).
    public let country: String
    /// The rules it fails; empty for a valid number.
    public let failures: [RuleFailure]

    public init(format: StandardFormat, country: String, failures: [RuleFailure]) {
        self.format = format
        self.country = country
        self.failures = failures
    }

    /// Whether every rule of the standard passes.
    public var isValid: Bool { failures.isEmpty }

    /// The issuing country's everyday name, if the code is an ISO 3166-1 code.
    public var countryName: String? { ISOCountry.withAlpha2(country).map { $0.commonName ?? $0.name } }

    enum CodingKeys: String, CodingKey {
        case format, country, failures, valid
        case countryName = "country_name"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(country, forKey: .country)
        try container.encode(countryName, forKey: .countryName)
        try container.encode(isValid, forKey: .valid)
        try container.encode(failures, forKey: .failures)
    }
}
