import Foundation
import ShipTrackEstimate
import ShipTrackModel
import ShipTrackReport
import ShipTrackTestSupport

/// Small hand-made orders for the focused tests (the synthetic run is for the large ones).
enum ReportFixtures {
    static let estimator = Estimator()
    static let calendar = StorePolicy.builtIn.calendar
    /// Monday 2026-03-02, 10:00 in Shanghai.
    static let orderedAt = Date(timeIntervalSince1970: 1_772_416_800)

    /// `days` after the reference order, at 01:30 in Shanghai (the nightly run).
    static func night(_ days: Int) -> Date {
        calendar.startOfDay(calendar.day(of: orderedAt).adding(days: days)).addingTimeInterval(5_400)
    }

    static func event(
        _ description: String, _ status: TrackingStatus, reason: StatusReason? = nil, daysAfterOrder: Double,
        carrier: CarrierID = "epacket"
    ) -> TrackingEvent {
        let seconds = Int(orderedAt.timeIntervalSince1970 + daysAfterOrder * 86_400)
        return TrackingEvent(
            time: EventTime(local: LocalDateTime(secondsSinceEpoch: seconds + 28_800), utcOffsetSeconds: 28_800),
            location: EventLocation(raw: "广州市"), description: description, status: status, reason: reason,
            reportedBy: carrier)
    }

    /// A one-parcel order estimated at `now` with `events` (newest first or not), flags in the given state.
    static func order(
        id: String = "SO-1", name: String? = "Ana Silva", email: String? = "ana@example.com", destination: String = "DE",
        number: String? = "LX123456785CN", events: [TrackingEvent], now: Date,
        state: (DeliveryFlag) -> ReportFlag.State = { _ in .stillOpen }, cleared: [DeliveryFlag.Kind] = [],
        changes: [ReportChange] = [], check: CheckState? = nil
    ) throws -> ReportOrder {
        let tracking: TrackingState =
            number == nil
            ? .notFetched
            : .result(TrackingResult(trackingNumber: number!, carrier: "epacket", events: events, fetchedAt: now, sourceURL: ""))
        let estimate = try estimator.estimateOrder(
            OrderFacts(orderedAt: orderedAt, destination: destination, parcels: [ParcelFacts(trackingNumber: number, tracking: tracking)]),
            now: now)
        let parcel = ReportParcel(
            estimate: estimate.parcels[0], carrier: number == nil ? nil : "epacket",
            trackingURL: number.map { URL(string: "https://intmail.11185.cn/track?no=\($0)")! },
            lastEvent: Timeline.ordered(events).first,
            check: check ?? (number == nil ? .notShipped : .checked(at: now)))
        return ReportOrder(
            orderID: id, customerName: name, customerEmail: email, estimate: estimate, parcels: [parcel],
            flags: estimate.flags.map { ReportFlag($0, state: state($0)) } + cleared.map { ReportFlag.cleared($0) },
            changes: changes)
    }

    static func run(now: Date, storeName: String = "Test Store") -> ReportRun {
        ReportRun(storeName: storeName, asOf: now, previousRunAsOf: now.addingTimeInterval(-86_400), carrierNames: ["epacket": "ePacket"])
    }

    /// Writes a report of `orders` (sorted as the batch must) and returns the HTML.
    static func html(_ orders: [ReportOrder], run: ReportRun, history: FlagHistory = FlagHistory()) throws -> String {
        var statistics = ReportStatistics()
        for order in orders { statistics.add(order) }
        var writer = try MorningReportWriter(sink: MemorySink(), run: run, statistics: statistics)
        for order in orders.sorted(by: ReportOrder.reportOrder) { try writer.add(order) }
        try writer.finish(history: history)
        return writer.sink.text
    }

    /// The text between `<section id="ID"` and the next `</section>`.
    static func section(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "<section id=\"\(id)\"") else { return nil }
        guard let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
