import CarrierSimulator
import Foundation
import ShipTrackTestSupport
import Testing

/// The simulated USPS API: tokens (issue, scope, expiry, refusal), Tracking 3.2 batches (200, 207, 400, 35 items),
/// Tracking 3 single lookups, the quota, Mailer ID 403s, faults, and the quirks of real answers.
@Suite(.timeLimit(.minutes(1)))
struct USPSAPITests {
    static let credentials = CarrierSimulator.testCredentials

    /// Generated USPS numbers (inside the test client's Mailer IDs) in `stage`.
    static func uspsNumbers(in stages: Set<GeneratedParcel.Stage>, count: Int, seed: UInt64 = 40) -> [String] {
        CarrierSimulator.sampleTrackingNumbers(carrier: "usps", count: 600, seed: seed)
            .filter { stages.contains(GeneratedParcel(number: $0, simulatedDate: APITest.day)!.stage) }
            .prefix(count).map { $0 }
    }

    // MARK: - Tokens

    @Test func aTokenIsIssuedForFormAndJSONBodiesWithTheRecordedShape() async throws {
        let fixtures = try APITest.fixtures()
        let (form, json, statistics) = try await withSimulator(fixtures, options: APITest.options()) { simulator, port in
            let form = try await APITest.tokenResponse(port: port)
            let json = try await APITest.send(
                port: port,
                APITest.request(
                    "POST", "/oauth2/v3/token", headers: ["Content-Type: application/json"],
                    body: try APITest.text([
                        "grant_type": "client_credentials", "client_id": Self.credentials.uspsClientID,
                        "client_secret": Self.credentials.uspsClientSecret,
                    ])
                )
            )
            return (form, json, simulator.statistics)
        }
        for response in [form, json] {
            #expect(response.statusCode == 200)
            let object = try #require(try APITest.json(response) as? [String: Any])
            #expect(object["token_type"] as? String == "Bearer")
            #expect(object["expires_in"] as? Int == 28_799)
            #expect((object["issued_at"] as? Int).map { $0 > 1_700_000_000_000 } == true, "issued_at is epoch milliseconds")
            #expect(object["status"] as? String == "approved")
            #expect((object["scope"] as? String)?.split(separator: " ").contains("tracking") == true)
            #expect(object["api_products"] as? String == "[Public Access I]")
            #expect((object["access_token"] as? String)?.utf8.count ?? 0 >= 32)
        }
        // Two tokens are two different opaque strings.
        let first = try #require(try APITest.json(form) as? [String: Any])["access_token"] as? String
        let second = try #require(try APITest.json(json) as? [String: Any])["access_token"] as? String
        #expect(first != second)
        #expect(statistics.api.uspsTokensIssued == 2)
        #expect(statistics.api.requests(to: .uspsToken) == 2)
    }

    @Test func aWrongClientOrGrantIsRefusedInOAuthShape() async throws {
        let fixtures = try APITest.fixtures()
        let (wrongSecret, unknown, grant, statistics) = try await withSimulator(fixtures, options: APITest.options()) { simulator, port in
            let wrongSecret = try await APITest.tokenResponse(port: port, secret: "not-the-secret")
            let unknown = try await APITest.tokenResponse(port: port, clientID: "someone-else")
            let grant = try await APITest.send(
                port: port,
                APITest.request(
                    "POST", "/oauth2/v3/token", headers: ["Content-Type: application/x-www-form-urlencoded"],
                    body: "grant_type=password&client_id=\(Self.credentials.uspsClientID)&client_secret=\(Self.credentials.uspsClientSecret)"
                )
            )
            return (wrongSecret, unknown, grant, simulator.statistics)
        }
        for response in [wrongSecret, unknown] {
            #expect(response.statusCode == 401)
            #expect(response.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
            let object = try #require(try APITest.json(response) as? [String: Any])
            #expect(object["error"] as? String == "invalid_client")
            #expect(object["error_description"] is String)
        }
        #expect(grant.statusCode == 400)
        #expect((try APITest.json(grant) as? [String: Any])?["error"] as? String == "unsupported_grant_type")
        #expect(statistics.api.uspsTokensIssued == 0)
    }

