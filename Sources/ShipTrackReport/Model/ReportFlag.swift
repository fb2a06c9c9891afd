public import Foundation
public import ShipTrackEstimate

/// A flag of an order with its state since the last run.
public struct ReportFlag: Hashable, Sendable {
    /// Where a flag stands since the last run.
    public enum State: Hashable, Sendable {
        /// Raised this run, not by the previous one.
        case new
        /// Raised by the previous run too, and not acknowledged.
        case stillOpen
        /// Acknowledged by the store (`shiptrack ack`): shown under "Handled", not in the action list, unless the
        /// order changed since the last run (see ``ReportChange/reopensHandledFlags``).
        case handled(Acknowledgement)
        /// Raised by the previous run, not by this one: listed once under "Cleared".
        case cleared
    }

    /// The kind of flag.
    public let kind: DeliveryFlag.Kind
    /// The parcel it is about (tracking number or `parcel 2`), `nil` for the whole order.
    public let parcel: String?
    /// Today's flag with its typed facts; `nil` for a cleared flag (it is no longer raised).
    public let raised: DeliveryFlag?
    /// Where it stands.
    public let state: State

    /// A flag raised this run, with its state.
    public init(_ flag: DeliveryFlag, state: State) {
        self.kind = flag.kind
        self.parcel = flag.parcel
        self.raised = flag
        self.state = state
    }

    /// A flag the previous run raised and this one did not.
    public static func cleared(_ kind: DeliveryFlag.Kind, parcel: String? = nil) -> ReportFlag {
        ReportFlag(kind: kind, parcel: parcel)
    }

    private init(kind: DeliveryFlag.Kind, parcel: String?) {
        self.kind = kind
        self.parcel = parcel
        self.raised = nil
        self.state = .cleared
    }

    /// Whether the flag is raised today (new, still open or handled).
    public var isRaised: Bool { raised != nil && state != .cleared }

    /// The acknowledgement, for a handled flag.
    public var acknowledgement: Acknowledgement? {
        if case .handled(let acknowledgement) = state { return acknowledgement }
        return nil
    }
}

/// The store's note that it took care of a flag (`shiptrack ack ORDER FLAG --note ...`).
public struct Acknowledgement: Hashable, Sendable {
    /// What the store did or decided (`Emailed the customer, offered reshipment`). Hostile input: escaped.
    public var note: String
    /// When it was acknowledged.
    public var at: Date
    /// Who acknowledged it, when known.
    public var by: String?

    public init(note: String, at: Date, by: String? = nil) {
        self.note = note
        self.at = at
        self.by = by
    }
}

/// Something about an order that changed since the last run, besides new flags.
public enum ReportChange: Hashable, Sendable {
    /// The carrier reported `count` new events for a parcel (by its name in the order, `nil` for a single parcel).
    case newEvents(parcel: String?, count: Int)
    /// A parcel's status changed (`from` is `nil` when it had none: first answer from the carrier).
    case statusChanged(parcel: String?, from: ParcelStatus?, to: ParcelStatus)

    /// Whether this change brings an order's handled flags back into the action list. A new status does: what the
    /// store decided may no longer fit. New events with the same status (one more transit scan) do not, or a moving
    /// late parcel would come back every morning.
    public var reopensHandledFlags: Bool {
        switch self {
        case .newEvents: false
        case .statusChanged: true
        }
    }
}
