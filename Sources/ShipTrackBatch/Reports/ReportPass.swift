import Foundation
import ShipTrackEstimate
import ShipTrackInput
import ShipTrackModel

/// The last phase of a run: every shipment of the run, order by order, gets its estimate and flags; flags are
/// saved (keeping the previous run's for change detection) and the report lines are streamed out.
struct ReportPass {
    let configuration: NightlyRunConfiguration
    let store: BatchStore
    let run: Int64
    let asOf: Date

    struct Totals {
        var writer: ReportWriter
        var shipments = 0
        var outcomes: [String: Int] = [:]
        var byStatus: [String: Int] = [:]
        var byFlag: [String: Int] = [:]
        var byRegion: [String: Int] = [:]
        var byCarrier: [String: Int] = [:]
        var orders = RunSummary.OrderCounts(total: 0, delivered: 0, late: 0, multiParcel: 0)
        var failureCategories: [String: Int] = [:]
        var failureExamples: [String] = []
        var changes = RunSummary.ChangeCounts(
            newlyDelivered: 0, newlyLate: 0, newExceptions: 0, newlyRefundEligible: 0, newlyStalled: 0)
    }

    func write() throws -> Totals {
        let writer = try ReportWriter(directory: URL(fileURLWithPath: configuration.reportDirectory, isDirectory: true))
        var totals = Totals(writer: writer)
        let estimator = Estimator(policy: configuration.policy, countries: configuration.input.countries)
        var afterOrder: String?
        do {
            while true {
                let page = try store.shipmentsByOrder(run: run, afterOrder: afterOrder, limit: 500)
                guard let last = page.last else { break }
                afterOrder = last.orderID
                var flagsToSave: [(shipmentID: Int64, flags: Set<String>)] = []
                var start = page.startIndex
                while start < page.endIndex {
                    let orderID = page[start].orderID
                    var end = start
                    while end < page.endIndex, page[end].orderID == orderID { end += 1 }
                    let parcels = Array(page[start..<end])
                    try report(order: parcels, estimator: estimator, totals: &totals, flagsToSave: &flagsToSave)
                    start = end
                }
                try store.saveFlags(flagsToSave, run: run)
            }
        } catch {
            writer.discard()
            throw error
        }
        return totals
    }

