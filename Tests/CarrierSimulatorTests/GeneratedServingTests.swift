import CarrierSimulator
import Testing

/// Generated pages over the network: precedence (special number, fixture, generated page, unknown-number page), the
/// second leg of an ePacket on the USPS route, and generation staying off by default.
@Suite(.timeLimit(.minutes(1)))
struct GeneratedServingTests {
    static let day = CalendarDay(year: 2026, month: 11, day: 20)!
    static let epacketPath = "/zdxt/yjcx/mailQuery"

    /// USPS and ePacket as the repository routes them; one valid USPS number has a fixture, another is special.
    static func fixtures(fixtureNumber: String, specialNumber: String) throws -> TemporaryFixtures {
        try TemporaryFixtures(
            routingFile: """
                {
                  "carriers": [
                    { "id": "usps", "path": "/go/TrackConfirmAction", "number_parameter": "tLabels", "method": "GET",
                      "content_type": "text/html; charset=utf-8", "directory": "usps", "extension": "html",
                      "unknown_number_file": "not-found.html" },
                    { "id": "epacket", "path": "\(Self.epacketPath)", "number_parameter": "mailNo", "method": "GET",
                      "content_type": "text/html", "directory": "epacket", "extension": "html",
                      "unknown_number_file": "not-found.html" }
                  ],
                  "special_numbers": { "\(specialNumber)": { "fault": "status", "status": 503, "retry_after": 30 } }
                }
                """,
            files: [
                "usps/\(fixtureNumber).html": Array(TestPages.delivered.utf8),
                "usps/not-found.html": Array(TestPages.uspsNotFound.utf8),
                "epacket/not-found.html": Array("<html>not found</html>".utf8),
            ]
        )
    }

    @Test func precedenceIsSpecialThenFixtureThenGeneratedThenUnknown() async throws {
        let numbers = CarrierSimulator.sampleTrackingNumbers(carrier: "usps", count: 3, seed: 21)
        let fixtures = try Self.fixtures(fixtureNumber: numbers[0], specialNumber: numbers[1])
        let options = CarrierSimulator.Options(
            eventLoopThreads: 1, generatedPages: CarrierSimulator.GeneratedPagesOptions(simulatedDate: Self.day))
        let (responses, statistics) = try await withSimulator(fixtures, options: options) { simulator, port in
            let responses = try await onBlockingThread {
                try [numbers[0], numbers[1], numbers[2], "9400111899223100012347"].map { number in
                    try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget(number)))
                }
            }
            return (responses, simulator.statistics)
        }
        #expect(responses[0].text == TestPages.delivered)
        #expect(responses[1].statusCode == 503)
        #expect(responses[1].header("Retry-After") == "30")
        let generated = try #require(CarrierSimulator.generatedPage(carrier: "usps", number: numbers[2], simulatedDate: Self.day))
        #expect(responses[2].statusCode == 200)
        #expect(responses[2].body == generated.bytes)
        // A bad check digit gets no generated page.
        #expect(responses[3].text == TestPages.uspsNotFound)
        #expect(statistics.pagesGenerated == 1)
    }

    @Test func theUSPSRouteServesTheSecondLegOfAnEPacketToTheUS() async throws {
        let all = CarrierSimulator.sampleTrackingNumbers(carrier: "epacket", count: 200, seed: 22)
        let toUS = try #require(all.first { CarrierSimulator.generatedParcel(carrier: "usps", number: $0, simulatedDate: Self.day) != nil })
        let elsewhere = try #require(all.first { CarrierSimulator.generatedParcel(carrier: "usps", number: $0, simulatedDate: Self.day) == nil })
        let fixtures = try Self.fixtures(fixtureNumber: "9400111899223100012348", specialNumber: "EE999009020CN")
        let options = CarrierSimulator.Options(
            eventLoopThreads: 1, generatedPages: CarrierSimulator.GeneratedPagesOptions(simulatedDate: Self.day))
        let responses = try await withSimulator(fixtures, options: options) { _, port in
            try await onBlockingThread {
                [
                    try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget(toUS))),
                    try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget(elsewhere))),
                    try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get("\(Self.epacketPath)?mailNo=\(toUS)")),
                ]
            }
        }
        #expect(responses[0].body == CarrierSimulator.generatedPage(carrier: "usps", number: toUS, simulatedDate: Self.day)?.bytes)
        #expect(responses[1].text == TestPages.uspsNotFound)
        #expect(responses[2].header("Content-Type") == "text/html")
        #expect(responses[2].body == CarrierSimulator.generatedPage(carrier: "epacket", number: toUS, simulatedDate: Self.day)?.bytes)
    }

    @Test func generationIsOffByDefault() async throws {
        let number = CarrierSimulator.sampleTrackingNumbers(carrier: "usps", count: 1, seed: 23)[0]
        let fixtures = try Self.fixtures(fixtureNumber: "9400111899223100012348", specialNumber: "EE999009020CN")
        let response = try await withSimulator(fixtures) { _, port in
            try await onBlockingThread {
                try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget(number)))
            }
        }
        #expect(response.text == TestPages.uspsNotFound)
    }
}
