import Foundation
public import ShipTrackModel

/// Where to send each source's requests instead of its real site (the simulator, a proxy, a test server).
///
/// Written as `URL` (every source) or `source=URL` (one source, such as `usps-api=https://apis-tem.usps.com`),
/// comma-separated, in `--base-url` and in the `SHIPTRACK_BASE_URL` environment variable.
public struct BaseURLs: Sendable, Hashable {
    /// A URL for every source not named in `perSource`.
    public var all: String?
    /// URLs for named sources.
    public var perSource: [SourceID: String]

    public init(all: String? = nil, perSource: [SourceID: String] = [:]) {
        self.all = all
        self.perSource = perSource
    }

    /// Parses `URL` or `source=URL` items, comma-separated.
    public init(parsing text: String) throws(BaseURLError) {
        self.init()
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let url: String
            if let equals = item.firstIndex(of: "="), !item[..<equals].contains(":") {
                url = String(item[item.index(after: equals)...])
                perSource[SourceID(String(item[..<equals]))] = url
            } else {
                url = item
                all = url
            }
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else { throw BaseURLError(text: item) }
        }
    }

    /// The base URL for `source`, or `nil` for its real site.
    public func url(for source: SourceID) -> String? { perSource[source] ?? all }
}

/// A `--base-url` item that is not `URL` or `source=URL` with an http(s) URL.
public struct BaseURLError: Error, Sendable, CustomStringConvertible {
    public let text: String
    public var description: String { "base URL \"\(text)\" is not an http:// or https:// URL (or source=URL)" }
}
