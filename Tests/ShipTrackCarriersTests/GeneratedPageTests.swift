import CarrierSimulator
import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel
import Testing

/// The simulator's generated pages, read by the real carrier definitions: every page parses, yields the status
/// its parcel was generated for (or not found / pending), uses only wording the definition knows, and holds 10 to
/// 30 events where a history is expected. This is the proof the generated pages are realistic for our parser.
@Suite("Generated pages read by the carrier definitions")
struct GeneratedPageTests {
    static let registry = try! CarrierRegistry.builtIn()
    static let day = CalendarDay(year: 2026, month: 11, day: 20)!
    static let logger = Logger(label: "generated-page-tests") { _ in SwiftLogNoOpLogHandler() }
    static let numbersPerCarrier = 400

    /// The source definition that reads each generated page format.
    static let pageSources: [String: SourceID] = ["usps": "usps-page", "epacket": "chinapost-page", "ems": "ems-eub"]

    /// A generated page read by its source's definition, as the source would answer it.
    static func read(_ page: GeneratedPage, number: String) -> Result<ItemReading, TrackingError> {
        let engine = registry.sources[pageSources[page.carrier] ?? "usps-page"]!
        switch engine.read(
            saved: page.bytes, charset: page.contentType.components(separatedBy: "charset=").dropFirst().first,
            context: "http://127.0.0.1/\(page.carrier)/\(number)", number: number, carrier: CarrierID(page.carrier),
            logger: logger)
        {
        case .whole(let error): return .failure(error)
        case .items(let items): return items.first?.result ?? .failure(.carrierError(number, carrier: page.carrier, detail: "no item"))
        }
    }

    @Test("Every generated page reads as its parcel's stage", arguments: ["usps", "epacket"])
    func pagesReadAsGenerated(carrier: String) async throws {
        var stagesSeen = Set<GeneratedParcel.Stage>()
        for number in CarrierSimulator.sampleTrackingNumbers(carrier: carrier, count: Self.numbersPerCarrier, seed: 11) {
            let page = try #require(CarrierSimulator.generatedPage(carrier: carrier, number: number, simulatedDate: Self.day))
            stagesSeen.insert(page.parcel.stage)
            try self.checkPageAlone(page)
            if page.parcel.followOnCarrier != nil {
                try await self.checkTwoLegTimeline(page.parcel)
            }
        }
        // USPS has no pending, airline or customs stages; the international carriers have every stage.
        let expected = Set(GeneratedParcel.Stage.allCases).subtracting(
            carrier == "usps" ? [.pending, .withAirline, .inCustoms, .customsHold] : []
        )
        #expect(stagesSeen == expected, "\(carrier): stages missing: \(expected.subtracting(stagesSeen))")
    }

    /// One page read on its own: for a two-leg ePacket it holds only part of the timeline, so only the wording and
    /// the times are checked, not the status.
    private func checkPageAlone(_ page: GeneratedPage) throws {
        let parcel = page.parcel
        let reading: ItemReading
        switch Self.read(page, number: parcel.number) {
        case .success(let read): reading = read
        case .failure(let error):
            #expect(parcel.stage == .notFound, "\(parcel.number) (\(parcel.stage)): \(error)")
            #expect(error.outcome == .notFound, "\(parcel.number): \(error)")
            return
        }
        let isTwoLeg = parcel.followOnCarrier != nil
        switch reading {
        case .noEvents(let status, _):
            #expect(page.eventCount == 0, "\(parcel.number) (\(parcel.stage)): no events read")
            if !isTwoLeg {
                #expect(status.rawValue == parcel.status, "\(parcel.number) (\(parcel.stage)): \(status)")
            }
        case .events(let events, _, _):
            #expect(parcel.stage != .notFound && parcel.stage != .pending, "\(parcel.number): events on a \(parcel.stage) page")
            #expect(events.count == page.eventCount, "\(parcel.number) on \(page.carrier): \(events.count) events read")
            for event in events {
                #expect(!event.statusUnrecognised, "\(parcel.number) on \(page.carrier): unrecognised \"\(event.description)\"")
                let time = try #require(event.time, "\(parcel.number): \"\(event.description)\" has no time")
                // China Post prints scans abroad in the local time there, without a zone: never labelled China time.
                guard let instant = time.instant else {
                    #expect(page.carrier == "epacket" && event.location.countryCode != "CN", "\(parcel.number): \"\(event.description)\" at \(event.location.raw) has no zone")
                    continue
                }
                #expect(instant < Self.day.startInChina, "\(parcel.number): \"\(event.description)\" at \(instant)")
            }
            guard !isTwoLeg else { return }
            let newest = try #require(Timeline.ordered(events, legOrder: [CarrierID(page.carrier)]).first)
            #expect(newest.status.rawValue == parcel.status, "\(parcel.number) (\(parcel.stage)): newest \"\(newest.description)\" is \(newest.status)")
            #expect(newest.reason?.rawValue == parcel.reason, "\(parcel.number) (\(parcel.stage)): reason \(String(describing: newest.reason))")
            if let instant = newest.time?.instant {
                #expect(instant == parcel.lastEventAt, "\(parcel.number): newest \"\(newest.description)\" at \(newest.location.raw) \(String(describing: newest.time))")
            }
            #expect(events.count == parcel.eventCount)
            if parcel.hasHistory {
                #expect((10...30).contains(events.count), "\(parcel.number) (\(parcel.stage)): \(events.count) events")
            }
        }
    }

