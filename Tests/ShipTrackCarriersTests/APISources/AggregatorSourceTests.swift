import CarrierSimulator
import Foundation
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel
import ShipTrackTestSupport
import Testing

/// 17TRACK and the EMS partner interface as sources (issue 10): registration, quotas, both legs from one answer,
/// the carriers' disagreement, fallback, and their refusals.
@Suite("17TRACK and EMS sources", .serialized, .timeLimit(.minutes(5)))
struct AggregatorSourceTests {
    static let track17Only = LiveSources.allCredentials.filter { $0.key == "TRACK17_API_KEY" }
    static let emsOnly = LiveSources.allCredentials.filter { $0.key == "EMS_EUB_TOKEN" }

    static func epackets(_ count: Int, seed: UInt64) -> [String] {
        CarrierSimulator.sampleTrackingNumbers(carrier: "epacket", count: count, seed: seed)
    }

    static func failure(_ result: Result<TrackingResult, TrackingError>) -> TrackingError? {
        if case .failure(let error) = result { return error }
        return nil
    }

    @Test("Numbers are registered once, then read in batches of 40; a number still registering is 'not yet'")
    func registerOnceThenRead() async throws {
        let ledger = InMemoryRegistrationLedger()
        let live = try await LiveSources(
            secrets: Self.track17Only,
            options: LiveSources.options { $0.track17 = .init(requestsPerSecond: nil, registrationDelay: .seconds(4)) },
            ledger: ledger)
        let numbers = Self.epackets(60, seed: 21)
        let started = ContinuousClock.now
        let first = await live.trackAll(numbers)
        let took = ContinuousClock.now - started
        // Registered just now: nothing to read yet, and that is no failure. Every read follows its registration within
        // the time the whole pass took, so when that is under the 4 s delay each number must be "not yet" (on a machine
        // loaded enough to take longer, some have data already, which is right too).
        #expect(first.allSatisfy { (try? $0.get()) != nil || Self.failure($0)?.outcome == .notYet })
        if took < .seconds(4) {
            #expect(first.allSatisfy { Self.failure($0)?.outcome == .notYet }, "the pass took \(took)")
        }
        try await Task.sleep(for: .milliseconds(4_200))
        let second = await live.trackAll(numbers)
        let api = live.simulator.statistics.api
        await live.stop()
        #expect(api.track17Registrations == numbers.count, "each number registered once")
        #expect(api.track17QuotaUnitsSpent == numbers.count)
        #expect(api.track17LargestCall <= 40)
        #expect(second.allSatisfy { result in
            switch result {
            case .success(let found): found.source == "17track"
            case .failure(let error): [.notFound, .notYet].contains(error.outcome)
            }
        })
        #expect(second.filter { (try? $0.get()) != nil }.count > 40)
    }

    @Test("An ePacket to the US reads both legs from 17TRACK's two providers, the shared scan once")
    func twoLegsFromOneAnswer() async throws {
        let live = try await LiveSources(secrets: Self.track17Only)
        let candidates = Self.epackets(400, seed: 22)
        let results = await live.trackAll(candidates, destination: "US")
        await live.stop()
        let twoLeg = results.compactMap { try? $0.get() }.filter { result in
            Set(result.events.map(\.reportedBy)) == ["epacket", "usps"]
        }
        #expect(twoLeg.count >= 5, "generated ePackets to the US have a USPS leg")
        for result in twoLeg {
            // The USPS leg's events carry their offset; the same scan reported by both legs is kept once.
            let keys = result.events.map { "\($0.time.map { "\($0.local)" } ?? "-")|\($0.description)|\($0.reportedBy)" }
            #expect(Set(keys).count == keys.count, "\(result.trackingNumber): no event twice")
            #expect(result.events.contains { $0.reportedBy == "usps" && $0.time?.utcOffsetSeconds != nil })
        }
    }

    @Test("A number 17TRACK holds under another carrier keeps ours, and the result says so")
    func carrierDisagreement() async throws {
        let live = try await LiveSources(secrets: Self.track17Only)
        let results = await live.trackAll(["LX100088889CN"])
        await live.stop()
        let result = try #require(try? results[0].get(), "\(results)")
        #expect(result.carrier == "epacket")
        #expect(result.notes.contains { $0.contains("3013") || $0.lowercased().contains("ems") }, "\(result.notes)")
    }

    @Test("Quota spent mid-night: 'quota exhausted', then the next source answers, and the result says why")
    func quotaThenFallback() async throws {
        let live = try await LiveSources(
            secrets: Self.track17Only,
            options: LiveSources.options { $0.track17 = .init(requestsPerSecond: nil, quotaTotal: 10, registrationDelay: .zero) })
        let numbers = Self.epackets(30, seed: 23)
        let results = await live.trackAll(numbers)
        await live.stop()
        let fromPage = results.compactMap { try? $0.get() }.filter { $0.source == "chinapost-page" }
        #expect(fromPage.count >= 15, "the numbers past the quota were read from China Post's page")
        #expect(fromPage.allSatisfy { $0.fallbacks.first?.source == "17track" && $0.fallbacks.first?.outcome == .quotaExhausted })
        #expect(!results.contains { Self.failure($0)?.outcome == .notFound && Self.failure($0)?.source == "17track" },
                "a spent quota is never 'not found'")
    }

    @Test("A page that answers with a CAPTCHA is 'blocked', and the next source answers")
    func blockedThenNext() async throws {
        let live = try await LiveSources(
            secrets: Self.track17Only, options: LiveSources.options { $0.pageBlocking = .init(chinaPost: .captcha) },
            preferences: ["epacket": ["chinapost-page", "17track"]])
        let results = await live.trackAll(Self.epackets(5, seed: 24))
        await live.stop()
        for result in results.compactMap({ try? $0.get() }) {
            #expect(result.source == "17track")
            #expect(result.fallbacks.map(\.outcome) == [.blocked])
        }
        #expect(results.compactMap { try? $0.get() }.count >= 3)
    }

    @Test("Without another source, a blocked page says what to do", arguments: [
        CarrierSimulator.USPSPageBlock.accessDenied, .javascriptChallenge, .redirectToUSPSHome, .redirectToRoot,
    ])
    func blockedPage(block: CarrierSimulator.USPSPageBlock) async throws {
        let live = try await LiveSources(secrets: [:], options: LiveSources.options { $0.pageBlocking = .init(usps: block) })
        let results = await live.trackAll(USPSAPISourceTests.uspsNumbers(3, seed: 25))
        await live.stop()
        for result in results {
            let error = try #require(Self.failure(result), "a blocked page found a parcel")
            #expect(error.outcome == .blocked, "\(block): \(error)")
            #expect(error.advice?.contains("docs/sources.md") == true, "\(error.advice ?? "no advice")")
        }
    }

    @Test("A wrong 17TRACK key, or one limited to other addresses, is 'unauthorized' with what to check")
    func track17Refusals() async throws {
        for key in ["shiptrack-wrong-key-9a8b", CarrierSimulator.testCredentials.track17APIKeyFromOtherIP] {
            let live = try await LiveSources(secrets: ["TRACK17_API_KEY": key], preferences: ["epacket": ["17track"]])
            let results = await live.trackAll(Self.epackets(3, seed: 26))
            await live.stop()
            for result in results {
                let error = try #require(Self.failure(result))
                #expect(error.outcome == .unauthorized, "\(error)")
                #expect(error.advice?.contains("TRACK17_API_KEY") == true)
                #expect(!"\(error)".contains(key))
            }
            #expect(!live.logs.text.contains(key))
        }
    }

    @Test("The EMS interface reads EMS parcels; a wrong token is V02, 'unauthorized'")
    func emsInterface() async throws {
        let numbers = CarrierSimulator.sampleTrackingNumbers(carrier: "ems", count: 10, seed: 27)
        let live = try await LiveSources(secrets: Self.emsOnly)
        let results = await live.trackAll(numbers)
        await live.stop()
        #expect(results.compactMap { try? $0.get() }.filter { $0.source == "ems-eub" }.count >= 6)

        let wrong = try await LiveSources(secrets: ["EMS_EUB_TOKEN": "wrong-ems-token-77"], preferences: ["ems": ["ems-eub"]])
        let refused = await wrong.trackAll(Array(numbers.prefix(2)))
        await wrong.stop()
        for result in refused {
            let error = try #require(Self.failure(result))
            #expect(error.outcome == .unauthorized)
            #expect(error.detail.contains("V02"))
            #expect(!"\(error)".contains("wrong-ems-token-77"))
        }
    }
}
