import Foundation
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackModel
import ShipTrackReport

/// One order as the report pass sees it: its parcels' kept rows, their estimate from the kept carrier facts (never
/// from a guess, never from a second read of their events), their flags, and the morning report's view of it.
struct OrderView {
    let parcels: [StoredShipment]
    let estimate: OrderEstimate?
    let estimateError: String?
    /// Each parcel's flags, in parcel order.
    let flags: [Set<DeliveryFlag.Kind>]
    /// Each parcel's own estimate, in parcel order.
    let parcelEstimates: [ShipmentEstimate?]
    let report: ReportOrder?

    /// The context the views are built in.
    struct Context {
        let run: Int64
        let asOf: Date
        let estimator: Estimator
        let registry: CarrierRegistry
        let acknowledgements: [String: [DeliveryFlag.Kind: StoredAcknowledgement]]
    }

    init(_ parcels: [StoredShipment], newEvents: [Int64: Int], context: Context) {
        self.parcels = parcels
        let first = parcels[0]
        let facts = OrderFacts(
            orderedAt: first.orderedAt, destination: first.destination,
            parcels: parcels.map { parcel in
                parcel.trackingNumber.isEmpty
                    ? ParcelFacts(shippedAt: parcel.shippedAt)
                    : ParcelFacts(shippedAt: parcel.shippedAt, trackingNumber: parcel.trackingNumber, tracking: parcel.trackingState)
            })
        var estimate: OrderEstimate?
        var estimateError: String?
        do { estimate = try context.estimator.estimateOrder(facts, now: context.asOf) } catch { estimateError = "\(error)" }
        self.estimate = estimate
        self.estimateError = estimateError
        let parcelEstimates = parcels.indices.map { index in estimate.flatMap { index < $0.parcels.count ? $0.parcels[index] : nil } }
        self.parcelEstimates = parcelEstimates
        flags = parcelEstimates.map { Set($0?.flags.map(\.kind) ?? []) }
        report = estimate.map { Self.reportOrder($0, parcels: parcels, estimates: parcelEstimates, newEvents: newEvents, context: context) }
    }

    /// The morning report's view: each flag's state since the last run (new, still open, handled, cleared), each
    /// parcel's check, what changed.
    private static func reportOrder(
        _ estimate: OrderEstimate, parcels: [StoredShipment], estimates: [ShipmentEstimate?], newEvents: [Int64: Int],
        context: Context
    ) -> ReportOrder {
        let first = parcels[0]
        var current = Set<DeliveryFlag.Kind>()
        var previous = Set<DeliveryFlag.Kind>()
        for parcel in parcels {
            // Before this run saved its flags, the stored ones are the previous run's.
            previous.formUnion(parcel.flagsRun == context.run ? parcel.previousFlags : parcel.flags)
        }
        for flag in estimate.flags { current.insert(flag.kind) }
        let stateKey = BatchStore.stateKey(
            flags: current, statuses: parcels.map { ($0.trackingNumber, $0.status?.rawValue ?? "") })
        let acknowledged = context.acknowledgements[first.orderID] ?? [:]
        var flags: [ReportFlag] = estimate.flags.map { flag in
            if let acknowledgement = acknowledged[flag.kind], acknowledgement.stateKey == stateKey {
                return ReportFlag(flag, state: .handled(Acknowledgement(note: acknowledgement.note, at: acknowledgement.at, by: acknowledgement.by)))
            }
            return ReportFlag(flag, state: previous.contains(flag.kind) ? .stillOpen : .new)
        }
        // A flag that needed action and is gone (delivered at last, refund window closed) is reported once.
        for kind in previous.subtracting(current).sorted(by: { $0.rawValue < $1.rawValue }) where ActionGroup(kind) != nil {
            flags.append(.cleared(kind))
        }
        var changes: [ReportChange] = []
        for (parcel, estimate) in zip(parcels, estimates) {
            let name = estimate?.parcel ?? (parcel.trackingNumber.isEmpty ? nil : parcel.trackingNumber)
            if let count = newEvents[parcel.id] { changes.append(.newEvents(parcel: name, count: count)) }
            if parcel.checkedRun == context.run, let status = parcel.status, parcel.previousStatus != status {
                changes.append(
                    .statusChanged(
                        parcel: name, from: parcel.previousStatus.map { ParcelStatus($0) }, to: ParcelStatus(status, reason: parcel.reason)))
            }
        }
        let reportParcels: [ReportParcel] = zip(parcels, estimates).compactMap { parcel, estimate in
            guard let estimate else { return nil }
            let page = parcel.carrier.flatMap { context.registry.carriers[$0]?.trackingPage }
            let url = page.flatMap { template in
                parcel.trackingNumber.isEmpty ? nil
                    : URL(string: template.replacingOccurrences(of: "{number}", with: SourceEngine.percentEncode(parcel.trackingNumber)))
            }
            return ReportParcel(
                estimate: estimate, carrier: parcel.carrier, trackingURL: url, lastEvent: parcel.lastEvent,
                lastEventEnglish: parcel.lastEvent?.meaning, check: checkState(parcel, run: context.run))
        }
        return ReportOrder(
            orderID: first.orderID, customerName: first.customerName, customerEmail: first.customerEmail, estimate: estimate,
            parcels: reportParcels, flags: flags, changes: changes)
    }