    /// An ePacket to the US through the real lookup: China Post and USPS asked together, their timelines merged.
    private func checkTwoLegTimeline(_ parcel: GeneratedParcel) async throws {
        let epacket = try #require(CarrierSimulator.generatedPage(carrier: "epacket", number: parcel.number, simulatedDate: Self.day))
        let usps = try #require(CarrierSimulator.generatedPage(carrier: "usps", number: parcel.number, simulatedDate: Self.day))
        #expect(usps.parcel == parcel)
        let answers = [
            "mailQuery": HTTPResponse(
                statusCode: 200, headers: [(name: "Content-Type", value: epacket.contentType)], body: epacket.bytes,
                effectiveURL: ""),
            "TrackConfirmAction": HTTPResponse(
                statusCode: 200, headers: [(name: "Content-Type", value: usps.contentType)], body: usps.bytes,
                effectiveURL: ""),
        ]
        let tracker = try TestSources.tracker(answers)
        let result: TrackingResult
        do {
            result = try await tracker.track(parcel.number, destination: parcel.destination, now: Self.day.startInChina)
        } catch {
            #expect(parcel.stage == .notFound, "\(parcel.number) (\(parcel.stage)): \(error)")
            #expect(error.outcome == .notFound)
            return
        }
        #expect(result.status.rawValue == parcel.status, "\(parcel.number) (\(parcel.stage)): merged status \(result.status)")
        #expect(result.reason?.rawValue == parcel.reason, "\(parcel.number) (\(parcel.stage)): merged reason")
        #expect(result.events.count == parcel.eventCount, "\(parcel.number) (\(parcel.stage)): \(result.events.count) merged events")
        #expect(!result.events.contains { $0.statusUnrecognised })
        if parcel.stage == .pending {
            // USPS does not know the number yet.
            #expect(result.legFailures.map(\.carrier) == [CarrierID("usps")])
        } else {
            #expect(result.legFailures.isEmpty, "\(parcel.number): \(result.legFailures)")
        }
        if parcel.hasHistory {
            #expect((10...30).contains(result.events.count), "\(parcel.number) (\(parcel.stage)): \(result.events.count) events")
            #expect(result.events.contains { $0.reportedBy == CarrierID("epacket") })
            // Scans both carriers print (the hand-over to the airline, the arrival in the US) are kept once, as China
            // Post's; USPS's own scans start with customs.
            let pastArrival: Set<GeneratedParcel.Stage> = [
                .inCustoms, .customsHold, .outForDelivery, .delivered, .attemptFailed, .availableForPickup, .returning, .returned,
            ]
            if pastArrival.contains(parcel.stage) {
                #expect(result.events.contains { $0.reportedBy == CarrierID("usps") }, "\(parcel.number) (\(parcel.stage))")
            }
        }
        // The newest merged event is at the parcel's last scan (unless it is a China Post scan abroad, whose zone is
        // unknown: then its wall clock is all there is).
        if let lastEventAt = parcel.lastEventAt, let instant = result.events.first?.time?.instant {
            #expect(instant == lastEventAt, "\(parcel.number): newest merged event")
        }
    }

    @Test("A two-leg ePacket's arrival scan is on both pages at the same instant")
    func sharedArrivalScan() async throws {
        let number = try #require(
            CarrierSimulator.sampleTrackingNumbers(carrier: "epacket", count: 400, seed: 5).first { number in
                guard let parcel = CarrierSimulator.generatedParcel(carrier: "usps", number: number, simulatedDate: Self.day)
                else { return false }
                return parcel.stage == .delivered
            })
        let events = try [("epacket", "到达寄达地|Arrival at destination"), ("usps", "Processed Through Facility|Arrived at Facility")]
            .map { carrier, pattern -> [TrackingEvent] in
                let page = try #require(CarrierSimulator.generatedPage(carrier: carrier, number: number, simulatedDate: Self.day))
                guard case .success(.events(let events, _, _)) = Self.read(page, number: number) else { return [] }
                return events.filter { $0.description.range(of: pattern, options: .regularExpression) != nil }
            }
        let chinaPostArrival = try #require(events[0].first?.time)
        let uspsArrivals = events[1].compactMap(\.time)
        // USPS prints minutes; China Post prints the US scan in US local time (zone unknown): the same wall clock.
        #expect(uspsArrivals.contains { $0.local == chinaPostArrival.local })
    }
}