    private func report(
        order parcels: [StoredShipment], estimator: Estimator, totals: inout Totals,
        flagsToSave: inout [(shipmentID: Int64, flags: Set<String>)]
    ) throws {
        let first = parcels[0]
        let facts = OrderFacts(
            orderedAt: first.orderedAt, destination: first.destination, parcels: parcels.map(parcelFacts))
        var orderEstimate: OrderEstimate?
        var estimateError: String?
        do { orderEstimate = try estimator.estimateOrder(facts, now: asOf) } catch { estimateError = "\(error)" }
        totals.orders.total += 1
        if parcels.count > 1 { totals.orders.multiParcel += 1 }
        if let orderEstimate {
            if orderEstimate.isDelivered { totals.orders.delivered += 1 }
            if orderEstimate.isLate { totals.orders.late += 1 }
        }

        for (index, shipment) in parcels.enumerated() {
            let estimate = orderEstimate.flatMap { index < $0.parcels.count ? $0.parcels[index] : nil }
            let flags = Set(estimate?.flags.map(\.kind.rawValue) ?? [])
            // Before this run saved its flags, the stored ones are the previous run's.
            let previous = shipment.flagsRun == run ? shipment.previousFlags : shipment.flags
            let newFlags = flags.subtracting(previous)
            flagsToSave.append((shipment.id, flags))

            let outcome = outcomeName(shipment)
            totals.shipments += 1
            totals.outcomes[outcome, default: 0] += 1
            let status =
                shipment.trackingNumber.isEmpty
                ? "not_shipped" : shipment.status?.rawValue ?? (shipment.outcome == "not_found" ? "not_found" : "unknown")
            totals.byStatus[status, default: 0] += 1
            for flag in flags { totals.byFlag[flag, default: 0] += 1 }
            let region = estimate?.destination.region?.rawValue ?? (estimate == nil ? "unknown" : "not_served")
            totals.byRegion[region, default: 0] += 1
            totals.byCarrier[shipment.carrier?.rawValue ?? "none", default: 0] += 1
            if outcome == "failed" || outcome == "not_checked" {
                // The error's own category, refined by the kind of fetch failure for the morning report.
                let category =
                    outcome == "failed"
                    ? [shipment.outcomeCategory ?? "fetch_failed", shipment.outcomeDetail.map(failureKind) ?? "other"]
                        .joined(separator: ":") : "deadline"
                totals.failureCategories[category, default: 0] += 1
                if totals.failureExamples.count < 20 {
                    totals.failureExamples.append("\(shipment.trackingNumber): \(shipment.outcomeDetail ?? outcome)")
                }
            }
            if shipment.status == .delivered, shipment.checkedRun == run, shipment.previousStatus != .delivered {
                totals.changes.newlyDelivered += 1
            }
            if newFlags.contains("late") { totals.changes.newlyLate += 1 }
            if newFlags.contains("exception") { totals.changes.newExceptions += 1 }
            if newFlags.contains("refund_eligible") { totals.changes.newlyRefundEligible += 1 }
            if newFlags.contains("stalled") { totals.changes.newlyStalled += 1 }

            let lastEvent = Timeline.ordered(shipment.events, legOrder: shipment.carrier.map { [$0] } ?? []).first
            try totals.writer.add(
                ReportWriter.ShipmentLine(
                    orderID: shipment.orderID, trackingNumber: shipment.trackingNumber.isEmpty ? nil : shipment.trackingNumber,
                    carrier: shipment.carrier?.rawValue, destination: shipment.destination,
                    region: estimate?.destination.region?.rawValue, inputLine: shipment.line,
                    status: shipment.status?.rawValue, reason: shipment.reason?.rawValue, outcome: outcome,
                    outcomeDetail: shipment.outcomeDetail, attempts: shipment.checkedRun == run ? shipment.attempts : 0,
                    flags: flags.sorted(), newFlags: newFlags.sorted(), lastEvent: lastEvent, estimate: estimate,
                    estimateError: estimateError))
        }
    }

    /// What the estimator should believe about a parcel: its stored timeline, "not found", or nothing known.
    private func parcelFacts(_ shipment: StoredShipment) -> ParcelFacts {
        guard !shipment.trackingNumber.isEmpty else { return ParcelFacts(shippedAt: shipment.shippedAt) }
        let tracking: TrackingState
        if shipment.outcome == "not_found" {
            tracking = .notFound
        } else if let status = shipment.status, let carrier = shipment.carrier {
            tracking = .result(
                TrackingResult(
                    trackingNumber: shipment.trackingNumber, carrier: carrier, events: shipment.events, fetchedAt: asOf,
                    sourceURL: "", statusWithoutEvents: status))
        } else {
            tracking = .notFetched
        }
        return ParcelFacts(shippedAt: shipment.shippedAt, trackingNumber: shipment.trackingNumber, tracking: tracking)
    }

    /// This run's outcome for a shipment, including the ones it did not fetch.
    private func outcomeName(_ shipment: StoredShipment) -> String {
        if shipment.trackingNumber.isEmpty { return "not_shipped" }
        if shipment.checkedRun == run, let outcome = shipment.outcome { return outcome }
        if shipment.status?.isFinal == true || shipment.reason?.isFinal == true { return "skipped_final" }
        return "not_checked"
    }

    /// The transport detail behind a fetch failure, for the report (the category itself is stored with the error).
    private func failureKind(_ detail: String) -> String {
        if let range = detail.range(of: "HTTP ") { return "http_" + detail[range.upperBound...].prefix(3) }
        for (needle, name) in [("timed out", "timeout"), ("reset", "reset"), ("cut short", "truncated"),
                               ("empty page", "empty_body"), ("layout not recognised", "page_not_recognised"),
                               ("could not connect", "connect"), ("carrier reported an error", "carrier_error"),
                               ("larger than", "too_large")]
        where detail.contains(needle) { return name }
        return "other"
    }

    static func commit(summary: RunSummary, configuration: NightlyRunConfiguration, pending writer: ReportWriter) throws {
        try writer.commit(summary: summary)
    }
}
