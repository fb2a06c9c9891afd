public import Foundation

/// What a generated tracking page says about a parcel, derived from its number and the simulated date alone: the
/// simulator's pages, tests and the order generator all call the same derivation, so they always agree.
///
/// The derivation hashes the number (FNV-1a, then SplitMix64; never Swift's per-run `Hasher`), so a number has the
/// same life-cycle stage, destination and event count on every date, while its times move with the simulated date:
/// every event is placed before ``CalendarDay/startInChina`` of the simulated date.
public struct GeneratedParcel: Sendable, Hashable {
    /// The tracking number, normalised (upper case, no spaces).
    public var number: String
    /// The carrier the number belongs to: `usps`, `epacket` or `ems`.
    public var carrier: String
    /// Where the parcel is in its life cycle.
    public var stage: Stage
    /// The destination country, ISO 3166-1 alpha-2.
    public var destination: String
    /// When a label or electronic information event was printed, if the timeline has one.
    public var labelCreatedAt: Date?
    /// The carrier's acceptance scan: the hand-over. For stages without one (`not_found`, `pending`,
    /// `info_received`) the moment the parcel was, or would have been, handed over, so that orders can be placed
    /// before it.
    public var acceptedAt: Date
    /// The newest event of the whole timeline, or `nil` when the carrier shows none.
    public var lastEventAt: Date?
    /// The events of the whole timeline: both legs of a two-leg ePacket, with the scans they share counted once.
    public var eventCount: Int
    /// The status a reader of the page(s) must find: a `TrackingStatus` raw value (`delivered`, `in_transit`, ...)
    /// or `not_found` when the carrier does not know the number.
    public var status: String
    /// The reason a reader must find with ``status`` (`customs_hold`, `notice_left`, ...), if any.
    public var reason: String?
    /// The carrier that tracks the second leg (`usps` for an ePacket to the US), if any.
    public var followOnCarrier: String?
    /// The simulated date the times are relative to.
    public var simulatedDate: CalendarDay

    /// Whether the timeline is expected to hold 10 to 30 events (stages from the arrival in the destination
    /// country on, and stalled parcels).
    public var hasHistory: Bool {
        self.stage.hasHistory
    }

    /// Derives the parcel for `number` (spaces, dashes and case ignored), or `nil` when it is not a valid ePacket
    /// (`L?…CN`), EMS (`E?…CN`) or USPS IMpb number with a correct check digit.
    public init?(number: String, simulatedDate: CalendarDay) {
        guard let plan = ParcelPlan(number: GeneratedCarrier.normalize(number), simulatedDate: simulatedDate) else {
            return nil
        }
        self.init(plan: plan)
    }

    init(plan: ParcelPlan) {
        self.number = plan.number
        self.carrier = plan.carrier.rawValue
        self.stage = plan.stage
        self.destination = plan.destination.code
        self.labelCreatedAt = plan.labelAt.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        self.acceptedAt = Date(timeIntervalSince1970: TimeInterval(plan.acceptedAt))
        self.lastEventAt = plan.lastEventAt.map { Date(timeIntervalSince1970: TimeInterval($0)) }
        self.eventCount = plan.steps.count
        let expected = plan.expectedStatus
        self.status = expected.status
        self.reason = expected.reason
        self.followOnCarrier = plan.isTwoLeg ? GeneratedCarrier.usps.rawValue : nil
        self.simulatedDate = plan.simulatedDate
    }
}

extension GeneratedParcel {
    /// A parcel's place in its life cycle. Across many numbers every stage occurs; see ``share``.
    public enum Stage: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// The carrier does not know the number.
        case notFound = "not_found"
        /// The carrier knows the number but shows no events yet (China Post and EMS only).
        case pending
        /// Only a label or electronic information: the carrier does not have the parcel yet.
        case infoReceived = "info_received"
        /// Just accepted by the carrier.
        case accepted
        /// Moving through the origin country's sorting centers.
        case sorting
        /// Handed over to an airline.
        case withAirline = "with_airline"
        /// Arrived in the destination country.
        case arrivedAtDestination = "arrived_at_destination"
        /// Presented to import customs (still in transit).
        case inCustoms = "in_customs"
        /// In transit, but the last event is 12 to 30 days before the simulated date.
        case stalled
        /// On the vehicle for delivery.
        case outForDelivery = "out_for_delivery"
        /// Delivered.
        case delivered
        /// A delivery attempt failed (USPS: a notice was left).
        case attemptFailed = "attempt_failed"
        /// Waiting at a post office.
        case availableForPickup = "available_for_pickup"
        /// Held by customs: an exception.
        case customsHold = "customs_hold"
        /// On its way back to the sender.
        case returning
        /// Delivered back to the sender.
        case returned

        public var description: String {
            self.rawValue
        }

        /// Whether a timeline in this stage holds 10 to 30 events.
        public var hasHistory: Bool {
            switch self {
            case .notFound, .pending, .infoReceived, .accepted, .sorting, .withAirline: false
            case .arrivedAtDestination, .inCustoms, .stalled, .outForDelivery, .delivered, .attemptFailed,
                .availableForPickup, .customsHold, .returning, .returned:
                true
            }
        }

        /// The share of ePacket and EMS numbers in this stage, in thousandths. USPS numbers have no `pending`
        /// (USPS shows "Label Created" instead), no customs stages and no airline stage: those shares go to
        /// `info_received`, `delivered` and `sorting`.
        public var share: Int {
            switch self {
            case .notFound: 30
            case .pending: 40
            case .infoReceived: 45
            case .accepted: 30
            case .sorting: 35
            case .withAirline: 45
            case .arrivedAtDestination: 50
            case .inCustoms: 35
            case .stalled: 50
            case .outForDelivery: 30
            case .delivered: 450
            case .attemptFailed: 35
            case .availableForPickup: 35
            case .customsHold: 30
            case .returning: 35
            case .returned: 25
            }
        }
    }
}
