import Foundation
import Logging
import ShipTrackHTTP
import Testing

/// `Retry-After` as seconds or as an HTTP-date (RFC 9110 section 10.2.3), in all three date forms.
@Suite("Retry-After")
struct RetryAfterTests {
    /// Wed, 21 Oct 2026 07:28:00 GMT.
    static let instant = Date(timeIntervalSince1970: 1_792_567_680)

    private func response(_ value: String) -> HTTPResponse {
        HTTPResponse(statusCode: 503, headers: [("Retry-After", value)], body: [], effectiveURL: "http://example.test/")
    }

    @Test(
        "An HTTP-date is measured from now",
        arguments: [
            "Wed, 21 Oct 2026 07:28:00 GMT",  // IMF-fixdate
            "Wednesday, 21-Oct-26 07:28:00 GMT",  // RFC 850
            "Wed Oct 21 07:28:00 2026",  // asctime
            " Wed, 21 Oct 2026 07:28:00 GMT ",
        ])
    func date(value: String) {
        let now = Self.instant.addingTimeInterval(-90)
        #expect(response(value).retryAfter(now: now) == .seconds(90))
        // retryAfterSeconds keeps meaning "given as a number of seconds".
        #expect(response(value).retryAfterSeconds == nil)
    }

    @Test("asctime pads a one-digit day with a space")
    func asctimePadding() {
        let now = Date(timeIntervalSince1970: 784_111_777 - 10)  // Sun, 06 Nov 1994 08:49:37 GMT minus 10 s
        #expect(response("Sun Nov  6 08:49:37 1994").retryAfter(now: now) == .seconds(10))
        #expect(response("Sun, 06 Nov 1994 08:49:37 GMT").retryAfter(now: now) == .seconds(10))
    }

    @Test("A date in the past and a negative number are zero")
    func past() {
        let later = Self.instant.addingTimeInterval(3_600)
        #expect(response("Wed, 21 Oct 2026 07:28:00 GMT").retryAfter(now: later) == .zero)
        #expect(response("-5").retryAfter(now: Self.instant) == .zero)
    }

    @Test("Seconds are seconds, absurd values are returned for the caller to cap")
    func seconds() {
        #expect(response("120").retryAfter(now: Self.instant) == .seconds(120))
        #expect(response("120").retryAfterSeconds == 120)
        #expect(response("31536000000").retryAfter(now: Self.instant) == .seconds(31_536_000_000))
        #expect(response("99999999999999999999999999").retryAfter(now: Self.instant) == .seconds(Int64.max))
        #expect(response("Fri, 31 Dec 9999 23:59:59 GMT").retryAfter(now: Self.instant)! > .seconds(200_000_000_000))
    }

    @Test(
        "Anything else is no answer",
        arguments: [
            "soon", "", "1.5", "12 s", "Wed, 21 Oct 2026 07:28:00 PST", "Wed, 30 Feb 2026 07:28:00 GMT",
            "Wed, 21 Oct 2026 24:00:00 GMT", "Wed, 21 Foo 2026 07:28:00 GMT", "Wed, 21 Oct 26 07:28:00 GMT",
            "Wed, +1 Oct 2026 07:28:00 GMT",
        ])
    func garbage(value: String) {
        #expect(response(value).retryAfter(now: Self.instant) == nil)
    }

    @Test("No header, no answer")
    func missing() {
        let response = HTTPResponse(statusCode: 503, headers: [], body: [], effectiveURL: "http://example.test/")
        #expect(response.retryAfter(now: Self.instant) == nil)
    }

    @Test("A date sent by a server is read from the response")
    func overHTTP() async throws {
        let server = try ScriptedServer { _, _ in
            .http(503, headers: [("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")], body: "busy")
        }
        let client = try HTTPClient(logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        defer {
            client.shutdown()
            server.stop()
        }
        let response = try await client.execute(HTTPRequest(url: server.baseURL + "/"))
        #expect(response.retryAfter(now: Self.instant.addingTimeInterval(-30)) == .seconds(30))
    }
}