    /// How a parcel's check went this run, for people.
    static func checkState(_ parcel: StoredShipment, run: Int64) -> CheckState {
        if parcel.trackingNumber.isEmpty { return .notShipped }
        guard parcel.checkedRun == run, let outcome = parcel.outcome else {
            return parcel.isFinal ? .final(lastCheckedAt: parcel.lastCheckedAt) : .notChecked(.deadline, lastCheckedAt: parcel.lastCheckedAt)
        }
        if parcel.timelinePartial {
            return .notChecked(.fetchFailed(parcel.outcomeDetail ?? "a leg could not be read"), lastCheckedAt: parcel.lastCheckedAt)
        }
        let detail = parcel.outcomeDetail ?? outcome.label
        switch outcome {
        case .found, .layoutPartlyNotRecognised, .notFound, .notYet:
            return .checked(at: parcel.lastCheckedAt ?? parcel.lastAttemptAt ?? Date())
        case .blocked: return .notChecked(.sourceProblem(.blocked), lastCheckedAt: parcel.lastCheckedAt)
        case .unauthorized, .noSource: return .notChecked(.sourceProblem(.unauthorized), lastCheckedAt: parcel.lastCheckedAt)
        case .quotaExhausted: return .notChecked(.sourceProblem(.quotaExhausted), lastCheckedAt: parcel.lastCheckedAt)
        case .layoutNotRecognised: return .notChecked(.pageNotRecognised(detail), lastCheckedAt: parcel.lastCheckedAt)
        case .rateLimited, .carrierError, .fetchFailed, .invalidInput:
            return .notChecked(.fetchFailed(detail), lastCheckedAt: parcel.lastCheckedAt)
        case .notChecked:
            switch parcel.failureKind {
            case "quota": return .notChecked(.quota(detail), lastCheckedAt: parcel.lastCheckedAt)
            case "source_paused": return .notChecked(.sourceAskedToWait(detail), lastCheckedAt: parcel.lastCheckedAt)
            case "source_down": return .notChecked(.sourceProblem(.unavailable), lastCheckedAt: parcel.lastCheckedAt)
            default: return .notChecked(.deadline, lastCheckedAt: parcel.lastCheckedAt)
            }
        }
    }

    /// Where the order goes in report.html: its section and rank, or `nil` when it is only counted.
    var reportKey: (group: Int, rank: Int)? {
        guard let report else { return nil }
        switch report.placement {
        case .action(let urgency): return (urgency.group.rawValue, urgency.rank)
        case .handled: return (1_000, 0)
        case .none: return report.clearedFlags.isEmpty ? nil : (2_000, 0)
        }
    }
}
