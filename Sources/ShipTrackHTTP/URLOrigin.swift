internal import CCurl

/// A URL's origin (RFC 6454): scheme, host and port, parsed by libcurl's own URL parser.
///
/// Redirect decisions compare origins. Parsing with libcurl (`curl_url`) rather than a second parser means the host
/// we check is the host libcurl will connect to: two parsers that disagree about `http://a\@b/` are how redirect
/// checks get bypassed.
struct URLOrigin: Equatable {
    /// Lowercased, such as `https`.
    let scheme: String
    /// Lowercased; an IPv6 literal without its brackets.
    let host: String
    /// The explicit port, else the scheme's default.
    let port: Int

    /// The origin of an absolute URL, or `nil` when libcurl cannot parse it or it has no host (`file:`, `data:`).
    init?(_ url: String) {
        guard let handle = curl_url() else { return nil }
        defer { curl_url_cleanup(handle) }
        guard curl_url_set(handle, CURLUPART_URL, url, 0) == CURLUE_OK,
            let scheme = Self.part(handle, CURLUPART_SCHEME, flags: 0),
            let host = Self.part(handle, CURLUPART_HOST, flags: 0), !host.isEmpty,
            let port = Self.part(handle, CURLUPART_PORT, flags: UInt32(CURLU_DEFAULT_PORT)).flatMap({ Int($0) })
        else { return nil }
        self.scheme = scheme.lowercased()
        self.host = Self.normalizedHost(host)
        self.port = port
    }

    /// Whether `host` (as written in ``HTTPRequest/allowedRedirectHosts``) names this origin's host.
    func hasHost(_ host: String) -> Bool { Self.normalizedHost(host) == self.host }

    private static func normalizedHost(_ host: String) -> String {
        var host = Substring(host.lowercased())
        if host.first == "[", host.last == "]" { host = host.dropFirst().dropLast() }
        return String(host)
    }

    private static func part(_ handle: OpaquePointer, _ part: CURLUPart, flags: UInt32) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, part, &value, flags) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }
}
