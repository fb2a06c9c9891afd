import CarrierSimulator
import Foundation
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel
import ShipTrackTestSupport
import Testing

/// The USPS REST API as a source (issue 9): one token for a night, batches of 35, refresh on expiry and on 401,
/// every outcome with its own category, and no secret anywhere.
@Suite("USPS API source", .serialized, .timeLimit(.minutes(5)))
struct USPSAPISourceTests {
    static func uspsNumbers(_ count: Int, seed: UInt64 = 3, outside: Bool = false) -> [String] {
        CarrierSimulator.sampleTrackingNumbers(carrier: "usps", count: count, seed: seed, outsideUSPSMailerID: outside)
    }

    /// Whether every lookup ended as the carrier's answer: found, or not found / not yet (never a failure).
    static func allAnswered(_ results: [Result<TrackingResult, TrackingError>]) -> Bool {
        results.allSatisfy { result in
            switch result {
            case .success(let found): found.source == "usps-api"
            case .failure(let error): [.notFound, .notYet].contains(error.outcome) && error.source == "usps-api"
            }
        }
    }

    @Test("One token request serves a 1,000-shipment night, in batches of at most 35")
    func oneTokenForAThousand() async throws {
        let live = try await LiveSources(secrets: LiveSources.uspsOnly)
        let results = await live.trackAll(Self.uspsNumbers(1_000))
        let api = live.simulator.statistics.api
        await live.stop()
        #expect(Self.allAnswered(results))
        #expect(results.filter { (try? $0.get()) != nil }.count > 900, "generated parcels are mostly found")
        #expect(api.uspsTokensIssued == 1)
        #expect(api.uspsLargestCall <= 35)
        #expect(api.uspsNumbersRequested == 1_000)
        #expect(api.uspsTrackingCalls <= 29, "1,000 numbers in \(api.uspsTrackingCalls) calls")
    }

    @Test("10,000 USPS shipments in at most 286 tracking requests and one token (an account whose hourly quota USPS raised)")
    func tenThousandInBatches() async throws {
        let live = try await LiveSources(
            secrets: LiveSources.uspsOnly, limits: SourceLimits(concurrency: 4, requestsPerSecond: 0),
            sourceLimits: ["usps-api": SourceLimits(callsPerHour: 0)])
        let results = await live.trackAll(Self.uspsNumbers(10_000, seed: 4))
        let statistics = live.client.statistics
        let api = live.simulator.statistics.api
        await live.stop()
        #expect(Self.allAnswered(results))
        // ⌈10,000 ÷ 35⌉ = 286: every batch full but the last.
        #expect(api.uspsTrackingCalls <= 286, "\(api.uspsTrackingCalls) tracking calls")
        #expect(api.uspsTokensIssued == 1)
        #expect(statistics.transfersStarted <= 287, "every request that left: \(statistics.transfersStarted)")
    }

    @Test("An expired token is replaced by one new token request, and no lookup sees it")
    func tokenExpiry() async throws {
        let live = try await LiveSources(
            secrets: LiveSources.uspsOnly,
            options: LiveSources.options { $0.uspsAPI = .init(tokenLifetime: .seconds(2), callsPerWindow: nil) })
        let first = await live.trackAll(Self.uspsNumbers(70, seed: 5))
        try await Task.sleep(for: .milliseconds(2_300))
        let second = await live.trackAll(Self.uspsNumbers(70, seed: 6))
        let api = live.simulator.statistics.api
        await live.stop()
        #expect(Self.allAnswered(first) && Self.allAnswered(second))
        #expect(api.uspsTokensIssued == 2)
        #expect(api.uspsUnauthorized == 0, "renewed before it expired, never sent dead")
    }

    @Test("A cached token the server no longer honours is refreshed once on 401, and the lookup succeeds")
    func refreshOn401() async throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("shiptrack-tokens-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let first = try await LiveSources(secrets: LiveSources.uspsOnly, tokenCache: cache)
        let port = try #require(first.simulator.port)
        _ = await first.trackAll(Self.uspsNumbers(3, seed: 7))
        await first.stop()
        // A new server on the same address knows none of the old tokens: the cached one gets 401.
        let second = try await LiveSources(secrets: LiveSources.uspsOnly, tokenCache: cache, port: port)
        let results = await second.trackAll(Self.uspsNumbers(3, seed: 8))
        let api = second.simulator.statistics.api
        await second.stop()
        #expect(Self.allAnswered(results))
        #expect(api.uspsUnauthorized >= 1, "the cached token was sent and refused")
        #expect(api.uspsTokensIssued == 1, "one refresh")
    }

