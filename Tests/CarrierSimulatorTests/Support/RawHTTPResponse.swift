/// A response as the raw test client read it.
struct RawHTTPResponse: Sendable {
    var statusCode: Int
    /// Header fields in the order received.
    var headers: [(name: String, value: String)]
    var body: [UInt8] = []

    /// Parses a response head (status line and header lines, without the blank line).
    init(head: [UInt8]) throws {
        guard let text = String(validating: head, as: UTF8.self) else {
            throw RawHTTPError.malformedResponse("head is not UTF-8")
        }
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { throw RawHTTPError.malformedResponse("empty head") }
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/"), let code = Int(statusLine[1]) else {
            throw RawHTTPError.malformedResponse("status line \(text)")
        }
        self.statusCode = code
        self.headers = try lines.map { line in
            guard let colon = line.firstIndex(of: ":") else { throw RawHTTPError.malformedResponse("header \(line)") }
            return (String(line[..<colon]), String(line[line.index(after: colon)...].drop { $0 == " " }))
        }
    }

    /// The first value of the header `name`, compared case-insensitively.
    func header(_ name: String) -> String? {
        self.headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var contentLength: Int? {
        self.header("Content-Length").flatMap { Int($0) }
    }

    /// The body as UTF-8 text (empty when it is not UTF-8).
    var text: String {
        String(validating: self.body, as: UTF8.self) ?? ""
    }
}
