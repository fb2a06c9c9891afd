import CarrierSimulator
import Testing

/// The simulator serving fixture pages: known numbers, unknown numbers, bad numbers, wrong paths and methods.
@Suite(.timeLimit(.minutes(1)))
struct ServingTests {
    @Test func servesTheFixtureForAKnownNumberWithTheCarriersContentType() async throws {
        let fixtures = try TemporaryFixtures()
        let response = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget("9400111899223197428490")))
            }
        }
        #expect(response.statusCode == 200)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        #expect(response.text == TestPages.delivered)
    }

    @Test func normalisesTheNumberBeforeLookingItUp() async throws {
        let fixtures = try TemporaryFixtures()
        let response = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                // " ee123456789cn " percent-encoded: trimmed and upper-cased to EE123456789CN.
                try RawHTTPConnection.exchange(
                    port: port,
                    RawHTTPConnection.post(TestRoutingFile.emsPath, form: "other=1&mailNum=+ee123456789cn%20")
                )
            }
        }
        #expect(response.statusCode == 200)
        #expect(response.header("Content-Type") == "application/xml; charset=utf-8")
        #expect(response.text == TestPages.emsEvents)
    }

    @Test func servesTheUnknownNumberPageWithStatus200ForAnUnknownNumber() async throws {
        let fixtures = try TemporaryFixtures()
        let response = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget("9400000000000000000000")))
            }
        }
        #expect(response.statusCode == 200)
        #expect(response.text == TestPages.uspsNotFound)
    }

    @Test(
        "A request without a valid number gets the unknown-number page, and nothing outside the carrier's folder",
        arguments: [
            "../etc/passwd", "..%2Fpasswd", "%2E%2E%2Fpasswd", "passwd%00", "/passwd", "ABC.html", "",
            String(repeating: "9", count: 41), "%ZZ", "%C3%9F",
        ]
    )
    func servesTheUnknownNumberPageForInvalidNumbers(number: String) async throws {
        let fixtures = try TemporaryFixtures()
        let response = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget(number)))
            }
        }
        #expect(response.statusCode == 200)
        #expect(response.text == TestPages.uspsNotFound)
    }

    @Test func servesTheUnknownNumberPageWhenTheParameterIsMissing() async throws {
        let fixtures = try TemporaryFixtures()
        let response = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get("\(TestRoutingFile.uspsPath)?other=1"))
            }
        }
        #expect(response.statusCode == 200)
        #expect(response.text == TestPages.uspsNotFound)
    }

    @Test func readsTheNumberFromTheQueryStringOfAPostCarrier() async throws {
        let fixtures = try TemporaryFixtures()
        let response = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                try RawHTTPConnection.exchange(
                    port: port,
                    RawHTTPConnection.post("\(TestRoutingFile.emsPath)?mailNum=EE123456789CN", form: "")
                )
            }
        }
        #expect(response.text == TestPages.emsEvents)
    }

    @Test func answersAnUnknownPathWith404() async throws {
        let fixtures = try TemporaryFixtures()
        let response = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get("/no/such/page?tLabels=9400111899223197428490"))
            }
        }
        #expect(response.statusCode == 404)
    }

    @Test func answersTheWrongMethodWith405AndTheAllowedOne() async throws {
        let fixtures = try TemporaryFixtures()
        let response = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get("\(TestRoutingFile.emsPath)?mailNum=EE123456789CN"))
            }
        }
        #expect(response.statusCode == 405)
        #expect(response.header("Allow") == "POST")
    }

    @Test func servesTheFileASpecialNumberNames() async throws {
        let fixtures = try TemporaryFixtures()
        let response = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget("Alias1")))
            }
        }
        #expect(response.statusCode == 200)
        #expect(response.text == TestPages.alias)
    }

    @Test func answers500WhenNoFixtureExistsAtAll() async throws {
        let fixtures = try TemporaryFixtures(files: [:])
        let response = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget("9400111899223197428490")))
            }
        }
        #expect(response.statusCode == 500)
        #expect(response.text.contains("usps/not-found.html"))
    }

    @Test func addsLatencyBeforeEachResponse() async throws {
        let fixtures = try TemporaryFixtures()
        let options = CarrierSimulator.Options(latency: .milliseconds(250), eventLoopThreads: 1)
        let elapsed = try await withSimulator(fixtures, options: options) { _, port in
            try await onBlockingThread {
                let started = ContinuousClock.now
                _ = try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget("1")))
                return ContinuousClock.now - started
            }
        }
        #expect(elapsed >= .milliseconds(250))
    }

    @Test func answersAMalformedRequestWith400AndKeepsServing() async throws {
        let fixtures = try TemporaryFixtures()
        let (malformed, ending, next, statistics) = try await withSimulator(fixtures) { simulator, port in
            let (malformed, ending) = try await onBlockingThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.send("THIS IS NOT HTTP\r\n\r\n")
                return try connection.readHeadThenUntilEnd()
            }
            let next = try await onBlockingThread {
                try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget("9400111899223197428490")))
            }
            return (malformed, ending, next, simulator.statistics)
        }
        #expect(malformed.statusCode == 400)
        #expect(ending.connectionEnded)
        #expect(next.statusCode == 200)
        #expect(statistics.requestsServed == 1)
    }

    @Test func answersAnOverlongBodyWith413AndCloses() async throws {
        let fixtures = try TemporaryFixtures()
        let (response, ending) = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                let connection = try RawHTTPConnection(port: port)
                let body = "mailNum=EE123456789CN&padding=" + String(repeating: "x", count: 100_000)
                try connection.send(RawHTTPConnection.post(TestRoutingFile.emsPath, form: body))
                return try connection.readHeadThenUntilEnd()
            }
        }
        #expect(response.statusCode == 413)
        #expect(ending.connectionEnded)
    }

    @Test func answersExpectContinueBeforeTheBody() async throws {
        let fixtures = try TemporaryFixtures()
        let (interim, response) = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                let connection = try RawHTTPConnection(port: port)
                let body = "mailNum=EE123456789CN"
                try connection.send(
                    [
                        "POST \(TestRoutingFile.emsPath) HTTP/1.1", "Host: 127.0.0.1",
                        "Content-Type: application/x-www-form-urlencoded", "Content-Length: \(body.utf8.count)",
                        "Expect: 100-continue",
                    ].joined(separator: "\r\n") + "\r\n\r\n"
                )
                let interim = try connection.receive(timeout: .seconds(5))
                try connection.send(body)
                return (interim, try connection.readResponse())
            }
        }
        guard case .data(let bytes) = interim else {
            Issue.record("expected 100 Continue, got \(interim)")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("HTTP/1.1 100 Continue\r\n"))
        #expect(response.text == TestPages.emsEvents)
    }

    @Test func answersHeadWithoutABodySoTheConnectionStaysUsable() async throws {
        let fixtures = try TemporaryFixtures()
        let (head, next) = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.send("HEAD \(uspsTarget("1")) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                try connection.send(RawHTTPConnection.get(uspsTarget("9400111899223197428490")))
                let head = try connection.readHeadOnly()
                return (head, try connection.readResponse())
            }
        }
        #expect(head.statusCode == 405)
        #expect(next.text == TestPages.delivered)
    }
}
