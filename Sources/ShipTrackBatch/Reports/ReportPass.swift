import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackInput
import ShipTrackModel
import ShipTrackReport

/// The last phase of a run, in two walks over the kept shipment rows (never their events):
///
/// 1. every order, in order ID order: its estimate from the kept carrier facts, its flags (saved, keeping the last
///    run's for change detection, in group commits), the summary's counts, `shipments.jsonl` streamed, and the
///    order's place in the morning report;
/// 2. only the orders the morning report lists, in the report's order (most urgent first): `report.html` and
///    `flagged.csv` streamed.
///
/// Memory stays flat: neither walk holds more than a page of orders.
struct ReportPass {
    let configuration: NightlyRunConfiguration
    let store: BatchStore
    let run: Int64
    let asOf: Date
    let folder: URL

    struct Totals {
        var shipments = 0
        var dispositions: [ShipmentDisposition: Int] = [:]
        var outcomes: [TrackingOutcome: Int] = [:]
        var byStatus: [String: Int] = [:]
        var byFlag: [DeliveryFlag.Kind: Int] = [:]
        var byRegion: [String: Int] = [:]
        var byCarrier: [String: Int] = [:]
        var bySource: [String: Int] = [:]
        var orders = RunSummary.OrderCounts(total: 0, delivered: 0, late: 0, multiParcel: 0)
        var failureKinds: [String: Int] = [:]
        var failureExamples: [String] = []
        var changes = RunSummary.ChangeCounts(
            newlyDelivered: 0, newlyLate: 0, newExceptions: 0, newlyRefundEligible: 0, newlyStalled: 0)
        var newProblems: [String] = []
        var calendarWarnings: Set<String> = []
        var sourceProblems: [SourceProblemKey: (count: Int, detail: String)] = [:]
        var statistics = ReportStatistics()
        var htmlBytes = 0
        var csvRows = 0
    }

    /// A source's problem, as the report groups them.
    struct SourceProblemKey: Hashable {
        let source: String
        let kind: SourceProblem.Kind
    }

    /// Walk 1: estimates, flags, counts and `shipments.jsonl` for every order; each order's place in the report is
    /// saved for walk 2.
    func countAndRank() throws -> Totals {
        var totals = Totals()
        let context = OrderView.Context(
            run: run, asOf: asOf, estimator: Estimator(policy: configuration.policy, countries: configuration.input.countries),
            registry: configuration.registry, acknowledgements: try store.acknowledgements())
        let jsonl = try ReportFile(folder.appendingPathComponent("shipments.jsonl"), mode: configuration.reportFileMode)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601

        // Walk 1: every order.
        var afterOrder: String?
        while true {
            let page = try store.shipmentsByOrder(run: run, afterOrder: afterOrder, limit: 500)
            guard let last = page.last else { break }
            afterOrder = last.orderID
            let newEvents = try store.newEventCounts(of: page.filter { $0.checkedRun == run }.map(\.id), run: run)
            var updates: [ReportUpdate] = []
            var buffer = ""
            for parcels in Self.orders(in: page) {
                let view = OrderView(parcels, newEvents: newEvents, context: context)
                count(view, into: &totals)
                let key = view.reportKey
                for (index, parcel) in parcels.enumerated() {
                    let estimate = view.parcelEstimates[index]
                    let boundaries = estimate.map {
                        PlanningRow.Boundaries(
                            estimate: $0,
                            graceEnds: configuration.policy.calendar.adding(
                                businessDays: configuration.policy.trackingGraceBusinessDays, to: $0.orderedOn)
                        ).json
                    } ?? "{}"
                    updates.append(
                        ReportUpdate(
                            shipmentID: parcel.id, flags: view.flags[index], boundaries: boundaries, group: key?.group,
                            rank: key?.rank))
                    buffer += String(decoding: try encoder.encode(line(parcel, view: view, index: index)), as: UTF8.self) + "\n"
                }
            }
            try jsonl.write(buffer)
            try store.saveReport(updates, run: run)
        }
        try jsonl.finish()
        return totals
    }

