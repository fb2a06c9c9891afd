import Foundation
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
}

/// A shipment due for fetching this run.
struct DueShipment: Sendable {
    let id: Int64
    let trackingNumber: String
    let carrier: CarrierID
    let destination: String
}

/// Everything stored about a shipment, with its events, for estimates and reports.
struct StoredShipment: Sendable {
    let id: Int64
    let orderID: String
    let trackingNumber: String
    let carrier: CarrierID?
    let destination: String
    let orderedAt: Date
    let shippedAt: Date?
    let line: Int
    let status: TrackingStatus?
    let reason: StatusReason?
    let checkedRun: Int64?
    /// `checked`, `not_found`, `failed`, `not_checked` for the run that last tried it.
    let outcome: String?
    let outcomeDetail: String?
    let attempts: Int
    /// Why the last failure failed (`fetch_failed`, `page_not_recognised`, `deadline`), from the error itself.
    let outcomeCategory: String?
    let flags: Set<String>
    let flagsRun: Int64?
    let previousStatus: TrackingStatus?
    let previousFlags: Set<String>
    let events: [TrackingEvent]
}
