public import Foundation

/// A complete HTTP response: status, headers and the (decoded, size-capped) body.
public struct HTTPResponse: Sendable {
    /// The final status code (after the redirects that were followed).
    public var statusCode: Int
    /// Response headers of the final response, in order, names as sent.
    public var headers: [(name: String, value: String)]
    /// The body after content decoding (gzip, deflate).
    public var body: [UInt8]
    /// The URL of the final response, after the redirects that were followed, exactly as fetched (secrets included:
    /// callers may need it to fetch again). Show people ``displayURL`` instead.
    public var effectiveURL: String
    /// ``effectiveURL`` with the request's ``HTTPRequest/redactions`` hidden: the form for messages, logs and reports.
    public var displayURL: String
    /// Where a redirect that was not followed pointed (absolute, secrets hidden), when this response is that 3xx.
    ///
    /// Set when the target was another origin not in ``HTTPRequest/allowedRedirectHosts``, another scheme, not a
    /// parseable URL, or one hop beyond the limit. The response is then the 3xx as received (status, headers, body):
    /// typically a carrier sending a robot to a landing or captcha page.
    public var refusedRedirect: String?
    /// How many redirects were followed to reach this response.
    public var redirectsFollowed: Int

    public init(
        statusCode: Int, headers: [(name: String, value: String)], body: [UInt8], effectiveURL: String,
        displayURL: String? = nil, refusedRedirect: String? = nil, redirectsFollowed: Int = 0
    ) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
        self.effectiveURL = effectiveURL
        self.displayURL = displayURL ?? effectiveURL
        self.refusedRedirect = refusedRedirect
        self.redirectsFollowed = redirectsFollowed
    }

    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first(where: { $0.name.caseInsensitiveEquals(name) })?.value
    }

    /// The `charset` parameter of `Content-Type`, if any (for example `GBK`).
    public var charset: String? {
        guard let contentType = header("Content-Type") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: " \t").caseInsensitiveEquals("charset") {
                return parts[1].trimmingCharacters(in: " \t\"")
            }
        }
        return nil
    }

    /// `Retry-After` in seconds, when given as a number of seconds (not as a date: see ``retryAfter(now:)``).
    public var retryAfterSeconds: Int? {
        header("Retry-After").flatMap { Int($0.trimmingCharacters(in: " \t")) }
    }

    /// How long `Retry-After` asks to wait, given as seconds or as an HTTP-date (RFC 9110 section 10.2.3).
    ///
    /// A date is measured from `now`; a past date or a negative number of seconds is zero. Absurdly long waits are
    /// returned as they are (a number too large for 64 bits as the largest one): capping them is the caller's policy.
    /// `nil` when the header is missing or neither form.
    public func retryAfter(now: Date) -> Duration? {
        guard let value = header("Retry-After")?.trimmingCharacters(in: " \t") else { return nil }
        if let seconds = Self.delaySeconds(value) { return .seconds(max(0, seconds)) }
        guard let date = HTTPDate.parse(value, now: now) else { return nil }
        let interval = date.timeIntervalSince(now)
        guard interval > 0 else { return .zero }
        // Whole seconds, as an HTTP-date has no finer resolution; `Int64(exactly:)` keeps a huge one finite.
        return .seconds(Int64(exactly: interval.rounded(.up)) ?? Int64.max)
    }

    /// An optionally signed run of ASCII digits, saturated to 64 bits.
    private static func delaySeconds(_ value: String) -> Int64? {
        var digits = Substring(value)
        let negative = digits.first == "-"
        if negative || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let magnitude = Int64(digits) ?? Int64.max
        return negative ? -magnitude : magnitude
    }
}

extension StringProtocol {
    func caseInsensitiveEquals(_ other: some StringProtocol) -> Bool {
        lowercased() == other.lowercased()
    }

    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