    /// Walk 2: the listed orders, most urgent first, into `report.html` and `flagged.csv`. The header is made from
    /// walk 1's totals (source problems, counts).
    func writeListed(header: ReportRun, totals: inout Totals) throws {
        let context = OrderView.Context(
            run: run, asOf: asOf, estimator: Estimator(policy: configuration.policy, countries: configuration.input.countries),
            registry: configuration.registry, acknowledgements: try store.acknowledgements())
        let html = try ReportFile(folder.appendingPathComponent("report.html"), mode: configuration.reportFileMode)
        let csv = try ReportFile(folder.appendingPathComponent("flagged.csv"), mode: configuration.reportFileMode)
        var page = try MorningReportWriter(
            sink: ReportFileSink(file: html), run: header, statistics: totals.statistics, templates: configuration.templates)
        var flagged = try FlaggedCSVWriter(
            sink: ReportFileSink(file: csv), run: header, layout: configuration.csvRows, templates: configuration.templates)
        var after: (group: Int, rank: Int, orderID: String)?
        while true {
            let listed = try store.listedShipments(run: run, after: after, limit: 500)
            guard !listed.isEmpty else { break }
            let newEvents = try store.newEventCounts(of: listed.filter { $0.checkedRun == run }.map(\.id), run: run)
            for parcels in Self.orders(in: listed) {
                let view = OrderView(parcels, newEvents: newEvents, context: context)
                guard let order = view.report else { continue }
                try page.add(order)
                try flagged.add(order)
            }
            // The stored place (what the walk is ordered by) says where to go on from.
            guard let last = listed.last, let group = last.reportGroup, let rank = last.reportRank else { break }
            after = (group, rank, last.orderID)
        }
        try page.finish(history: try history(tonight: totals.byFlag))
        try flagged.finish()
        try html.finish()
        try csv.finish()
        totals.htmlBytes = page.bytesWritten
        totals.csvRows = flagged.rows
    }

    /// Consecutive shipments of one order.
    static func orders(in page: [StoredShipment]) -> [[StoredShipment]] {
        var orders: [[StoredShipment]] = []
        var start = page.startIndex
        while start < page.endIndex {
            var end = start
            while end < page.endIndex, page[end].orderID == page[start].orderID { end += 1 }
            orders.append(Array(page[start..<end]))
            start = end
        }
        return orders
    }

    /// The flags of the last 30 nights, tonight's included.
    private func history(tonight: [DeliveryFlag.Kind: Int]) throws -> FlagHistory {
        let calendar = configuration.policy.calendar
        var nights = try store.flagHistory(limit: 29).map { night in
            FlagHistory.Night(
                day: calendar.day(of: night.asOf),
                counts: Dictionary(uniqueKeysWithValues: night.counts.compactMap { key, value in DeliveryFlag.Kind(rawValue: key).map { ($0, value) } }))
        }
        nights.append(FlagHistory.Night(day: calendar.day(of: asOf), counts: tonight))
        return FlagHistory(nights: nights)
    }

    private func count(_ view: OrderView, into totals: inout Totals) {
        totals.orders.total += 1
        if view.parcels.count > 1 { totals.orders.multiParcel += 1 }
        if let estimate = view.estimate {
            if estimate.isDelivered { totals.orders.delivered += 1 }
            if estimate.isLate { totals.orders.late += 1 }
            for warning in estimate.calendarWarnings { totals.calendarWarnings.insert(warning.description) }
        }
        if let report = view.report { totals.statistics.add(report) }
        for (index, parcel) in view.parcels.enumerated() {
            totals.shipments += 1
            let disposition = disposition(parcel)
            totals.dispositions[disposition, default: 0] += 1
            if parcel.checkedRun == run, let outcome = parcel.outcome { totals.outcomes[outcome, default: 0] += 1 }
            let status = parcel.trackingNumber.isEmpty ? "not_shipped" : parcel.status?.rawValue ?? (parcel.outcome == .notFound ? "not_found" : "unknown")
            totals.byStatus[status, default: 0] += 1
            let flags = view.flags[index]
            for flag in flags { totals.byFlag[flag, default: 0] += 1 }
            let estimate = view.parcelEstimates[index]
            let region = estimate?.destination.region?.rawValue ?? (estimate == nil ? "unknown" : "not_served")
            totals.byRegion[region, default: 0] += 1
            totals.byCarrier[parcel.carrier?.rawValue ?? "none", default: 0] += 1
            if parcel.checkedRun == run, let source = parcel.source { totals.bySource[source.rawValue, default: 0] += 1 }
            if disposition == .failed || disposition == .notChecked {
                let kind = parcel.failureKind ?? parcel.outcome?.rawValue ?? "not_checked"
                totals.failureKinds[kind, default: 0] += 1
                if totals.failureExamples.count < 20 {
                    totals.failureExamples.append("\(parcel.trackingNumber): \(parcel.outcomeDetail ?? kind)")
                }
            }
            if parcel.checkedRun == run, let outcome = parcel.outcome, let source = parcel.source,
                let kind = Self.problemKind(outcome, failureKind: parcel.failureKind)
            {
                let key = SourceProblemKey(source: source.rawValue, kind: kind)
                let previous = totals.sourceProblems[key]
                totals.sourceProblems[key] = ((previous?.count ?? 0) + 1, previous?.detail ?? parcel.outcomeDetail ?? outcome.label)
            }
            let previous = parcel.flagsRun == run ? parcel.previousFlags : parcel.flags
            let new = flags.subtracting(previous)
            if parcel.status == .delivered, parcel.checkedRun == run, parcel.previousStatus != .delivered {
                totals.changes.newlyDelivered += 1
            }
            if new.contains(.late) { totals.changes.newlyLate += 1 }
            if new.contains(.exception) { totals.changes.newExceptions += 1 }
            if new.contains(.refundEligible) { totals.changes.newlyRefundEligible += 1 }
            if new.contains(.stalled) { totals.changes.newlyStalled += 1 }
            if !new.isEmpty, totals.newProblems.count < 10 {
                let number = parcel.trackingNumber.isEmpty ? "not shipped" : parcel.trackingNumber
                totals.newProblems.append("order \(parcel.orderID) (\(number)): " + new.map(\.rawValue).sorted().joined(separator: ", "))
            }
        }
    }

