import CarrierSimulator
import Testing

/// The special numbers' faults, as a client sees them on the wire.
@Suite(.timeLimit(.minutes(1)))
struct FaultTests {
    @Test func statusFaultSendsTheStatusAndRetryAfter() async throws {
        let fixtures = try TemporaryFixtures()
        let response = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget("STATUS503")))
            }
        }
        #expect(response.statusCode == 503)
        #expect(response.header("Retry-After") == "120")
        #expect(!response.body.isEmpty)
    }

    @Test func statusFaultCanServeAFixtureAsItsBody() async throws {
        let fixtures = try TemporaryFixtures()
        let response = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget("STATUSPAGE")))
            }
        }
        #expect(response.statusCode == 503)
        #expect(response.header("Retry-After") == nil)
        #expect(response.text == TestPages.maintenance)
    }

    @Test func emptyFaultSends200WithNoBodyAndKeepsTheConnection() async throws {
        let fixtures = try TemporaryFixtures()
        let (empty, next) = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.send(RawHTTPConnection.get(uspsTarget("EMPTY1")))
                let empty = try connection.readResponse()
                try connection.send(RawHTTPConnection.get(uspsTarget("9400111899223197428490")))
                return (empty, try connection.readResponse())
            }
        }
        #expect(empty.statusCode == 200)
        #expect(empty.contentLength == 0)
        #expect(empty.body.isEmpty)
        #expect(next.text == TestPages.delivered)
    }

    @Test func truncatedFaultSendsFewerBytesThanContentLengthThenCloses() async throws {
        let fixtures = try TemporaryFixtures()
        let (response, ending) = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.send(RawHTTPConnection.get(uspsTarget("TRUNCATED1")))
                return try connection.readHeadThenUntilEnd()
            }
        }
        let declared = try #require(response.contentLength)
        #expect(response.statusCode == 200)
        #expect(response.body.count < declared)
        #expect(ending == .endOfStream)
        // The bytes that did arrive are the start of the page the number would otherwise get.
        #expect(TestPages.uspsNotFound.utf8.starts(with: response.body))
    }

    @Test func garbageFaultSendsTheSameBinaryJunkEveryTime() async throws {
        let fixtures = try TemporaryFixtures()
        let (first, second) = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                let request = RawHTTPConnection.get(uspsTarget("GARBAGE1"))
                return (
                    try RawHTTPConnection.exchange(port: port, request),
                    try RawHTTPConnection.exchange(port: port, request)
                )
            }
        }
        #expect(first.statusCode == 200)
        #expect(first.body.count == 512)
        #expect(String(validating: first.body, as: UTF8.self) == nil)
        #expect(first.body == second.body)
    }

    @Test func timeoutFaultSendsNothingAndKeepsTheConnectionOpen() async throws {
        let fixtures = try TemporaryFixtures()
        let outcome = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.send(RawHTTPConnection.get(uspsTarget("TIMEOUT1")))
                return try connection.receive(timeout: .milliseconds(300))
            }
        }
        #expect(outcome == .timedOut)
    }

    @Test func stoppingTheSimulatorClosesASilentConnection() async throws {
        let fixtures = try TemporaryFixtures()
        let simulator = try CarrierSimulator(fixtures: fixtures.directory, options: .init(eventLoopThreads: 1), logger: .quiet)
        let port = try await simulator.start()
        let connection = try await onBlockingThread { () -> SendableBox<RawHTTPConnection> in
            let connection = try RawHTTPConnection(port: port)
            try connection.send(RawHTTPConnection.get(uspsTarget("TIMEOUT1")))
            // Make sure the request has been read and is being "answered" with silence.
            _ = try connection.receive(timeout: .milliseconds(100))
            return SendableBox(connection)
        }
        try await simulator.stop()
        let ending = try await onBlockingThread { try connection.value.readUntilEnd(timeout: .seconds(5)).ending }
        #expect(ending.connectionEnded)
    }

    @Test func resetFaultAbortsTheConnection() async throws {
        let fixtures = try TemporaryFixtures()
        let (bytes, ending) = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.send(RawHTTPConnection.get(uspsTarget("RESET1")))
                return try connection.readUntilEnd()
            }
        }
        #expect(bytes.isEmpty)
        // Linux reports the RST as ECONNRESET; an EOF is accepted too, as the brief allows either.
        #expect(ending.connectionEnded)
    }

    @Test func oversizedFaultStreamsExactlyTheDeclaredBytes() async throws {
        let fixtures = try TemporaryFixtures()
        let response = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget("OVERSIZED1")))
            }
        }
        #expect(response.statusCode == 200)
        #expect(response.contentLength == 6_000_000)
        #expect(response.body.count == 6_000_000)
    }

    @Test func gzipFaultWrapsThePageInGzip() async throws {
        let fixtures = try TemporaryFixtures()
        let response = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget("GZIP1")))
            }
        }
        #expect(response.statusCode == 200)
        #expect(response.header("Content-Encoding") == "gzip")
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        #expect(try StoredGzipDecoder.decode(response.body) == Array(TestPages.alias.utf8))
    }

    @Test func gzipFaultPrefersAPrecompressedFile() async throws {
        let fixtures = try TemporaryFixtures()
        let response = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget("GZIPPRE")))
            }
        }
        #expect(response.header("Content-Encoding") == "gzip")
        #expect(response.body == TestPages.precompressed)
    }
}