    @Test("A wrong client secret is 'unauthorized', saying what to check and never the secret")
    func wrongSecret() async throws {
        var secrets = LiveSources.uspsOnly
        secrets["USPS_CLIENT_SECRET"] = "not-the-secret-1f2e3d"
        let live = try await LiveSources(secrets: secrets, preferences: ["usps": ["usps-api"]])
        let results = await live.trackAll(Self.uspsNumbers(5, seed: 9))
        await live.stop()
        for result in results {
            guard case .failure(let error) = result else {
                Issue.record("a wrong secret found a parcel")
                continue
            }
            #expect(error.outcome == .unauthorized)
            #expect(!"\(error)".contains("not-the-secret-1f2e3d"))
            #expect(error.advice?.contains("USPS_CLIENT_ID") == true, "\(error): \(error.advice ?? "no advice")")
        }
        #expect(!live.logs.text.contains("not-the-secret-1f2e3d"))
    }

    @Test("A label outside the account's Mailer IDs is 'unauthorized' for that number only, in a mixed batch")
    func outsideMailerID() async throws {
        let live = try await LiveSources(secrets: LiveSources.uspsOnly, preferences: ["usps": ["usps-api"]])
        let inside = Self.uspsNumbers(20, seed: 10)
        let outside = Self.uspsNumbers(5, seed: 11, outside: true)
        let results = await live.trackAll(inside + outside)
        await live.stop()
        #expect(Self.allAnswered(Array(results.prefix(inside.count))))
        for result in results.suffix(outside.count) {
            guard case .failure(let error) = result else {
                Issue.record("a number outside the Mailer IDs was found")
                continue
            }
            #expect(error.outcome == .unauthorized, "\(error)")
        }
    }

    @Test("With the page as the next source, a number the API refuses is read from the page, and the result says so")
    func fallbackToThePage() async throws {
        let live = try await LiveSources(secrets: LiveSources.uspsOnly)
        let number = try #require(Self.uspsNumbers(1, seed: 12, outside: true).first)
        let result = try await live.tracker.track(number)
        await live.stop()
        #expect(result.source == "usps-page")
        #expect(result.fallbacks.map(\.source) == ["usps-api"])
        #expect(result.fallbacks.first?.outcome == .unauthorized)
    }

    @Test("Our own count of the 60 calls an hour stops asking and says when the next call is possible")
    func hourlyCallsSpent() async throws {
        let live = try await LiveSources(
            secrets: LiveSources.uspsOnly, preferences: ["usps": ["usps-api"]],
            sourceLimits: ["usps-api": SourceLimits(callsPerHour: 2)])
        let results = await live.trackAll(Self.uspsNumbers(35 * 3, seed: 15))
        let calls = live.simulator.statistics.api.uspsTrackingCalls
        await live.stop()
        #expect(calls == 2, "no call past the hour's budget")
        let refused = results.compactMap { result -> TrackingError? in
            if case .failure(let error) = result, error.outcome == .quotaExhausted { return error }
            return nil
        }
        #expect(refused.count == 35, "the third batch")
        #expect(refused.allSatisfy { $0.detail.contains("2 calls per hour") && ($0.retryAfter ?? .zero) > .seconds(3_000) })
    }

    @Test("A spent hourly quota is 'rate limited' or 'quota exhausted' with when to try again, never 'not found'")
    func quotaSpent() async throws {
        let live = try await LiveSources(
            secrets: LiveSources.uspsOnly, options: LiveSources.options { $0.uspsAPI = .init(callsPerWindow: 1) },
            preferences: ["usps": ["usps-api"]], limits: SourceLimits(concurrency: 1, requestsPerSecond: 0))
        let first = await live.trackAll(Self.uspsNumbers(35, seed: 13))
        let second = await live.trackAll(Self.uspsNumbers(3, seed: 14))
        await live.stop()
        #expect(Self.allAnswered(first))
        for result in second {
            guard case .failure(let error) = result else {
                Issue.record("answered past the quota")
                continue
            }
            #expect([.rateLimited, .quotaExhausted].contains(error.outcome), "\(error)")
            #expect((error.retryAfter ?? .zero) > .seconds(60), "says when: \(error)")
        }
    }
}
