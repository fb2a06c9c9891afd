/// A complete HTTP response: status, headers and the (decoded, size-capped) body.
public struct HTTPResponse: Sendable {
    /// The final status code (after redirects).
    public var statusCode: Int
    /// Response headers of the final response, in order, names as sent.
    public var headers: [(name: String, value: String)]
    /// The body after content decoding (gzip, deflate).
    public var body: [UInt8]
    /// The URL of the final response, after redirects.
    public var effectiveURL: String

    public init(statusCode: Int, headers: [(name: String, value: String)], body: [UInt8], effectiveURL: String) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
        self.effectiveURL = effectiveURL
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

    /// `Retry-After` in seconds, when given as a number of seconds.
    public var retryAfterSeconds: Int? {
        header("Retry-After").flatMap { Int($0.trimmingCharacters(in: " \t")) }
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
