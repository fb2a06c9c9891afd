import CarrierSimulator
import Foundation
import Logging
@testable import ShipTrackHTTP
import Testing

/// Secrets a request carries (API keys in the query, tokens in headers) never come out of the HTTP layer: not in an
/// error, not in a log line, not in a URL meant for people.
@Suite("HTTP secret redaction", .serialized)
struct RedactionTests {
    static let secret = "k3y/Secret+value"
    /// The secret as a query encoder writes it.
    static let encodedSecret = "k3y%2FSecret%2bvalue"

    private func request(_ base: String) -> HTTPRequest {
        HTTPRequest(
            url: base + "/track?n=TIMEOUT&api_key=\(Self.encodedSecret)&raw=\(Self.secret)",
            headers: [("Authorization", "Bearer \(Self.secret)")], redactions: [Self.secret])
    }

    private func expectNoSecret(_ error: HTTPClientError, _ log: CapturingLogHandler.Storage) {
        for text in [error.description, error.url, error.curlMessage ?? ""] + log.text {
            #expect(!text.contains(Self.secret), "\(text)")
            #expect(!text.contains(Self.encodedSecret), "\(text)")
            #expect(!text.contains("Secret"), "\(text)")
        }
        // The URL is still there, with the secret's place marked, so the log is useful and this test can fail.
        #expect(error.description.contains("api_key=[redacted]&raw=[redacted]"))
        #expect(log.text.contains { $0.contains("api_key=[redacted]") })
    }

    @Test("A refused connection's error and the trace log hide the secret")
    func connectionRefused() async throws {
        let fixture = try await SimulatorFixture()
        let closed = fixture.baseURL
        try await fixture.stop()
        let log = CapturingLogHandler.Storage()
        let client = try HTTPClient(logger: CapturingLogHandler.logger(log))
        defer { client.shutdown() }
        let error = try await #require(throws: HTTPClientError.self) { try await client.execute(request(closed)) }
        #expect(error.isConnectFailure)
        expectNoSecret(error, log)
    }

    @Test("A timeout's error and the trace log hide the secret")
    func timeout() async throws {
        let fixture = try await SimulatorFixture()
        var configuration = HTTPClient.Configuration()
        configuration.totalTimeout = .milliseconds(300)
        let log = CapturingLogHandler.Storage()
        let client = try HTTPClient(configuration: configuration, logger: CapturingLogHandler.logger(log))
        let error = try await #require(throws: HTTPClientError.self) {
            try await client.execute(request(fixture.baseURL))
        }
        client.shutdown()
        try await fixture.stop()
        #expect(error.isTimeout)
        expectNoSecret(error, log)
    }

    @Test("A response keeps the real URL for callers and a redacted one for people; a printed request hides it too")
    func responseURLs() async throws {
        let server = try ScriptedServer { request, _ in
            request.target.hasPrefix("/start")
                ? .http(302, headers: [("Location", "http://localhost/landing?from=\(Self.encodedSecret)")])
                : .http(200)
        }
        let log = CapturingLogHandler.Storage()
        let client = try HTTPClient(logger: CapturingLogHandler.logger(log))
        defer {
            client.shutdown()
            server.stop()
        }
        let plain = try await client.execute(request(server.baseURL))
        #expect(plain.effectiveURL.contains(Self.encodedSecret))
        #expect(plain.displayURL == server.baseURL + "/track?n=TIMEOUT&api_key=[redacted]&raw=[redacted]")

        let redirected = try await client.execute(
            HTTPRequest(url: server.baseURL + "/start", redactions: [Self.secret]))
        #expect(redirected.refusedRedirect == "http://localhost/landing?from=[redacted]")
        #expect(!log.text.joined().contains(Self.encodedSecret))

        let printed = ["\(request(server.baseURL))", String(reflecting: request(server.baseURL))]
        #expect(printed.allSatisfy { !$0.contains(Self.secret) && !$0.contains(Self.encodedSecret) })
    }

    @Test(
        "Every encoding of a secret is hidden, and nothing else",
        arguments: [
            ("key=a b/c", "key=[redacted]"),
            ("key=a+b%2Fc", "key=[redacted]"),
            ("key=a%20b%2fc&x=1", "key=[redacted]&x=1"),
            ("key=%61%20%62%2F%63", "key=[redacted]"),
            ("key=A B/C", "key=A B/C"),  // case-sensitive
            ("key=a b/", "key=a b/"),  // a prefix is not the secret
            ("a b/ca b/c", "[redacted][redacted]"),
        ])
    func redactorForms(text: String, expected: String) {
        #expect(Redactor(["a b/c", ""]).redact(text) == expected)
    }

    @Test("A secret containing another is hidden whole")
    func longestFirst() {
        #expect(Redactor(["abc", "abcdef"]).redact("x=abcdef&y=abc") == "x=[redacted]&y=[redacted]")
    }
}
