import Foundation
import ShipTrackEstimate
import ShipTrackModel

/// A shipment row read from an order file, ready to be stored.
struct ImportedShipment: Sendable {
    let orderID: String
    /// Normalised; empty when the order has not shipped.
    let trackingNumber: String
    let carrier: CarrierID?
    /// ISO alpha-2.
    let destination: String
    let orderedAt: Date
    let shippedAt: Date?
    let line: Int
    let customerName: String?
    let customerEmail: String?
}

/// A shipment due for checking this run.
struct DueShipment: Sendable {
    let id: Int64
    let trackingNumber: String
    let carrier: CarrierID
    let destination: String
    let orderedAt: Date
}

/// Everything kept about a shipment between nights, for its estimate and the reports: a compact row, never its
/// events (the newest is kept beside it).
struct StoredShipment: Sendable {
    let id: Int64
    let orderID: String
    let trackingNumber: String
    let carrier: CarrierID?
    let destination: String
    let orderedAt: Date
    let shippedAt: Date?
    let line: Int
    let customerName: String?
    let customerEmail: String?
    let status: TrackingStatus?
    let reason: StatusReason?
    let isFinal: Bool
    /// The run that last tried it, and how that ended.
    let checkedRun: Int64?
    let outcome: TrackingOutcome?
    let failureKind: String?
    let outcomeDetail: String?
    let attempts: Int
    let source: SourceID?
    /// When a carrier last answered for it, and when it was last tried.
    let lastCheckedAt: Date?
    let lastAttemptAt: Date?
    /// The carrier's answer kept for the estimate (`nil` until a carrier answered).
    let facts: TrackingFacts?
    let timelinePartial: Bool
    let flags: Set<DeliveryFlag.Kind>
    let flagsRun: Int64?
    let previousStatus: TrackingStatus?
    let previousFlags: Set<DeliveryFlag.Kind>
    let lastEvent: TrackingEvent?
    /// The order's place in tonight's morning report, as the report pass saved it.
    let reportGroup: Int?
    let reportRank: Int?

    /// What the estimator may believe about the parcel: the carrier's kept answer, "not found", or nothing at all
    /// (never a guess from a check that failed).
    var trackingState: TrackingState {
        if let facts { return .facts(facts) }
        if outcome == .notFound { return .notFound }
        return .notFetched
    }
}

/// Flags stored as one text column: `,late,stalled,` (leading and trailing commas make `LIKE '%,late,%'` exact).
enum FlagSet {
    static func parse(_ text: String?) -> Set<DeliveryFlag.Kind> {
        Set((text ?? "").split(separator: ",").compactMap { DeliveryFlag.Kind(rawValue: String($0)) })
    }

    static func format(_ flags: Set<DeliveryFlag.Kind>) -> String {
        flags.isEmpty ? "" : "," + flags.map(\.rawValue).sorted().joined(separator: ",") + ","
    }
}
