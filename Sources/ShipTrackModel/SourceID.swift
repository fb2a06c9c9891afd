/// The identifier of a tracking source definition, such as `usps-api`, `17track` or `usps-page`.
///
/// A *carrier* (`usps`, `epacket`, `ems`) is who moves the parcel and issues its number; a *source* is who can tell
/// us where it is: the carrier's API, its public page, or an aggregator serving several carriers. Sources are data
/// (`TrackingSources/*.json`), so this is an open set of names, not an enum.
public struct SourceID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue.lowercased() }
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: SourceID, rhs: SourceID) -> Bool { lhs.rawValue < rhs.rawValue }
}

// Identifiers key JSON objects in definition and configuration files (`"serves": {"usps": {...}}`).
extension SourceID: CodingKeyRepresentable {
    public var codingKey: any CodingKey { IdentifierKey(stringValue: rawValue) }
    public init?<T: CodingKey>(codingKey: T) { self.init(rawValue: codingKey.stringValue) }
}

