public import Foundation
public import ShipTrackModel

/// Something about a shipment a person should act on, with the dates behind it and a sentence saying why.
///
/// The ``facts`` are what the estimator found; ``reason`` is built from them when read, so a batch that only counts
/// flags never pays for the sentences. Exact rules: `docs/estimator.md`.
public struct DeliveryFlag: Hashable, Sendable, CustomStringConvertible {
    /// The kinds of flag, with their stable snake_case names.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Not delivered and past the latest promised date.
        case late
        /// Ordered more than the tracking grace ago, and the carrier has no information or does not know the number.
        case noTracking = "no_tracking"
        /// Past the processing window with no tracking number and no shipment at all.
        case awaitingShipment = "awaiting_shipment"
        /// Moving, but no new carrier event for the policy's number of days.
        case stalled
        /// The carrier reports a problem: customs hold, failed delivery, return to sender, lost, damaged.
        case exception
        /// Not delivered within the guarantee: the customer may ask for a refund or a reshipment.
        case refundEligible = "refund_eligible"
        /// The last days of the refund request window.
        case refundWindowClosing = "refund_window_closing"
        /// Delivered after the latest promised date.
        case deliveredLate = "delivered_late"
        /// The destination is outside the table of served countries.
        case notServed = "not_served"
        /// Younger than the cancellation window and not shipped: the customer may still cancel.
        case cancellable
    }

    /// What the carrier (or the store) says about a parcel the carrier cannot report on.
    public enum CarrierAnswer: String, Hashable, Sendable, Codable {
        /// The parcel was recorded as shipped without a tracking number.
        case noTrackingNumber = "no_tracking_number"
        /// The carrier does not know the number.
        case notFound = "not_found"
        /// The carrier knows the number but has no events ("no information available at the moment").
        case noInformation = "no_information"
    }

    /// The findings behind a flag, one case per kind.
    public enum Facts: Hashable, Sendable {
        /// `late`: today is `daysLate` calendar days (`businessDaysLate` business days) after `latestPromised`.
        case late(latestPromised: CalendarDay, daysLate: Int, businessDaysLate: Int)
        /// `no_tracking`: the grace of `graceBusinessDays` after the order day ended on `graceEndedOn`.
        case noTracking(
            orderedOn: CalendarDay, graceEndedOn: CalendarDay, graceBusinessDays: Int, answer: CarrierAnswer)
        /// `awaiting_shipment`: the processing window ended on `processingDeadline`.
        case awaitingShipment(orderedOn: CalendarDay, processingDeadline: CalendarDay)
        /// `stalled`: the newest event, on `lastEventOn`, is `daysWithoutEvent` days old (limit: `limitDays`).
        case stalled(status: TrackingStatus, lastEventOn: CalendarDay, daysWithoutEvent: Int, limitDays: Int)
        /// `exception`: the newest event's status and reason, and whether the policy refuses a refund for it.
        case exception(status: TrackingStatus, reason: StatusReason?, since: CalendarDay, refundExcluded: Bool)
        /// `refund_eligible`: the guarantee ran from the day after `guaranteeStartedOn` (the hand-over or the end
        /// of processing, as `guaranteeClock` says) to `guaranteeEndedOn`; requests are accepted until
        /// `refundWindowClosesOn`.
        case refundEligible(
            guaranteeStartedOn: CalendarDay, guaranteeClock: ShipmentEstimate.Guarantee.Clock,
            guaranteeEndedOn: CalendarDay, guaranteeDays: Int,
            dayKind: StorePolicy.DayKind, refundWindowClosesOn: CalendarDay)
        /// `refund_window_closing`: `daysLeft` days including today until `refundWindowClosesOn`.
        case refundWindowClosing(refundWindowClosesOn: CalendarDay, daysLeft: Int)
        /// `delivered_late`: delivered on `deliveredOn`, after `latestPromised`.
        case deliveredLate(latestPromised: CalendarDay, deliveredOn: CalendarDay, daysLate: Int, businessDaysLate: Int)
        /// `not_served`: the store does not ship to `country`.
        case notServed(country: ResolvedCountry)
        /// `cancellable`: ordered at `orderedAt`; the customer may cancel until `cancellableUntil`.
        case cancellable(orderedAt: Date, cancellableUntil: Date)
    }

    /// The findings.
    public let facts: Facts
    /// The parcel the flag is about, in an order's flags (its tracking number, or `parcel 2`); `nil` for a single
    /// shipment and for flags about the whole order.
    public var parcel: String?

    public init(_ facts: Facts, parcel: String? = nil) {
        self.facts = facts
        self.parcel = parcel
    }

    /// The kind of flag.
    public var kind: Kind {
        switch facts {
        case .late: .late
        case .noTracking: .noTracking
        case .awaitingShipment: .awaitingShipment
        case .stalled: .stalled
        case .exception: .exception
        case .refundEligible: .refundEligible
        case .refundWindowClosing: .refundWindowClosing
        case .deliveredLate: .deliveredLate
        case .notServed: .notServed
        case .cancellable: .cancellable
        }
    }

    /// `late (LX123456789CN): Not delivered, ...`.
    public var description: String {
        parcel.map { "\(kind.rawValue) (\($0)): \(reason)" } ?? "\(kind.rawValue): \(reason)"
    }
}