    /// Outcomes that are a problem of the source, not of the parcel.
    static func problemKind(_ outcome: TrackingOutcome, failureKind: String?) -> SourceProblem.Kind? {
        switch outcome {
        case .notChecked where failureKind == "source_down": .unavailable
        case .blocked: .blocked
        case .unauthorized, .noSource: .unauthorized
        case .quotaExhausted: .quotaExhausted
        case .layoutPartlyNotRecognised: .layoutPartlyNotRecognised
        default: nil
        }
    }

    /// What happened to a shipment in this run.
    func disposition(_ parcel: StoredShipment) -> ShipmentDisposition {
        if parcel.trackingNumber.isEmpty { return .notShipped }
        if parcel.checkedRun == run, let outcome = parcel.outcome { return ShipmentDisposition(outcome, partial: parcel.timelinePartial) }
        if parcel.isFinal { return .skippedFinal }
        return .notChecked
    }

    /// One line of `shipments.jsonl`.
    private func line(_ parcel: StoredShipment, view: OrderView, index: Int) -> ShipmentLine {
        let estimate = view.parcelEstimates[index]
        let flags = view.flags[index]
        let previous = parcel.flagsRun == run ? parcel.previousFlags : parcel.flags
        return ShipmentLine(
            orderID: parcel.orderID, trackingNumber: parcel.trackingNumber.isEmpty ? nil : parcel.trackingNumber,
            carrier: parcel.carrier?.rawValue, destination: parcel.destination, region: estimate?.destination.region?.rawValue,
            inputLine: parcel.line, customerName: parcel.customerName, customerEmail: parcel.customerEmail,
            status: parcel.status?.rawValue, reason: parcel.reason?.rawValue, outcome: disposition(parcel).rawValue,
            trackingOutcome: parcel.checkedRun == run ? parcel.outcome : nil, failureKind: parcel.checkedRun == run ? parcel.failureKind : nil,
            outcomeDetail: parcel.checkedRun == run ? parcel.outcomeDetail : nil, source: parcel.source?.rawValue,
            attempts: parcel.checkedRun == run ? parcel.attempts : 0, lastCheckedAt: parcel.lastCheckedAt,
            flags: flags.map(\.rawValue).sorted(), newFlags: flags.subtracting(previous).map(\.rawValue).sorted(),
            lastEvent: parcel.lastEvent, estimate: estimate, estimateError: view.estimateError)
    }
}

/// One line of `shipments.jsonl`.
struct ShipmentLine: Encodable {
    let orderID: String
    let trackingNumber: String?
    let carrier: String?
    let destination: String
    let region: String?
    let inputLine: Int
    let customerName: String?
    let customerEmail: String?
    let status: String?
    let reason: String?
    /// What happened this run (`checked`, `failed`, `not_checked`, `skipped_final`, ...).
    let outcome: String
    /// The typed outcome of this run's check (`found`, `blocked`, `not_yet`, ...).
    let trackingOutcome: TrackingOutcome?
    let failureKind: String?
    let outcomeDetail: String?
    let source: String?
    let attempts: Int
    let lastCheckedAt: Date?
    let flags: [String]
    let newFlags: [String]
    let lastEvent: TrackingEvent?
    let estimate: ShipmentEstimate?
    let estimateError: String?

    enum CodingKeys: String, CodingKey {
        case carrier, destination, region, status, reason, outcome, attempts, flags, estimate, source
        case orderID = "order_id"
        case trackingNumber = "tracking_number"
        case inputLine = "input_line"
        case customerName = "customer_name"
        case customerEmail = "customer_email"
        case trackingOutcome = "tracking_outcome"
        case failureKind = "failure_kind"
        case outcomeDetail = "outcome_detail"
        case lastCheckedAt = "last_checked_at"
        case newFlags = "new_flags"
        case lastEvent = "last_event"
        case estimateError = "estimate_error"
    }
}
