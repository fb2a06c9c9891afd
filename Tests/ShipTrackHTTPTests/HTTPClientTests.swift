import CarrierSimulator
import Foundation
import Logging
import ShipTrackHTTP
import Testing

/// The libcurl layer against a real HTTP server on 127.0.0.1 (the carrier simulator), never a fake of libcurl.
@Suite("HTTP client over libcurl", .serialized)
struct HTTPClientTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    private func withSetup(
        configure: (inout HTTPClient.Configuration) -> Void = { _ in },
        _ body: (HTTPClient, SimulatorFixture) async throws -> Void
    ) async throws {
        let fixture = try await SimulatorFixture()
        var configuration = HTTPClient.Configuration()
        configure(&configuration)
        let client = try HTTPClient(configuration: configuration, logger: logger)
        do {
            try await body(client, fixture)
        } catch {
            client.shutdown()
            try await fixture.stop()
            throw error
        }
        client.shutdown()
        try await fixture.stop()
    }

    @Test("A page comes back with status, headers and body")
    func fetchesPage() async throws {
        try await withSetup { client, fixture in
            let response = try await client.execute(HTTPRequest(url: fixture.url(.page)))
            #expect(response.statusCode == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == SimulatorFixture.page)
            #expect(response.header("content-type") == "text/html; charset=utf-8")
            #expect(response.charset == "utf-8")
            #expect(response.effectiveURL == fixture.url(.page))
        }
    }

    @Test("Sequential requests reuse one keep-alive connection")
    func keepAlive() async throws {
        try await withSetup { client, fixture in
            for _ in 0..<20 {
                let response = try await client.execute(HTTPRequest(url: fixture.url(.page)))
                #expect(response.statusCode == 200)
            }
            #expect(client.statistics.connectionsOpened == 1)
            #expect(client.statistics.transfersStarted == 20)
            #expect(client.statistics.transfersCompleted == 20)
            #expect(fixture.simulator.statistics.connectionsAccepted == 1)
            #expect(fixture.simulator.statistics.requestsServed == 20)
        }
    }

    @Test("Many concurrent transfers run on one multi handle within the per-host connection limit")
    func concurrency() async throws {
        try await withSetup(configure: { $0.maxConnectionsPerHost = 8 }) { client, fixture in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<200 {
                    group.addTask { try await client.execute(HTTPRequest(url: fixture.url(.page))).statusCode }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == 200)
            #expect(statuses.allSatisfy { $0 == 200 })
            #expect(client.statistics.connectionsOpened <= 8)
            #expect(fixture.simulator.statistics.connectionsAccepted <= 8)
        }
    }

    @Test("An error status is a response, with Retry-After readable")
    func errorStatus() async throws {
        try await withSetup { client, fixture in
            let response = try await client.execute(HTTPRequest(url: fixture.url(.status503)))
            #expect(response.statusCode == 503)
            #expect(response.retryAfterSeconds == 30)
            let other = try await client.execute(HTTPRequest(url: fixture.url(.status500)))
            #expect(other.statusCode == 500)
            #expect(other.retryAfterSeconds == nil)
        }
    }

    @Test("An empty body is an empty response, not an error")
    func emptyBody() async throws {
        try await withSetup { client, fixture in
            let response = try await client.execute(HTTPRequest(url: fixture.url(.empty)))
            #expect(response.statusCode == 200)
            #expect(response.body.isEmpty)
        }
    }

    @Test("A body cut short is a truncation error")
    func truncated() async throws {
        try await withSetup { client, fixture in
            let error = try await #require(throws: HTTPClientError.self) {
                try await client.execute(HTTPRequest(url: fixture.url(.truncated)))
            }
            #expect(error.isTruncated)
            #expect(error.isTransient)
            #expect(error.curlCode == 18)
            #expect(error.description.contains(fixture.url(.truncated)))
        }
    }

    @Test("A reset connection is a reset error")
    func reset() async throws {
        try await withSetup { client, fixture in
            let error = try await #require(throws: HTTPClientError.self) {
                try await client.execute(HTTPRequest(url: fixture.url(.reset)))
            }
            #expect(error.isConnectionReset)
            #expect(error.isTransient)
        }
    }

    @Test("A silent server hits the total timeout")
    func timeout() async throws {
        try await withSetup(configure: { $0.totalTimeout = .milliseconds(300) }) { client, fixture in
            let started = ContinuousClock.now
            let error = try await #require(throws: HTTPClientError.self) {
                try await client.execute(HTTPRequest(url: fixture.url(.timeout)))
            }
            #expect(error.isTimeout)
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    @Test("A body over the cap stops the transfer with a clear error")
    func bodyTooLarge() async throws {
        try await withSetup(configure: { $0.maxBodyBytes = 1 << 20 }) { client, fixture in
            let error = try await #require(throws: HTTPClientError.self) {
                try await client.execute(HTTPRequest(url: fixture.url(.oversized)))
            }
            #expect(error.isBodyTooLarge)
            #expect(!error.isTransient)
            // The client stays usable after an aborted transfer.
            #expect(try await client.execute(HTTPRequest(url: fixture.url(.page))).statusCode == 200)
        }
    }

    /// Found by the torture run: with one client-wide cap (the largest any source allows), a night of oversized pages
    /// read 16 MiB per transfer before the page source's 4 MiB limit refused them.
    @Test("A request's own smaller cap stops its transfer; it never raises the client's")
    func requestCap() async throws {
        try await withSetup(configure: { $0.maxBodyBytes = 8 << 20 }) { client, fixture in
            var request = HTTPRequest(url: fixture.url(.oversized))
            request.maxBodyBytes = 1 << 20
            let error = try await #require(throws: HTTPClientError.self) { try await client.execute(request) }
            #expect(error.isBodyTooLarge)
            #expect("\(error)".contains("\(1 << 20)"), "the message names the request's limit: \(error)")
            request.maxBodyBytes = 4 << 20
            #expect(try await client.execute(request).body.count == 3_000_000)
        }
        try await withSetup(configure: { $0.maxBodyBytes = 1 << 20 }) { client, fixture in
            var request = HTTPRequest(url: fixture.url(.oversized))
            request.maxBodyBytes = 64 << 20
            let error = try await #require(throws: HTTPClientError.self) { try await client.execute(request) }
            #expect(error.isBodyTooLarge)
        }
    }

    @Test("gzip bodies are accepted and decoded")
    func gzip() async throws {
        try await withSetup { client, fixture in
            let response = try await client.execute(HTTPRequest(url: fixture.url(.gzip)))
            #expect(response.header("Content-Encoding") == "gzip")
            #expect(String(decoding: response.body, as: UTF8.self) == SimulatorFixture.page)
        }
    }

    @Test("A POST form body reaches the server")
    func postForm() async throws {
        try await withSetup { client, fixture in
            let response = try await client.execute(
                HTTPRequest(
                    url: "\(fixture.baseURL)/form", method: .post,
                    headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array("n=PAGE1".utf8)))
            #expect(response.statusCode == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == SimulatorFixture.page)
        }
    }

    @Test("A closed port is a connect failure")
    func connectionRefused() async throws {
        let fixture = try await SimulatorFixture()
        let url = fixture.url(.page)
        try await fixture.stop()
        let client = try HTTPClient(logger: logger)
        defer { client.shutdown() }
        let error = try await #require(throws: HTTPClientError.self) { try await client.execute(HTTPRequest(url: url)) }
        #expect(error.isConnectFailure)
        #expect(error.description.contains(url))
    }

    @Test("Only http and https URLs are fetched", arguments: ["file:///etc/passwd", "ftp://127.0.0.1/x", "not a url"])
    func otherSchemesRefused(url: String) async throws {
        let client = try HTTPClient(logger: logger)
        defer { client.shutdown() }
        let error = try await #require(throws: HTTPClientError.self) { try await client.execute(HTTPRequest(url: url)) }
        #expect(error.isInvalidURL || error.isConnectFailure)
        #expect(!error.isTransient || error.isConnectFailure)
    }

    @Test("Cancelling the caller removes the transfer at once")
    func cancellation() async throws {
        try await withSetup(configure: { $0.totalTimeout = .seconds(60) }) { client, fixture in
            let url = fixture.url(.timeout)
            let task = Task { try await client.execute(HTTPRequest(url: url)) }
            try await Task.sleep(for: .milliseconds(100))
            let started = ContinuousClock.now
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(ContinuousClock.now - started < .seconds(2))
        }
    }

    @Test("After shutdown requests fail with a shut-down error")
    func shutdown() async throws {
        let client = try HTTPClient(logger: logger)
        client.shutdown()
        try await Task.sleep(for: .milliseconds(50))
        let error = try await #require(throws: HTTPClientError.self) {
            try await client.execute(HTTPRequest(url: "http://127.0.0.1:9/"))
        }
        #expect(error.isShutDown)
    }
}
