import CarrierSimulator
import Testing

/// Persistent connections: the counters show whether connections are reused.
@Suite(.timeLimit(.minutes(1)))
struct KeepAliveTests {
    @Test func twoRequestsOnOneConnectionCountOneConnection() async throws {
        let fixtures = try TemporaryFixtures()
        let (first, second, statistics) = try await withSimulator(fixtures) { simulator, port in
            let (first, second) = try await onBlockingThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.send(RawHTTPConnection.get(uspsTarget("9400111899223197428490")))
                let first = try connection.readResponse()
                try connection.send(RawHTTPConnection.get(uspsTarget("UNKNOWN1")))
                return (first, try connection.readResponse())
            }
            return (first, second, simulator.statistics)
        }
        #expect(first.header("Connection") == "keep-alive")
        #expect(first.text == TestPages.delivered)
        #expect(second.text == TestPages.uspsNotFound)
        #expect(statistics == CarrierSimulator.Statistics(connectionsAccepted: 1, requestsServed: 2))
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        let fixtures = try TemporaryFixtures()
        // A slow fixture read first, then fast in-memory answers: order must still hold.
        let targets = [uspsTarget("9400111899223197428490"), uspsTarget("STATUS503"), uspsTarget("EMPTY1"), uspsTarget("Alias1")]
        let (responses, statistics) = try await withSimulator(fixtures) { simulator, port in
            let responses = try await onBlockingThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.send(targets.map { RawHTTPConnection.get($0) }.joined())
                return try targets.map { _ in try connection.readResponse() }
            }
            return (responses, simulator.statistics)
        }
        #expect(responses.map(\.statusCode) == [200, 503, 200, 200])
        #expect(responses[0].text == TestPages.delivered)
        #expect(responses[2].body.isEmpty)
        #expect(responses[3].text == TestPages.alias)
        #expect(statistics == CarrierSimulator.Statistics(connectionsAccepted: 1, requestsServed: 4))
    }

    @Test func pipelinedRequestsWaitOutTheLatencyOneByOne() async throws {
        let fixtures = try TemporaryFixtures()
        let options = CarrierSimulator.Options(latency: .milliseconds(50), eventLoopThreads: 1)
        let responses = try await withSimulator(fixtures, options: options) { _, port in
            try await onBlockingThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.send(RawHTTPConnection.get(uspsTarget("Alias1")) + RawHTTPConnection.get(uspsTarget("1")))
                return [try connection.readResponse(), try connection.readResponse()]
            }
        }
        #expect(responses.map(\.text) == [TestPages.alias, TestPages.uspsNotFound])
    }

    @Test func connectionCloseIsHonoured() async throws {
        let fixtures = try TemporaryFixtures()
        let (response, ending) = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.send(RawHTTPConnection.get(uspsTarget("9400111899223197428490"), headers: ["Connection: close"]))
                let response = try connection.readResponse()
                return (response, try connection.readUntilEnd().ending)
            }
        }
        #expect(response.header("Connection") == "close")
        #expect(response.text == TestPages.delivered)
        #expect(ending == .endOfStream)
    }

    @Test func http10WithoutKeepAliveIsClosedAfterTheResponse() async throws {
        let fixtures = try TemporaryFixtures()
        let (response, ending) = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.send(RawHTTPConnection.get(uspsTarget("9400111899223197428490"), version: "HTTP/1.0"))
                let response = try connection.readResponse()
                return (response, try connection.readUntilEnd().ending)
            }
        }
        #expect(response.text == TestPages.delivered)
        #expect(ending == .endOfStream)
    }

    @Test func separateConnectionsAreCountedSeparately() async throws {
        let fixtures = try TemporaryFixtures()
        let statistics = try await withSimulator(fixtures) { simulator, port in
            for _ in 0..<3 {
                _ = try await onBlockingThread {
                    try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget("1"), headers: ["Connection: close"]))
                }
            }
            return simulator.statistics
        }
        #expect(statistics == CarrierSimulator.Statistics(connectionsAccepted: 3, requestsServed: 3))
    }
}