    @Test func aTokenWithoutTrackingScopeIsIssuedButTrackingAnswers401() async throws {
        let number = Self.uspsNumbers(in: [.delivered], count: 1)[0]
        let fixtures = try APITest.fixtures()
        let (tokenResponse, narrowed, tracking, trackingWithNarrowed) = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            let tokenResponse = try await APITest.tokenResponse(port: port, clientID: Self.credentials.uspsClientIDWithoutTracking)
            let token = try #require(try APITest.json(tokenResponse) as? [String: Any])["access_token"] as? String
            // The tracking client asking only for "addresses" gets a token narrowed to it, silently.
            let narrowed = try await APITest.tokenResponse(port: port, scope: "addresses")
            let narrowedToken = try #require(try APITest.json(narrowed) as? [String: Any])["access_token"] as? String
            return (
                tokenResponse, narrowed,
                try await APITest.uspsBatch(port: port, token: token, numbers: [number]),
                try await APITest.uspsBatch(port: port, token: narrowedToken, numbers: [number])
            )
        }
        #expect(tokenResponse.statusCode == 200)
        #expect((try APITest.json(tokenResponse) as? [String: Any])?["scope"] as? String == "domestic-prices addresses international-prices service-standards locations shipments")
        #expect((try APITest.json(narrowed) as? [String: Any])?["scope"] as? String == "addresses")
        for response in [tracking, trackingWithNarrowed] {
            #expect(response.statusCode == 401)
            let object = try #require(try APITest.json(response) as? [String: Any])
            #expect(object[path: "error", "message"] as? String == "The client application identifier is invalid.")
            #expect((object[path: "error", "errors"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func aMissingOrUnknownTokenAnswers401AndAnExpiredOneSaysSo() async throws {
        let number = Self.uspsNumbers(in: [.delivered], count: 1)[0]
        let fixtures = try APITest.fixtures()
        let lifetime = Duration.seconds(1)
        let options = APITest.options(usps: .init(tokenLifetime: lifetime, callsPerWindow: nil))
        let (fresh, freshTime, missing, unknown, expired, statistics) = try await withSimulator(fixtures, options: options) { simulator, port in
            let start = ContinuousClock.now
            let token = try await APITest.token(port: port)
            let fresh = try await APITest.uspsBatch(port: port, token: token, numbers: [number])
            let freshTime = ContinuousClock.now - start
            let missing = try await APITest.uspsBatch(port: port, token: nil, numbers: [number])
            let unknown = try await APITest.uspsBatch(port: port, token: String(token.reversed()), numbers: [number])
            try await Task.sleep(for: lifetime + .milliseconds(200))
            let expired = try await APITest.uspsBatch(port: port, token: token, numbers: [number])
            return (fresh, freshTime, missing, unknown, expired, simulator.statistics)
        }
        // Used within its lifetime (always, unless the machine stalled for a second), the token works.
        if freshTime < lifetime {
            #expect(fresh.statusCode == 200)
            #expect(statistics.api.uspsTrackingCalls == 1)
            #expect(statistics.api.uspsUnauthorized == 3)
        }
        for response in [missing, unknown] {
            #expect(response.statusCode == 401)
            #expect(response.header("WWW-Authenticate") == "Bearer realm=\"https://api.usps.com\"")
            #expect((try APITest.json(response) as? [String: Any])?[path: "error", "message"] as? String == "Missing or malformed access token.")
        }
        #expect(expired.statusCode == 401)
        #expect((try APITest.json(expired) as? [String: Any])?[path: "error", "message"] as? String == "Expired access token.")
    }

    // MARK: - Batches

