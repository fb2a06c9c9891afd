/// One complete HTTP request as the router sees it: plain values, no NIO types, so routing is easy to test.
struct SimulatorRequest: Sendable, Hashable {
    /// The method as sent, such as `GET`.
    var method: String
    /// The request target as sent, such as `/go/TrackConfirmAction?tLabels=9400...`.
    var target: String
    /// The `Content-Type` header, if any.
    var contentType: String?
    /// The body; the connection refuses bodies longer than its limit before they get here.
    var body: [UInt8]
    /// Every header field as sent, in order (the APIs read `Authorization`, `17token`, `authenticate`, `version`).
    var headers: [HeaderField] = []

    /// One header field.
    struct HeaderField: Sendable, Hashable {
        var name: String
        var value: String
    }

    /// The target's path, before any `?`.
    var path: Substring {
        self.target.prefix { $0 != "?" }
    }

    /// The target's query string, after the first `?`, or empty.
    var query: Substring.UTF8View {
        guard let mark = self.target.firstIndex(of: "?") else { return Substring().utf8 }
        return self.target[self.target.index(after: mark)...].utf8
    }

    /// Whether the body is a urlencoded form (`application/x-www-form-urlencoded`, parameters ignored).
    var hasFormBody: Bool {
        self.mediaType == "application/x-www-form-urlencoded"
    }

    /// Whether the body is declared JSON (`application/json`, or any `+json` type).
    var hasJSONBody: Bool {
        guard let mediaType = self.mediaType else { return false }
        return mediaType == "application/json" || mediaType.hasSuffix("+json")
    }

    /// The `Content-Type` without parameters, trimmed and lower-cased.
    private var mediaType: String? {
        guard let contentType else { return nil }
        var mediaType = contentType.prefix { $0 != ";" }
        while mediaType.first?.isWhitespace == true { mediaType.removeFirst() }
        while mediaType.last?.isWhitespace == true { mediaType.removeLast() }
        return mediaType.lowercased()
    }

    /// The value of the first header field called `name` (compared case-insensitively, as HTTP says), trimmed.
    func header(_ name: String) -> String? {
        guard let field = self.headers.first(where: { $0.name.caseInsensitiveEquals(name) }) else { return nil }
        var value = Substring(field.value)
        while value.first == " " || value.first == "\t" { value.removeFirst() }
        while value.last == " " || value.last == "\t" { value.removeLast() }
        return String(value)
    }
}

extension String {
    /// ASCII case-insensitive comparison, enough for header names.
    func caseInsensitiveEquals(_ other: String) -> Bool {
        guard self.utf8.count == other.utf8.count else { return false }
        return zip(self.utf8, other.utf8).allSatisfy { left, right in
            left == right || (left | 0x20 == right | 0x20 && (left | 0x20) >= UInt8(ascii: "a") && (left | 0x20) <= UInt8(ascii: "z"))
        }
    }
}
