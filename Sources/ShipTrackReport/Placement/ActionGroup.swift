public import ShipTrackEstimate

/// The groups of the action list, in the order a person should work through them: money first (refund windows
/// closing, then open), then parcels in trouble, then parcels only slow, then what the run could not see.
public enum ActionGroup: Int, CaseIterable, Comparable, Hashable, Sendable {
    /// The last days to ask for a refund or reshipment.
    case refundWindowClosing
    /// Not delivered within the guarantee: the customer may ask for a refund or reshipment.
    case refundEligible
    /// The carrier reports a problem: customs, return, failed delivery, loss.
    case exception
    /// No tracking information after the grace period.
    case noTracking
    /// Past the latest promised date.
    case late
    /// No carrier event for days.
    case stalled
    /// Past the processing window and not shipped.
    case awaitingShipment
    /// The store does not ship to the destination; the policy says the store contacts the customer.
    case notServed
    /// The carrier could not be asked this run: nothing else is known to be wrong.
    case notChecked

    /// The group of a flag kind, or `nil` for kinds that need no action (`delivered_late`, `cancellable`).
    public init?(_ kind: DeliveryFlag.Kind) {
        switch kind {
        case .refundWindowClosing: self = .refundWindowClosing
        case .refundEligible: self = .refundEligible
        case .exception: self = .exception
        case .noTracking: self = .noTracking
        case .late: self = .late
        case .stalled: self = .stalled
        case .awaitingShipment: self = .awaitingShipment
        case .notServed: self = .notServed
        case .deliveredLate, .cancellable: return nil
        }
    }

    /// The flag kind behind the group; `nil` for ``notChecked``.
    public var kind: DeliveryFlag.Kind? {
        switch self {
        case .refundWindowClosing: .refundWindowClosing
        case .refundEligible: .refundEligible
        case .exception: .exception
        case .noTracking: .noTracking
        case .late: .late
        case .stalled: .stalled
        case .awaitingShipment: .awaitingShipment
        case .notServed: .notServed
        case .notChecked: nil
        }
    }

    /// Stable identifier: the flag kind's name, or `not_checked` (page anchors, the `#flag=` filter).
    public var id: String { kind?.rawValue ?? "not_checked" }

    /// The heading.
    public var title: String {
        switch self {
        case .refundWindowClosing: "Refund window closing"
        case .refundEligible: "Refund eligible"
        case .exception: "Problems reported by the carrier"
        case .noTracking: "No tracking information"
        case .late: "Late"
        case .stalled: "Stalled"
        case .awaitingShipment: "Awaiting shipment"
        case .notServed: "Destination not served"
        case .notChecked: "Not checked"
        }
    }

    /// What to do, in one or two sentences under the heading.
    public var whatToDo: String {
        switch self {
        case .refundWindowClosing:
            "The customer can ask for a refund or a reshipment for only a few more days. Write today so they "
                + "do not lose it; most urgent first."
        case .refundEligible:
            "The 45-day delivery guarantee has passed. Offer a refund or a reshipment, requested through the "
                + "Contact Us page before the refund window closes."
        case .exception:
            "Customs, a failed delivery, a return or a loss. Check the carrier's page, tell the customer what to do, "
                + "and note that the policy refunds no parcel held by customs or lost to a wrong address."
        case .noTracking:
            "The carrier still knows nothing after the grace period. Check the number with the warehouse before "
                + "the customer asks."
        case .late:
            "Past the latest promised date and not delivered. Tell the customer it is on its way, and until when the "
                + "guarantee runs."
        case .stalled:
            "No carrier scan for days. Check the carrier's page; ask the carrier or the warehouse if it stays silent."
        case .awaitingShipment:
            "The processing window has ended and nothing has shipped. Ask the warehouse, then tell the customer."
        case .notServed:
            "The store does not ship there. Contact the customer, as the policy promises: cancel and refund, or "
                + "agree on another address."
        case .notChecked:
            "The carrier could not be asked this run, so these orders may hide a problem. Nothing to tell the "
                + "customer: open the tracking page if it matters, or wait for the next run."
        }
    }

    public static func < (lhs: ActionGroup, rhs: ActionGroup) -> Bool { lhs.rawValue < rhs.rawValue }
}
