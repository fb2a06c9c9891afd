import CarrierSimulator
import Foundation
import ShipTrackTestSupport
import Testing

/// The simulated 17TRACK API v2.2: the key, the 40-number limit, the request rate, registration and its quota units,
/// asynchronous tracking information, the per-item errors, and `track_info` built from the parcel world.
@Suite(.timeLimit(.minutes(1)))
struct Track17APITests {
    static let key = CarrierSimulator.testCredentials.track17APIKey

    /// Generated ePackets bound for the US (two legs) in `stages`.
    static func twoLegEPackets(in stages: Set<GeneratedParcel.Stage>, count: Int, seed: UInt64 = 50) -> [String] {
        CarrierSimulator.sampleTrackingNumbers(carrier: "epacket", count: 3_000, seed: seed).filter { number in
            guard let parcel = CarrierSimulator.generatedParcel(carrier: "usps", number: number, simulatedDate: APITest.day) else { return false }
            return stages.contains(parcel.stage)
        }.prefix(count).map { $0 }
    }

    static func numbers(_ carrier: String, in stages: Set<GeneratedParcel.Stage>, count: Int, seed: UInt64 = 51) -> [String] {
        CarrierSimulator.sampleTrackingNumbers(carrier: carrier, count: 2_000, seed: seed)
            .filter { stages.contains(GeneratedParcel(number: $0, simulatedDate: APITest.day)!.stage) }
            .prefix(count).map { $0 }
    }

    static func object(_ response: RawHTTPResponse) throws -> [String: Any] {
        try #require(try APITest.json(response) as? [String: Any])
    }

    static func accepted(_ response: RawHTTPResponse) throws -> [[String: Any]] {
        try #require(try Self.object(response)[path: "data", "accepted"] as? [[String: Any]])
    }

    static func rejected(_ response: RawHTTPResponse) throws -> [[String: Any]] {
        try #require(try Self.object(response)[path: "data", "rejected"] as? [[String: Any]])
    }

    static func errorCodes(_ response: RawHTTPResponse) throws -> [Int] {
        try Self.rejected(response).compactMap { $0[path: "error", "code"] as? Int }
    }

    // MARK: - Whole-call errors

