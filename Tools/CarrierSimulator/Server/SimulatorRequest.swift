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
        guard let contentType else { return false }
        var mediaType = contentType.prefix { $0 != ";" }
        while mediaType.first?.isWhitespace == true { mediaType.removeFirst() }
        while mediaType.last?.isWhitespace == true { mediaType.removeLast() }
        return mediaType.lowercased() == "application/x-www-form-urlencoded"
    }
}
