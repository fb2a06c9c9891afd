/// One HTTP request to make.
///
/// Printing a request shows its method and its URL with ``redactions`` hidden, never header values or the body.
public struct HTTPRequest: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The request method. Only what carriers need.
    public enum Method: String, Sendable, Hashable { case get = "GET", post = "POST" }

    /// The absolute `http` or `https` URL, with parameters already percent-encoded.
    public var url: String
    public var method: Method
    /// Extra request headers, sent in order.
    public var headers: [(name: String, value: String)]
    /// The body for `POST`.
    public var body: [UInt8]?
    /// Hosts besides the request's own that a redirect may lead to, such as `track.example.com`.
    ///
    /// Compared case-insensitively with the redirect target's host, whatever its port (IPv6 literals with or without
    /// brackets). By default a redirect is followed only within the request's origin (scheme, host and port); any
    /// other is returned as the 3xx response itself with ``HTTPResponse/refusedRedirect`` set. The scheme never
    /// changes, whatever this list says. Headers carrying a value from ``redactions`` are not sent to another host.
    public var allowedRedirectHosts: [String]
    /// Secret values this request carries (API keys, tokens) in its URL, headers or body.
    ///
    /// Every URL, message and log line the HTTP layer produces shows each of them, and its percent-encoded forms, as
    /// `[redacted]` (exact, case-sensitive). ``HTTPResponse/effectiveURL`` alone stays the real URL.
    public var redactions: [String]
    /// The most body bytes (after decoding) this request accepts, when it accepts fewer than the client's
    /// ``HTTPClient/Configuration/maxBodyBytes``: a page source's 4 MiB answer stops there, not at the largest limit
    /// of any source, so a night of oversized answers holds a page's worth per transfer. The smaller limit applies.
    public var maxBodyBytes: Int?

    public init(
        url: String, method: Method = .get, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil,
        allowedRedirectHosts: [String] = [], redactions: [String] = []
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.allowedRedirectHosts = allowedRedirectHosts
        self.redactions = redactions
    }

    /// ``url`` with every value of ``redactions`` hidden: the form to show people.
    public var displayURL: String { Redactor(redactions).redact(url) }

    public var description: String { "\(method.rawValue) \(displayURL)" }

    public var debugDescription: String {
        let names = headers.map(\.name).joined(separator: ", ")
        return "HTTPRequest(\(method.rawValue) \(displayURL), headers: [\(names)], body: \(body?.count ?? 0) bytes)"
    }

    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.url == rhs.url && lhs.method == rhs.method && lhs.body == rhs.body
            && lhs.headers.elementsEqual(rhs.headers, by: { $0.name == $1.name && $0.value == $1.value })
            && lhs.allowedRedirectHosts == rhs.allowedRedirectHosts && lhs.redactions == rhs.redactions
            && lhs.maxBodyBytes == rhs.maxBodyBytes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(url)
        hasher.combine(method)
        hasher.combine(body)
    }
}