    @Test func aBatchOfFoundNumbersAnswers200WithTheirDetailsInOrder() async throws {
        let numbers = Self.uspsNumbers(in: [.delivered, .sorting, .outForDelivery, .infoReceived], count: 6)
        let fixtures = try APITest.fixtures()
        let (response, statistics) = try await withSimulator(fixtures, options: APITest.options()) { simulator, port in
            let token = try await APITest.token(port: port)
            return (try await APITest.uspsBatch(port: port, token: token, numbers: numbers), simulator.statistics)
        }
        #expect(response.statusCode == 200)
        #expect(response.header("Content-Type") == "application/json")
        let items = try #require(try APITest.json(response) as? [[String: Any]])
        #expect(items.map { $0["trackingNumber"] as? String } == numbers)
        #expect(items.allSatisfy { $0["statusCode"] == nil }, "a 200 answer's items carry no statusCode")
        #expect(statistics.api.uspsTrackingCalls == 1)
        #expect(statistics.api.uspsNumbersRequested == numbers.count)
        #expect(statistics.api.uspsLargestCall == numbers.count)
    }

    @Test func aBatchMixingFoundForbiddenAndUnknownNumbersAnswers207() async throws {
        let found = Self.uspsNumbers(in: [.delivered], count: 1)[0]
        let outside = CarrierSimulator.sampleTrackingNumbers(carrier: "usps", count: 1, seed: 41, outsideUSPSMailerID: true)[0]
        let unknown = Self.uspsNumbers(in: [.notFound], count: 1)[0]
        let fixtures = try APITest.fixtures()
        let response = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            let token = try await APITest.token(port: port)
            return try await APITest.uspsBatch(port: port, token: token, numbers: [found, outside, unknown])
        }
        #expect(response.statusCode == 207)
        let items = try #require(try APITest.json(response) as? [[String: Any]])
        #expect(items.map { $0["statusCode"] as? String } == ["200", "403", "404"])
        #expect(items.map { $0["trackingNumber"] as? String } == [found, outside, unknown])
        #expect(items[0]["trackingEvents"] is [Any])
        #expect((items[1][path: "error", "message"] as? String)?.hasPrefix("The requested MID is not authorized to access /tracking/\(outside).") == true)
        #expect(items[1]["apiVersion"] as? String == "/tracking/v3r2")
        #expect((items[2][path: "error", "message"] as? String)?.hasPrefix("Tracking is not available for this item.") == true)
    }

    @Test func aSingleUnknownNumberAnswersAPlain404AndALabelWithoutScansToo() async throws {
        let unknown = Self.uspsNumbers(in: [.notFound], count: 1)[0]
        // An ePacket to the US that China Post has not yet handed to an airline: USPS has no scan.
        let waiting = try #require(
            CarrierSimulator.sampleTrackingNumbers(carrier: "epacket", count: 2_000, seed: 42).first { number in
                guard let parcel = CarrierSimulator.generatedParcel(carrier: "usps", number: number, simulatedDate: APITest.day) else { return false }
                return [.accepted, .sorting].contains(parcel.stage)
            }
        )
        let fixtures = try APITest.fixtures()
        let (batchUnknown, batchWaiting, singleWaiting) = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            let token = try await APITest.token(port: port)
            return (
                try await APITest.uspsBatch(port: port, token: token, numbers: [unknown]),
                try await APITest.uspsBatch(port: port, token: token, numbers: [waiting]),
                try await APITest.uspsSingle(port: port, token: token, number: waiting)
            )
        }
        for response in [batchUnknown, batchWaiting] {
            #expect(response.statusCode == 404)
            let object = try #require(try APITest.json(response) as? [String: Any])
            #expect(object["apiVersion"] as? String == "/tracking/v3r2")
            #expect(object[path: "error", "code"] as? String == "404")
        }
        // Tracking 3 answers a label without scans 400 "12: A status update is not yet available…", as recorded.
        #expect(singleWaiting.statusCode == 400)
        #expect(((try APITest.json(singleWaiting) as? [String: Any])?[path: "error", "message"] as? String)?.hasPrefix("12: A status update is not yet available") == true)
    }

    @Test func batchesOfMoreThan35OrMalformedBodiesAnswer400() async throws {
        let numbers = Self.uspsNumbers(in: Set(GeneratedParcel.Stage.allCases), count: 36)
        let fixtures = try APITest.fixtures()
        let responses = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            let token = try await APITest.token(port: port)
            return [
                try await APITest.uspsBatch(port: port, token: token, numbers: Array(numbers.prefix(35))),
                try await APITest.uspsBatch(port: port, token: token, numbers: numbers),
                try await APITest.uspsBatch(port: port, token: token, body: "[]"),
                try await APITest.uspsBatch(port: port, token: token, body: #"{"trackingNumber":"\#(numbers[0])"}"#),
                try await APITest.uspsBatch(port: port, token: token, body: #"[{"trackingNumber":"\#(numbers[0])","expand":"DETAIL"}]"#),
                try await APITest.uspsBatch(port: port, token: token, body: #"[{"trackingNumber":12}]"#),
                try await APITest.uspsBatch(port: port, token: token, body: "[{"),
                try await APITest.uspsBatch(port: port, token: token, body: #"[{"trackingNumber":"\#(numbers[0])","destinationZIPCode":"1234"}]"#),
            ]
        }
        #expect([200, 207].contains(responses[0].statusCode), "35 numbers are allowed")
        for (index, response) in responses.dropFirst().enumerated() {
            #expect(response.statusCode == 400, "body \(index + 1)")
            let object = try #require(try APITest.json(response) as? [String: Any])
            #expect(object[path: "error", "code"] as? String == "400")
            #expect(object["apiVersion"] as? String == "/tracking/v3r2")
        }
    }

    // MARK: - Details and quirks

    @Test func detailsCarryTheQuirksOfRealAnswers() async throws {
        let numbers = Self.uspsNumbers(in: [.delivered, .returned, .stalled, .infoReceived], count: 30)
        let fixtures = try APITest.fixtures()
        let response = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            let token = try await APITest.token(port: port)
            return try await APITest.uspsBatch(port: port, token: token, numbers: numbers)
        }
        let items = try #require(try APITest.json(response) as? [[String: Any]])
        #expect(items.count == numbers.count)
        var sawPreShipment = false
        var sawFacility = false
        for item in items {
            let number = item["trackingNumber"] as? String ?? ""
            #expect(item["kahalaIndicator"] as? String == "false", "\(number): booleans are strings")
            #expect((item["mailClass"] as? String)?.contains("<SUP>&#") == true, "\(number): HTML in mailClass")
            #expect(item[path: "servicesEligibility", "RREEnabled"] as? String == "false")
            let events = try #require(item["trackingEvents"] as? [[String: Any]])
            #expect(item["status"] as? String == events.first?["eventType"] as? String, "\(number): status is the newest event")
            let stamps = events.compactMap { $0["eventTimestamp"] as? String }
            #expect(stamps == stamps.sorted(by: >), "\(number): newest first")
            for event in events {
                let stamp = event["eventTimestamp"] as? String ?? ""
                #expect(stamp.utf8.count == 19 && stamp.hasSuffix(":00"), "\(number): local time, no zone, seconds :00: \(stamp)")
                #expect((event["eventCode"] as? String)?.isEmpty == false, "\(number): every event has a code")
                if event["eventCode"] as? String == "GX" {
                    sawPreShipment = true
                    #expect(event["GMTTimestamp"] == nil && event["GMTOffset"] == nil, "\(number): pre-shipment events have no GMT keys")
                } else {
                    #expect((event["GMTOffset"] as? String).map { $0.utf8.count == 6 } == true, "\(number): GMTOffset like -05:00")
                    #expect((event["GMTTimestamp"] as? String)?.hasSuffix("Z") == true)
                }
                if let city = event["eventCity"] as? String, city.hasSuffix("DISTRIBUTION CENTER") {
                    sawFacility = true
                    #expect(event["eventState"] is NSNull && event["eventZIPCode"] is NSNull, "\(number): facility scans have null state and ZIP")
                }
                #expect(event.keys.contains("firm") && event.keys.contains("recipientName"))
            }
        }
        #expect(sawPreShipment)
        #expect(sawFacility)
    }

    @Test func aSingleLookupAnswersTheV3ShapeOfTheSameParcel() async throws {
        let number = Self.uspsNumbers(in: [.delivered], count: 1)[0]
        let fixtures = try APITest.fixtures()
        let (batch, single, summary) = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            let token = try await APITest.token(port: port)
            return (
                try await APITest.uspsBatch(port: port, token: token, numbers: [number]),
                try await APITest.uspsSingle(port: port, token: token, number: number),
                try await APITest.uspsSingle(port: port, token: token, number: number, detail: false)
            )
        }
        let v3r2 = try #require((try APITest.json(batch) as? [[String: Any]])?.first)
        let v3 = try #require(try APITest.json(single) as? [String: Any])
        #expect(single.statusCode == 200)
        #expect(v3["trackingNumber"] as? String == number)
        #expect(v3["destinationZIP"] as? String == v3r2["destinationZIPCode"] as? String)
        #expect(v3["RRAMEnabled"] as? String == "false")
        let v3Events = try #require(v3["trackingEvents"] as? [[String: Any]])
        let v3r2Events = try #require(v3r2["trackingEvents"] as? [[String: Any]])
        #expect(v3Events.map { $0["eventTimestamp"] as? String } == v3r2Events.map { $0["eventTimestamp"] as? String })
        #expect(v3Events.map { $0["eventType"] as? String } == v3r2Events.map { $0["eventType"] as? String })
        #expect(v3Events.allSatisfy { $0["authorizedAgent"] as? String == "false" && $0.keys.contains("additionalProp") })
        let summaries = try #require((try APITest.json(summary) as? [String: Any])?["eventSummaries"] as? [String])
        #expect(summaries.count == v3Events.count)
        #expect(summaries.first?.hasPrefix(v3Events.first?["eventType"] as? String ?? "?") == true)
    }

    @Test func fixtureDetailsAreServedAsTheyAreAndFixtureErrorsKeepTheirStatus() async throws {
        let (delivered, mixed) = try await withSimulator(directory: RepositoryPaths.fixtures, options: APITest.options(generated: false)) { _, port in
            let token = try await APITest.token(port: port)
            return (
                try await APITest.uspsBatch(port: port, token: token, numbers: ["9400100000000000000051"]),
                try await APITest.uspsBatch(port: port, token: token, numbers: ["9400100000000000000051", "9400100000000000000013"])
            )
        }
        let file = try Data(contentsOf: RepositoryPaths.fixtures.appendingPathComponent("usps-api/9400100000000000000051.json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: file) as? NSDictionary)
        #expect(delivered.statusCode == 200)
        #expect((try APITest.json(delivered) as? [NSDictionary])?.first == expected)
        #expect(mixed.statusCode == 207)
        let items = try #require(try APITest.json(mixed) as? [[String: Any]])
        #expect(items.map { $0["statusCode"] as? String } == ["200", "404"])
    }

    // MARK: - Mailer IDs

    @Test func sampleNumbersAreInsideTheTestMailerIDsUnlessAskedAndOutsideOnesAnswer403() async throws {
        let inside = CarrierSimulator.sampleTrackingNumbers(carrier: "usps", count: 20, seed: 43)
        let outside = CarrierSimulator.sampleTrackingNumbers(carrier: "usps", count: 20, seed: 43, outsideUSPSMailerID: true)
        #expect(outside.allSatisfy { $0.hasPrefix("9400180") })
        #expect(!inside.contains { $0.hasPrefix("94001") && Array($0.utf8)[5] == UInt8(ascii: "8") })
        let fixtures = try APITest.fixtures()
        let (insideResponse, outsideResponse, single) = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            let token = try await APITest.token(port: port)
            return (
                try await APITest.uspsBatch(port: port, token: token, numbers: inside),
                try await APITest.uspsBatch(port: port, token: token, numbers: outside),
                try await APITest.uspsSingle(port: port, token: token, number: outside[0])
            )
        }
        let insideItems = try #require(try APITest.json(insideResponse) as? [[String: Any]])
        #expect(!insideItems.contains { $0["statusCode"] as? String == "403" })
        let outsideItems = try #require(try APITest.json(outsideResponse) as? [[String: Any]])
        #expect(outsideResponse.statusCode == 207)
        #expect(outsideItems.allSatisfy { $0["statusCode"] as? String == "403" })
        #expect(single.statusCode == 403)
    }

    // MARK: - Quota and faults

    @Test func theQuotaRefusesCallsPastItWithRetryAfterUntilTheWindowRollsOn() async throws {
        let number = Self.uspsNumbers(in: [.delivered], count: 1)[0]
        let fixtures = try APITest.fixtures()
        let window = Duration.seconds(3)
        let options = APITest.options(usps: .init(callsPerWindow: 3, quotaWindow: window))
        let (responses, burstTime, later, otherClient, statistics) = try await withSimulator(fixtures, options: options) { simulator, port in
            let token = try await APITest.token(port: port)
            var responses: [RawHTTPResponse] = []
            let start = ContinuousClock.now
            for _ in 0..<5 {
                responses.append(try await APITest.uspsBatch(port: port, token: token, numbers: [number]))
            }
            let burstTime = ContinuousClock.now - start
            // The other client's quota is its own (its token lacks tracking, so 401, never 429).
            let other = try await APITest.token(port: port, clientID: Self.credentials.uspsClientIDWithoutTracking)
            let otherClient = try await APITest.uspsBatch(port: port, token: other, numbers: [number])
            try await Task.sleep(for: window + .milliseconds(200))
            let later = try await APITest.uspsBatch(port: port, token: token, numbers: [number])
            return (responses, burstTime, later, otherClient, simulator.statistics)
        }
        #expect(responses.prefix(3).allSatisfy { $0.statusCode == 200 })
        // Within one window (always, unless the machine stalled for seconds) the fourth and fifth calls are refused.
        if burstTime < window {
            #expect(responses.map(\.statusCode) == [200, 200, 200, 429, 429])
            let retryAfter = try #require(responses[3].header("Retry-After").flatMap(Int.init))
            #expect((1...3).contains(retryAfter))
            #expect(((try APITest.json(responses[3]) as? [String: Any])?[path: "error", "message"] as? String)?.hasPrefix("Exceeded quota limit.") == true)
        }
        let refused = responses.count { $0.statusCode == 429 }
        #expect(statistics.api.uspsQuotaExceeded == refused)
        #expect(statistics.api.uspsTrackingCalls == 6 - refused)
        #expect(otherClient.statusCode == 401)
        #expect(later.statusCode == 200, "the window rolled on")
    }

    @Test func aSpecialNumberMakesTheWholeCallFailWithRetryAfter() async throws {
        let number = Self.uspsNumbers(in: [.delivered], count: 1)[0]
        let fixtures = try APITest.fixtures(specials: #""9400100000000000009023": {"fault": "status", "status": 503, "retry_after": 30}"#)
        let response = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            let token = try await APITest.token(port: port)
            return try await APITest.uspsBatch(port: port, token: token, numbers: [number, "9400100000000000009023"])
        }
        #expect(response.statusCode == 503)
        #expect(response.header("Retry-After") == "30")
        #expect((try APITest.json(response) as? [String: Any])?[path: "error", "code"] as? String == "503")
    }
}
