import CarrierSimulator
import Foundation
import Logging
import ShipTrackHTTP
import Testing

/// Which redirects the client follows: its own origin or hosts the request allows, same scheme, at most five hops.
/// Anything else comes back as the 3xx itself, so the caller can tell "sent to a landing page" from a failure.
@Suite("HTTP redirects", .serialized)
struct RedirectTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// A server that redirects `/start` (and its POST variants) as `redirect` says and answers everything else
    /// with `200 <method> <target> <body>`.
    private func withServer(
        redirect: @escaping @Sendable (ScriptedServer.Request, _ port: Int) -> ScriptedServer.Reply?,
        _ body: (HTTPClient, ScriptedServer) async throws -> Void
    ) async throws {
        let server = try ScriptedServer { request, port in
            if let reply = redirect(request, port) { return reply }
            let text = "\(request.method) \(request.target) \(String(decoding: request.body, as: UTF8.self))"
            return .http(200, body: text)
        }
        let client = try HTTPClient(logger: logger)
        defer {
            client.shutdown()
            server.stop()
        }
        try await body(client, server)
    }

    @Test("A redirect within the origin is followed, on the same connection")
    func sameOrigin() async throws {
        try await withServer(redirect: { request, _ in
            request.target == "/start" ? .http(302, headers: [("Location", "/final")], body: "moved") : nil
        }) { client, server in
            let response = try await client.execute(HTTPRequest(url: server.baseURL + "/start"))
            #expect(response.statusCode == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "GET /final ")
            #expect(response.effectiveURL == server.baseURL + "/final")
            #expect(response.refusedRedirect == nil)
            #expect(response.redirectsFollowed == 1)
            #expect(client.statistics.transfersStarted == 2)
            #expect(client.statistics.transfersCompleted == 2)
            #expect(client.statistics.connectionsOpened == 1)
            #expect(server.connectionsAccepted == 1)
        }
    }

    @Test("A redirect to another port is returned as the 3xx, not followed")
    func otherPort() async throws {
        let fixture = try await SimulatorFixture()
        let target = fixture.url(.page)
        try await withServer(redirect: { request, _ in
            .http(302, headers: [("Location", target)], body: "moved to the landing page")
        }) { client, server in
            let response = try await client.execute(HTTPRequest(url: server.baseURL + "/start"))
            #expect(response.statusCode == 302)
            #expect(String(decoding: response.body, as: UTF8.self) == "moved to the landing page")
            #expect(response.header("Location") == target)
            #expect(response.refusedRedirect == target)
            #expect(response.redirectsFollowed == 0)
            #expect(response.effectiveURL == server.baseURL + "/start")
            #expect(client.statistics.transfersStarted == 1)
        }
        #expect(fixture.simulator.statistics.requestsServed == 0)
        try await fixture.stop()
    }

    @Test("A redirect to another host is refused unless the request allows that host")
    func otherHost() async throws {
        try await withServer(redirect: { request, port in
            request.target == "/start" ? .http(302, headers: [("Location", "http://localhost:\(port)/final")]) : nil
        }) { client, server in
            let refused = try await client.execute(HTTPRequest(url: server.baseURL + "/start"))
            #expect(refused.statusCode == 302)
            #expect(refused.refusedRedirect == "http://localhost:\(server.port)/final")
            #expect(server.requests.count == 1)

            let allowed = try await client.execute(
                HTTPRequest(url: server.baseURL + "/start", allowedRedirectHosts: ["LOCALHOST"]))
            #expect(allowed.statusCode == 200)
            #expect(allowed.refusedRedirect == nil)
            #expect(allowed.effectiveURL == "http://localhost:\(server.port)/final")
            #expect(server.requests.last?.header("Host") == "localhost:\(server.port)")
        }
    }

    @Test("Headers carrying a secret are not sent to another host, even an allowed one")
    func secretHeadersStayHome() async throws {
        try await withServer(redirect: { request, port in
            request.target == "/start" ? .http(307, headers: [("Location", "http://localhost:\(port)/final")]) : nil
        }) { client, server in
            let request = HTTPRequest(
                url: server.baseURL + "/start", headers: [("X-Api-Key", "key-123456"), ("X-Plain", "kept")],
                allowedRedirectHosts: ["localhost"], redactions: ["key-123456"])
            let response = try await client.execute(request)
            #expect(response.statusCode == 200)
            let requests = server.requests
            try #require(requests.count == 2)
            #expect(requests[0].header("X-Api-Key") == "key-123456")
            #expect(requests[1].header("X-Api-Key") == nil)
            #expect(requests[1].header("X-Plain") == "kept")
        }
    }

    @Test(
        "A redirect to another scheme is never followed, whatever the request allows",
        arguments: [
            "https://127.0.0.1:PORT/final", "file:///etc/passwd", "ftp://127.0.0.1:PORT/x", "javascript:alert(1)",
        ])
    func otherScheme(location: String) async throws {
        try await withServer(redirect: { request, port in
            request.target == "/start"
                ? .http(302, headers: [("Location", location.replacingOccurrences(of: "PORT", with: "\(port)"))])
                : nil
        }) { client, server in
            let expected = location.replacingOccurrences(of: "PORT", with: "\(server.port)")
            let response = try await client.execute(
                HTTPRequest(url: server.baseURL + "/start", allowedRedirectHosts: ["127.0.0.1"]))
            #expect(response.statusCode == 302)
            #expect(response.refusedRedirect == expected)
            #expect(server.requests.count == 1)
        }
    }

    @Test("A redirect loop stops after five hops with the last 3xx")
    func loop() async throws {
        try await withServer(redirect: { _, _ in .http(302, headers: [("Location", "/again")], body: "loop") }) {
            client, server in
            let response = try await client.execute(HTTPRequest(url: server.baseURL + "/start"))
            #expect(response.statusCode == 302)
            #expect(response.redirectsFollowed == 5)
            #expect(response.refusedRedirect == server.baseURL + "/again")
            #expect(String(decoding: response.body, as: UTF8.self) == "loop")
            #expect(server.requests.count == 6)
            #expect(client.statistics.transfersStarted == 6)
        }
    }

    @Test("303 continues a POST as a GET without its body; 307 and 308 repeat the POST", arguments: [303, 307, 308])
    func postRedirects(status: Int) async throws {
        try await withServer(redirect: { request, _ in
            request.target == "/start" ? .http(status, headers: [("Location", "/result")]) : nil
        }) { client, server in
            let response = try await client.execute(
                HTTPRequest(
                    url: server.baseURL + "/start", method: .post,
                    headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array("n=1".utf8)))
            let text = String(decoding: response.body, as: UTF8.self)
            if status == 303 {
                #expect(text == "GET /result ")
                #expect(server.requests.last?.header("Content-Type") == nil)
            } else {
                #expect(text == "POST /result n=1")
                #expect(server.requests.last?.header("Content-Type") == "application/x-www-form-urlencoded")
            }
        }
    }
}
