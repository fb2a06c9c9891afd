import CarrierSimulator
import Foundation

/// What the API tests share: a parcel-world day, simulator options, a fixtures folder with the page routes, and
/// small helpers for requests with headers and JSON bodies.
enum APITest {
    static let day = CalendarDay(year: 2026, month: 11, day: 20)!
    static let credentials = CarrierSimulator.testCredentials
    static let uspsPagePath = "/go/TrackConfirmAction"
    static let chinaPostPagePath = "/zdxt/yjcx/mailQuery"

    /// Options for API tests: one thread, the parcel world of ``day``, no 17TRACK delay or rate limit, and the
    /// given USPS, 17TRACK and blocking options.
    static func options(
        generated: Bool = true,
        usps: CarrierSimulator.USPSAPIOptions = .init(callsPerWindow: nil),
        track17: CarrierSimulator.Track17Options = .init(requestsPerSecond: nil, registrationDelay: .zero),
        pageBlocking: CarrierSimulator.PageBlocking = .init()
    ) -> CarrierSimulator.Options {
        CarrierSimulator.Options(
            eventLoopThreads: 1,
            generatedPages: generated ? CarrierSimulator.GeneratedPagesOptions(simulatedDate: Self.day) : nil,
            uspsAPI: usps, track17: track17, pageBlocking: pageBlocking
        )
    }

    /// A fixtures folder with the repository's USPS and China Post page routes, `specials` as its special numbers
    /// (JSON object members), and `files` (such as API fixtures).
    static func fixtures(specials: String = "", files: [String: String] = [:]) throws -> TemporaryFixtures {
        var all: [String: [UInt8]] = [
            "usps/not-found.html": Array("<html>USPS not found</html>".utf8),
            "epacket/not-found.html": Array("<html>China Post not found</html>".utf8),
        ]
        for (path, text) in files {
            all[path] = Array(text.utf8)
        }
        return try TemporaryFixtures(
            routingFile: """
                {
                  "carriers": [
                    { "id": "usps", "path": "\(Self.uspsPagePath)", "number_parameter": "tLabels", "method": "GET",
                      "content_type": "text/html; charset=utf-8", "directory": "usps", "extension": "html",
                      "unknown_number_file": "not-found.html" },
                    { "id": "epacket", "path": "\(Self.chinaPostPagePath)", "number_parameter": "mailNo", "method": "GET",
                      "content_type": "text/html", "directory": "epacket", "extension": "html",
                      "unknown_number_file": "not-found.html" }
                  ],
                  "special_numbers": { \(specials) }
                }
                """,
            files: all
        )
    }

    /// A raw HTTP/1.1 request.
    static func request(_ method: String, _ target: String, headers: [String] = [], body: String? = nil) -> String {
        var lines = ["\(method) \(target) HTTP/1.1", "Host: 127.0.0.1"] + headers
        if let body {
            lines.append("Content-Length: \(body.utf8.count)")
        }
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + (body ?? "")
    }

    /// Sends `request` on a new connection and reads the response, off the cooperative threads.
    static func send(port: Int, _ request: String) async throws -> RawHTTPResponse {
        try await onBlockingThread { try RawHTTPConnection.exchange(port: port, request) }
    }

    /// The body as JSON.
    static func json(_ response: RawHTTPResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
    }

    /// A JSON value as text, for request bodies.
    static func text(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
    }

    // MARK: - USPS

    /// Asks for a token and returns the whole response.
    static func tokenResponse(port: Int, clientID: String = credentials.uspsClientID, secret: String = credentials.uspsClientSecret, scope: String? = nil) async throws -> RawHTTPResponse {
        var form = "grant_type=client_credentials&client_id=\(clientID)&client_secret=\(secret)"
        if let scope { form += "&scope=\(scope.replacingOccurrences(of: " ", with: "+"))" }
        return try await Self.send(
            port: port, Self.request("POST", "/oauth2/v3/token", headers: ["Content-Type: application/x-www-form-urlencoded"], body: form)
        )
    }

    /// A token of the test client (or another), failing the test when none is issued.
    static func token(port: Int, clientID: String = credentials.uspsClientID) async throws -> String {
        let response = try await Self.tokenResponse(port: port, clientID: clientID)
        guard let object = try Self.json(response) as? [String: Any], let token = object["access_token"] as? String else {
            throw APITestError.unexpected("no token: \(response.statusCode) \(response.text)")
        }
        return token
    }

    /// `POST /tracking/v3r2/tracking` for `numbers`.
    static func uspsBatch(port: Int, token: String?, numbers: [String]) async throws -> RawHTTPResponse {
        let body = try Self.text(numbers.map { ["trackingNumber": $0] })
        return try await Self.uspsBatch(port: port, token: token, body: body)
    }

    static func uspsBatch(port: Int, token: String?, body: String) async throws -> RawHTTPResponse {
        var headers = ["Content-Type: application/json"]
        if let token { headers.append("Authorization: Bearer \(token)") }
        return try await Self.send(port: port, Self.request("POST", "/tracking/v3r2/tracking?expand=DETAIL", headers: headers, body: body))
    }

    /// `GET /tracking/v3/tracking/{number}?expand=DETAIL`.
    static func uspsSingle(port: Int, token: String, number: String, detail: Bool = true) async throws -> RawHTTPResponse {
        let target = "/tracking/v3/tracking/\(number)" + (detail ? "?expand=DETAIL" : "")
        return try await Self.send(port: port, Self.request("GET", target, headers: ["Authorization: Bearer \(token)"]))
    }

    // MARK: - 17TRACK

    /// `POST /track/v2.2/<operation>` with `body` (a JSON value) and the key.
    static func track17(port: Int, _ operation: String, _ body: Any, key: String? = credentials.track17APIKey) async throws -> RawHTTPResponse {
        var headers = ["Content-Type: application/json"]
        if let key { headers.append("17token: \(key)") }
        return try await Self.send(port: port, Self.request("POST", "/track/v2.2/\(operation)", headers: headers, body: try Self.text(body)))
    }

    // MARK: - EMS

    /// The EMS partner interface's answer for `number` in `language`.
    static func ems(
        port: Int, number: String, language: String = "en", token: String? = credentials.emsToken,
        version: String? = "international_eub_us_1.1"
    ) async throws -> RawHTTPResponse {
        var headers: [String] = []
        if let version { headers.append("version: \(version)") }
        if let token { headers.append("authenticate: \(token)") }
        return try await Self.send(
            port: port, Self.request("GET", "/partner/api/public/p/track/query/\(language)/\(number)", headers: headers)
        )
    }
}

enum APITestError: Error {
    case unexpected(String)
}

extension Dictionary where Key == String, Value == Any {
    /// A nested value by key path, such as `["data", "accepted"]`.
    subscript(path path: String...) -> Any? {
        var value: Any? = self
        for key in path {
            value = (value as? [String: Any])?[key]
        }
        return value
    }
}
