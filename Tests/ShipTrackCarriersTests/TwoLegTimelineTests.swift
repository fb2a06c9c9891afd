import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel
import Testing

/// An ePacket to the US is tracked by China Post (UTC+08:00) and then USPS (US local times): one merged timeline.
@Suite("Two-leg ePacket timeline")
struct TwoLegTimelineTests {
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    private func tracker(_ answers: [String: HTTPResponse]) throws -> Tracker {
        try TestSources.tracker(answers)
    }

    @Test("Both legs merge across the China/US zone boundary, shared scans kept once")
    func mergedAcrossZones() async throws {
        let number = "LX100077775CN"
        let tracker = try tracker([
            "mailNo=\(number)": try CannedFetcher.fixture("epacket", "\(number).html"),
            "tLabels=\(number)": try CannedFetcher.fixture("usps", "\(number).html"),
        ])
        let result = try await tracker.track(number, destination: "US")
        // China Post 4 events + USPS 5 events; delivery, arrival and hand-over are the same scans on both legs.
        #expect(result.events.count == 6)
        #expect(result.status == .delivered)
        #expect(result.legFailures.isEmpty)
        let instants = result.events.compactMap { $0.time?.instant }
        #expect(instants.count == 6)
        #expect(instants == instants.sorted(by: >), "newest first by absolute time")
        // China Post prints its US scans in US local time without a zone; USPS's copies know their zone, so they stay.
        #expect(result.events.map(\.reportedBy) == ["usps", "usps", "usps", "usps", "epacket", "epacket"])
        let delivered = try #require(result.deliveredAt)
        #expect(delivered.description == "2023-07-18T13:23:00-04:00")
        #expect(result.events[1].time?.description == "2023-07-18T06:10:00-04:00")
        #expect(result.events[1].description == "Out for Delivery")
    }

    /// Swift 6.3.1 at -O miscompiled the task-group child that asks one leg (`return (index, .success(try await …))`)
    /// and handed back a garbage leg index now and then: `Index out of range` in every 10,000-shipment release run.
    /// Debug builds never show it; `swift test -c release -Xswiftc -enable-testing --filter TwoLegTimelineTests`
    /// crashed here without the fix, and `scripts/torture.sh` (part 0) asks the release binary 50 times. 100 rounds
    /// keep the debug suite quick (500 took minutes on the 2-core machine among the other suites).
    @Test("Both legs asked at once, many times over: every result complete")
    func bothLegsAtOnceManyTimes() async throws {
        let number = "LX100077775CN"
        let tracker = try tracker([
            "mailNo=\(number)": try CannedFetcher.fixture("epacket", "\(number).html"),
            "tLabels=\(number)": try CannedFetcher.fixture("usps", "\(number).html"),
        ])
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<100 {
                group.addTask { try await tracker.track(number, destination: "US").events.count }
            }
            var counts: [Int] = []
            for try await count in group { counts.append(count) }
            return counts
        }
        #expect(counts.count == 100)
        #expect(counts.allSatisfy { $0 == 6 })
    }

    @Test("China Post's scans in the destination country are never labelled China time")
    func destinationScansKeepTheirZoneUnknown() async throws {
        let number = "LX100077775CN"
        let tracker = try tracker(["mailNo=\(number)": try CannedFetcher.fixture("epacket", "\(number).html")])
        let result = try await tracker.track(number, destination: "DE")
        let us = result.events.filter { $0.location.countryCode == "US" }
        #expect(us.count == 2)
        #expect(us.allSatisfy { $0.time?.utcOffsetSeconds == nil }, "\(us.map { $0.time?.description ?? "" })")
        let china = result.events.filter { $0.location.countryCode == "CN" }
        #expect(!china.isEmpty)
        #expect(china.allSatisfy { $0.time?.utcOffsetSeconds == 8 * 3_600 })
        #expect(result.status == .delivered)
    }

    @Test("One leg failing still gives the other leg's events, with the failure reported")
    func oneLegFails() async throws {
        let number = "LX100022220CN"
        let tracker = try tracker([
            "mailNo=\(number)": try CannedFetcher.fixture("epacket", "\(number).html"),
            "tLabels=\(number)": CannedFetcher.page("oops", status: 503),
        ])
        let result = try await tracker.track(number, destination: "US")
        #expect(result.events.count == 4)
        #expect(result.events.allSatisfy { $0.reportedBy == "epacket" })
        #expect(result.legFailures.map(\.carrier) == ["usps"])
        #expect(result.legFailures.first?.message.contains("HTTP 503") == true)
    }

    @Test("Every leg failing is the first leg's failure")
    func allLegsFail() async throws {
        let number = "LX100022220CN"
        let tracker = try tracker([
            "mailNo=\(number)": try CannedFetcher.fixture("epacket", "not-found.html"),
            "tLabels=\(number)": try CannedFetcher.fixture("usps", "not-found.html"),
        ])
        await #expect(throws: TrackingError.self) { try await tracker.track(number, destination: "US") }
        do throws(TrackingError) {
            _ = try await tracker.track(number, destination: "US")
        } catch {
            #expect(error.outcome == .notFound)
            #expect(error.carrier == "epacket")
        }
    }

    @Test("Other destinations ask only China Post")
    func noSecondLegElsewhere() async throws {
        let number = "LX100055554CN"
        let tracker = try tracker(["mailNo=\(number)": try CannedFetcher.fixture("epacket", "\(number).html")])
        let result = try await tracker.track(number, destination: "DE")
        #expect(result.legFailures.isEmpty)
        #expect(result.events.count == 5)
        let unknownDestination = try await tracker.track(number)
        #expect(unknownDestination.legFailures.isEmpty)
    }

    @Test("Scans of one leg at the same minute with the same meaning are all kept")
    func sameLegSameMinute() async throws {
        let number = "LX100099997CN"
        let page = String(decoding: try CannedFetcher.fixture("epacket", "\(number).html").body, as: UTF8.self)
            .replacingOccurrences(of: "2023-07-15 06:00:00", with: "2023-07-01 09:12:50")
        let tracker = try tracker(["mailNo=\(number)": CannedFetcher.page(page)])
        let result = try await tracker.track(number, destination: "GB")
        #expect(result.events.count == 4)
    }
}
