import Foundation
public import ShipTrackModel

/// Where to send each carrier's requests instead of its real site (the simulator, a proxy, a test server).
///
/// Written as `URL` (every carrier) or `carrier=URL` (one carrier), comma-separated, in `--base-url` and in the
/// `SHIPTRACK_BASE_URL` environment variable.
public struct BaseURLs: Sendable, Hashable {
    /// A URL for every carrier not named in `perCarrier`.
    public var all: String?
    /// URLs for named carriers.
    public var perCarrier: [CarrierID: String]

    public init(all: String? = nil, perCarrier: [CarrierID: String] = [:]) {
        self.all = all
        self.perCarrier = perCarrier
    }

    /// Parses `URL` or `carrier=URL` items, comma-separated.
    public init(parsing text: String) throws(BaseURLError) {
        self.init()
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let url: String
            if let equals = item.firstIndex(of: "="), !item[..<equals].contains(":") {
                url = String(item[item.index(after: equals)...])
                perCarrier[CarrierID(String(item[..<equals]))] = url
            } else {
                url = item
                all = url
            }
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else { throw BaseURLError(text: item) }
        }
    }

    /// The base URL for `carrier`, or `nil` for its real site.
    public func url(for carrier: CarrierID) -> String? { perCarrier[carrier] ?? all }
}

/// A `--base-url` item that is not `URL` or `carrier=URL` with an http(s) URL.
public struct BaseURLError: Error, Sendable, CustomStringConvertible {
    public let text: String
    public var description: String { "base URL \"\(text)\" is not an http:// or https:// URL (or carrier=URL)" }
}