    @Test func aWrongKeyOrAnotherIPIsRefusedWith401() async throws {
        let fixtures = try APITest.fixtures()
        let responses = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            [
                try await APITest.track17(port: port, "getquota", [:], key: nil),
                try await APITest.track17(port: port, "getquota", [:], key: "not-the-key"),
                try await APITest.track17(port: port, "register", [["number": "LX123456785CN"]], key: CarrierSimulator.testCredentials.track17APIKeyFromOtherIP),
                try await APITest.track17(port: port, "getquota", [:]),
            ]
        }
        for response in responses[0...1] {
            #expect(response.statusCode == 401)
            #expect(try Self.object(response)["code"] as? Int == -18010002)
            #expect((try Self.object(response)[path: "data", "errors"] as? [[String: Any]])?.first?["code"] as? Int == -18010002)
        }
        #expect(responses[2].statusCode == 401)
        #expect(try Self.object(responses[2])["code"] as? Int == -18010001)
        #expect(responses[3].statusCode == 200)
    }

    @Test func moreThan40NumbersOrInvalidDataAreRefusedAsAWhole() async throws {
        let numbers = CarrierSimulator.sampleTrackingNumbers(carrier: "epacket", count: 41, seed: 52)
        let fixtures = try APITest.fixtures()
        let (forty, fortyOne, invalid, notArray) = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            (
                try await APITest.track17(port: port, "register", numbers.prefix(40).map { ["number": $0] }),
                try await APITest.track17(port: port, "register", numbers.map { ["number": $0] }),
                try await APITest.track17(port: port, "gettrackinfo", ["oops"]),
                try await APITest.track17(port: port, "gettrackinfo", ["number": numbers[0]])
            )
        }
        #expect(try Self.accepted(forty).count == 40)
        #expect(fortyOne.statusCode == 200)
        #expect(try Self.object(fortyOne)["code"] as? Int == 0)
        #expect((try Self.object(fortyOne)[path: "data", "errors"] as? [[String: Any]])?.first?["code"] as? Int == -18010014)
        for response in [invalid, notArray] {
            #expect((try Self.object(response)[path: "data", "errors"] as? [[String: Any]])?.first?["code"] as? Int == -18010013)
        }
    }

    @Test func moreThanThreeRequestsInASecondAnswer429() async throws {
        let fixtures = try APITest.fixtures()
        let options = APITest.options(track17: .init(requestsPerSecond: 3, registrationDelay: .zero))
        let (burst, burstTime, later, statistics) = try await withSimulator(fixtures, options: options) { simulator, port in
            var burst: [Int] = []
            let start = ContinuousClock.now
            for _ in 0..<5 {
                burst.append(try await APITest.track17(port: port, "getquota", [:]).statusCode)
            }
            let burstTime = ContinuousClock.now - start
            try await Task.sleep(for: .milliseconds(1_100))
            return (burst, burstTime, try await APITest.track17(port: port, "getquota", [:]).statusCode, simulator.statistics)
        }
        #expect(burst.prefix(3).allSatisfy { $0 == 200 })
        // On a machine stalled for a second the burst spreads over two windows; the counts must still agree.
        if burstTime < .seconds(1) {
            #expect(burst == [200, 200, 200, 429, 429])
        }
        #expect(statistics.api.track17RateLimited == burst.count { $0 == 429 })
        #expect(later == 200)
        #expect(statistics.api.requests(to: .track17GetQuota) == 6)
    }

    // MARK: - Registration and quota

    @Test func registrationAcceptsRejectsAndSpendsOneUnitPerNewNumber() async throws {
        let numbers = CarrierSimulator.sampleTrackingNumbers(carrier: "epacket", count: 2, seed: 53)
        let ems = CarrierSimulator.sampleTrackingNumbers(carrier: "ems", count: 1, seed: 53)[0]
        let usps = CarrierSimulator.sampleTrackingNumbers(carrier: "usps", count: 1, seed: 53)[0]
        let fixtures = try APITest.fixtures()
        let (first, again, quota, statistics) = try await withSimulator(fixtures, options: APITest.options()) { simulator, port in
            let first = try await APITest.track17(
                port: port, "register",
                [
                    ["number": numbers[0], "carrier": 3011, "tag": "ORD-1"], ["number": numbers[1]], ["number": ems], ["number": usps],
                    ["number": "LX1000CN"], ["number": "ABCDEFG123"],
                ]
            )
            let again = try await APITest.track17(port: port, "register", [["number": numbers[0], "carrier": 3011]])
            return (first, again, try await APITest.track17(port: port, "getquota", []), simulator.statistics)
        }
        let accepted = try Self.accepted(first)
        #expect(accepted.map { $0["number"] as? String } == [numbers[0], numbers[1], ems, usps])
        #expect(accepted.map { $0["carrier"] as? Int } == [3011, 3011, 3013, 21051])
        #expect(accepted.map { $0["origin"] as? Int } == [2, 1, 1, 1])
        #expect(accepted[0]["tag"] as? String == "ORD-1")
        #expect(try Self.errorCodes(first) == [-18010012, -18019903])
        #expect(try Self.errorCodes(again) == [-18019901])
        #expect(try Self.object(quota)[path: "data", "quota_used"] as? Int == 4)
        #expect(try Self.object(quota)[path: "data", "quota_remain"] as? Int == 10_000 - 4)
        #expect(statistics.api.track17Registrations == 4)
        #expect(statistics.api.track17QuotaUnitsSpent == 4)
    }

    @Test func registrationsPastTheQuotaAreRejected() async throws {
        let numbers = CarrierSimulator.sampleTrackingNumbers(carrier: "epacket", count: 3, seed: 54)
        let fixtures = try APITest.fixtures()
        let options = APITest.options(track17: .init(requestsPerSecond: nil, quotaTotal: 2, registrationDelay: .zero))
        let (response, quota) = try await withSimulator(fixtures, options: options) { _, port in
            (
                try await APITest.track17(port: port, "register", numbers.map { ["number": $0] }),
                try await APITest.track17(port: port, "getquota", [:])
            )
        }
        #expect(try Self.accepted(response).count == 2)
        #expect(try Self.errorCodes(response) == [-18019908])
        #expect(try Self.object(quota)[path: "data", "quota_total"] as? Int == 2)
        #expect(try Self.object(quota)[path: "data", "quota_remain"] as? Int == 0)
    }

    @Test func trackingInformationAppearsOnlyAfterTheRegistrationDelay() async throws {
        let number = Self.numbers("epacket", in: [.delivered], count: 1)[0]
        let unregistered = Self.numbers("epacket", in: [.delivered], count: 2)[1]
        let fixtures = try APITest.fixtures()
        let delay = Duration.seconds(2)
        let options = APITest.options(track17: .init(requestsPerSecond: nil, registrationDelay: delay))
        let (early, earlyTime, late) = try await withSimulator(fixtures, options: options) { _, port in
            let start = ContinuousClock.now
            _ = try await APITest.track17(port: port, "register", [["number": number, "carrier": 3011]])
            let early = try await APITest.track17(port: port, "gettrackinfo", [["number": number, "carrier": 3011], ["number": unregistered]])
            let earlyTime = ContinuousClock.now - start
            try await Task.sleep(for: delay + .milliseconds(200))
            return (early, earlyTime, try await APITest.track17(port: port, "gettrackinfo", [["number": number, "carrier": 3011]]))
        }
        // Asked within the delay (always, unless the machine stalled for seconds), the number has nothing yet.
        if earlyTime < delay {
            #expect(try Self.accepted(early).isEmpty)
            #expect(try Self.errorCodes(early) == [-18019909, -18019902])
            // Real answers carry the carrier of a -18019909 rejection as a string.
            #expect(try Self.rejected(early)[0]["carrier"] as? String == "3011")
        }
        let accepted = try Self.accepted(late)
        #expect(accepted.count == 1)
        #expect(accepted[0][path: "track_info", "latest_status", "status"] as? String == "Delivered")
    }

    // MARK: - Track info

    @Test func anEPacketToTheUSHasBothLegsAsProvidersWithTheSharedScanInEach() async throws {
        let numbers = Self.twoLegEPackets(in: [.delivered], count: 3)
        let fixtures = try APITest.fixtures()
        let response = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            _ = try await APITest.track17(port: port, "register", numbers.map { ["number": $0, "carrier": 3011] })
            return try await APITest.track17(port: port, "gettrackinfo", numbers.map { ["number": $0, "carrier": 3011] })
        }
        let accepted = try Self.accepted(response)
        #expect(accepted.count == numbers.count)
        for item in accepted {
            let number = item["number"] as? String ?? ""
            let info = try #require(item["track_info"] as? [String: Any])
            let providers = try #require(info[path: "tracking", "providers"] as? [[String: Any]])
            #expect(providers.compactMap { $0[path: "provider", "key"] as? Int } == [21051, 3011], "\(number)")
            #expect(info[path: "misc_info", "local_key"] as? Int == 21051)
            #expect(info[path: "latest_status", "sub_status"] as? String == "Delivered_Other")
            let usps = try #require(providers[0]["events"] as? [[String: Any]])
            let china = try #require(providers[1]["events"] as? [[String: Any]])
            // The arrival in the US is in both: USPS with its offset, China Post in the local time of the place,
            // without a zone (China Post prints scans abroad as the destination's post sent them; issue 11.4).
            let uspsArrival = try #require(usps.first { $0["sub_status"] as? String == "InTransit_Arrival" })
            let chinaArrival = try #require(china.first { $0["sub_status"] as? String == "InTransit_Arrival" })
            #expect(chinaArrival["time_iso"] is NSNull && chinaArrival["time_utc"] is NSNull, "\(number)")
            #expect(chinaArrival[path: "time_raw", "timezone"] is NSNull)
            let iso = try #require(uspsArrival["time_iso"] as? String)
            let local = (date: String(iso.prefix(10)), time: String(iso.dropFirst(11).prefix(8)))
            #expect(chinaArrival[path: "time_raw", "date"] as? String == local.date, "\(number)")
            #expect(chinaArrival[path: "time_raw", "time"] as? String == local.time, "\(number)")
            for events in [usps, china] {
                let keys = events.compactMap { $0["time_utc"] as? String }
                #expect(keys == keys.sorted(by: >), "\(number): newest first")
            }
            let milestones = try #require(info["milestone"] as? [[String: Any]])
            #expect(milestones.map { $0["key_stage"] as? String } == [
                "InfoReceived", "PickedUp", "Departure", "Arrival", "AvailableForPickup", "OutForDelivery", "Delivered", "Returning", "Returned",
            ])
        }
    }

    @Test func emsAndUSPSNumbersHaveTheirOneProviderAndZonedTimes() async throws {
        let ems = Self.numbers("ems", in: [.delivered, .inCustoms], count: 2)
        let usps = Self.numbers("usps", in: [.delivered, .sorting], count: 2)
        let fixtures = try APITest.fixtures()
        let response = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            _ = try await APITest.track17(port: port, "register", (ems + usps).map { ["number": $0] })
            return try await APITest.track17(port: port, "gettrackinfo", (ems + usps).map { ["number": $0] })
        }
        for item in try Self.accepted(response) {
            let number = item["number"] as? String ?? ""
            let providers = try #require(item[path: "track_info", "tracking", "providers"] as? [[String: Any]])
            #expect(providers.count == 1)
            #expect(providers.first?[path: "provider", "key"] as? Int == (ems.contains(number) ? 3013 : 21051))
            for event in providers.first?["events"] as? [[String: Any]] ?? [] {
                #expect(event["description"] is String)
                if let iso = event["time_iso"] as? String {
                    #expect(iso.utf8.count == 25, "\(number): time_iso with an offset: \(iso)")
                    #expect((event["time_utc"] as? String)?.hasSuffix("Z") == true)
                    #expect(event[path: "time_raw", "timezone"] as? String == String(iso.suffix(6)))
                } else {
                    #expect(event[path: "time_raw", "timezone"] is NSNull)
                }
            }
        }
    }

    @Test func anUnknownNumberIsRegisteredButHasNoProviders() async throws {
        let number = Self.numbers("epacket", in: [.notFound], count: 1)[0]
        let fixtures = try APITest.fixtures()
        let response = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            _ = try await APITest.track17(port: port, "register", [["number": number]])
            return try await APITest.track17(port: port, "gettrackinfo", [["number": number]])
        }
        let info = try #require(try Self.accepted(response).first?["track_info"] as? [String: Any])
        #expect(info[path: "latest_status", "status"] as? String == "NotFound")
        #expect((info[path: "tracking", "providers"] as? [Any])?.isEmpty == true)
        #expect(info["latest_event"] is NSNull)
    }

    @Test func aCarrierDisagreementHoldsTheNumberUnderTheCarrierThe17TRACKChose() async throws {
        let number = Self.numbers("epacket", in: [.delivered], count: 1)[0]
        let fixtures = try APITest.fixtures(specials: #""\#(number)": {"track17_carrier": 3013}"#)
        let (register, info, page) = try await withSimulator(fixtures, options: APITest.options()) { _, port in
            (
                try await APITest.track17(port: port, "register", [["number": number, "carrier": 3011]]),
                try await APITest.track17(port: port, "gettrackinfo", [["number": number, "carrier": 3011]]),
                try await APITest.send(port: port, APITest.request("GET", "\(APITest.chinaPostPagePath)?mailNo=\(number)"))
            )
        }
        #expect(try Self.accepted(register).first?["carrier"] as? Int == 3013)
        #expect(try Self.accepted(register).first?["origin"] as? Int == 1)
        let item = try #require(try Self.accepted(info).first)
        #expect(item["carrier"] as? Int == 3013)
        #expect((item[path: "track_info", "tracking", "providers"] as? [[String: Any]])?.first?[path: "provider", "key"] as? Int == 3013)
        // The page is not affected by a 17TRACK-only entry.
        #expect(page.body == CarrierSimulator.generatedPage(carrier: "epacket", number: number, simulatedDate: APITest.day)?.bytes)
    }

    @Test func stopRetrackAndChangeCarrierFollowTheirRules() async throws {
        let number = Self.numbers("epacket", in: [.delivered], count: 1)[0]
        let fixtures = try APITest.fixtures()
        let codes = try await withSimulator(fixtures, options: APITest.options()) { _, port -> [[Int]] in
            func call(_ operation: String, _ item: [String: Any]) async throws -> [Int] {
                let response = try await APITest.track17(port: port, operation, [item])
                return try Self.accepted(response).map { _ in 0 } + Self.errorCodes(response)
            }
            return [
                try await call("stoptrack", ["number": number]),
                try await call("register", ["number": number, "carrier": 3011]),
                try await call("retrack", ["number": number]),
                try await call("stoptrack", ["number": number, "carrier": 3011]),
                try await call("stoptrack", ["number": number, "carrier": 3011]),
                try await call("changecarrier", ["number": number, "carrier_old": 3011, "carrier_new": 3013]),
                try await call("retrack", ["number": number]),
                try await call("stoptrack", ["number": number]),
                try await call("retrack", ["number": number]),
                try await call("changecarrier", ["number": number, "carrier_old": 3011, "carrier_new": 3011]),
                try await call("changecarrier", ["number": number, "carrier_old": 3011, "carrier_new": 3013]),
                try await call("changecarrier", ["number": number, "carrier_old": 3011]),
            ]
        }
        #expect(codes == [
            [-18019902],  // not registered
            [0],  // registered
            [-18019904],  // only stopped numbers can be re-tracked
            [0],  // stopped
            [-18019906],  // already stopped
            [-18019806],  // a stopped number's carrier cannot change
            [0],  // re-tracked
            [0],  // stopped again
            [-18019905],  // re-tracked only once
            [-18019803],  // same carrier
            [-18019806],  // stopped
            [-18019804],  // carrier_new missing
        ])
    }

    @Test func aChangedCarrierIsTheOneTrackInfoAnswersUnder() async throws {
        let number = Self.numbers("epacket", in: [.delivered], count: 1)[0]
        let fixtures = try APITest.fixtures()
        let (change, info, statistics) = try await withSimulator(fixtures, options: APITest.options()) { simulator, port in
            _ = try await APITest.track17(port: port, "register", [["number": number, "carrier": 3011]])
            let change = try await APITest.track17(port: port, "changecarrier", [["number": number, "carrier_old": 3011, "carrier_new": 3013]])
            return (change, try await APITest.track17(port: port, "gettrackinfo", [["number": number]]), simulator.statistics)
        }
        #expect(try Self.accepted(change).first?["carrier"] as? Int == 3013)
        #expect(try Self.accepted(info).first?["carrier"] as? Int == 3013)
        #expect(statistics.api.track17QuotaUnitsSpent == 1, "changing the carrier is free")
    }

    @Test func aNumberWithItsOwnTrackInfoFileAnswersWithIt() async throws {
        let response = try await withSimulator(directory: RepositoryPaths.fixtures, options: APITest.options(generated: false)) { _, port in
            _ = try await APITest.track17(port: port, "register", [["number": "LX100155552CN", "carrier": 3011]])
            return try await APITest.track17(port: port, "gettrackinfo", [["number": "LX100155552CN", "carrier": 3011]])
        }
        let info = try #require(try Self.accepted(response).first?["track_info"] as? [String: Any])
        #expect(info[path: "latest_status", "sub_status"] as? String == "InTransit_Rerouted")
    }

}
