public import Foundation
public import ShipTrackEstimate

/// One order as the morning report shows it: who, where, its parcels with what the carrier said, its flags with
/// their state since the last run, and what changed.
public struct ReportOrder: Sendable {
    /// The store's order number, as the order file wrote it. Hostile input: the report escapes it everywhere.
    public var orderID: String
    /// The customer's name, when the order file has it. Hostile input, like every text of the order file.
    public var customerName: String?
    /// The customer's e-mail address, when the order file has it.
    public var customerEmail: String?
    /// The destination as the country table resolved it.
    public var destination: ResolvedCountry
    /// When the order was placed.
    public var orderedAt: Date
    /// The window the customer was promised; `nil` when the destination is not served.
    public var promised: DayWindow?
    /// The parcels, in the order of the order's estimate.
    public var parcels: [ReportParcel]
    /// Every flag raised today (new, still open or handled) and every flag that cleared since the last run.
    public var flags: [ReportFlag]
    /// What changed since the last run besides new flags (those are ``ReportFlag/State/new``).
    public var changes: [ReportChange]

    public init(
        orderID: String, customerName: String? = nil, customerEmail: String? = nil, destination: ResolvedCountry,
        orderedAt: Date, promised: DayWindow?, parcels: [ReportParcel], flags: [ReportFlag],
        changes: [ReportChange] = []
    ) {
        self.orderID = orderID
        self.customerName = customerName
        self.customerEmail = customerEmail
        self.destination = destination
        self.orderedAt = orderedAt
        self.promised = promised
        self.parcels = parcels
        self.flags = flags
        self.changes = changes
    }

    /// An order from its estimate: the destination, order time and promise come from `estimate`; `parcels` carry
    /// each parcel's own estimate (normally `estimate.parcels`, in the same order) with what the carrier said.
    public init(
        orderID: String, customerName: String? = nil, customerEmail: String? = nil, estimate: OrderEstimate,
        parcels: [ReportParcel], flags: [ReportFlag], changes: [ReportChange] = []
    ) {
        self.init(
            orderID: orderID, customerName: customerName, customerEmail: customerEmail,
            destination: estimate.destination, orderedAt: estimate.orderedAt, promised: estimate.promised,
            parcels: parcels, flags: flags, changes: changes)
    }

    /// Whether every parcel is delivered.
    public var isDelivered: Bool { !parcels.isEmpty && parcels.allSatisfy { $0.estimate.isDelivered } }

    /// The guarantee of the first parcel not yet delivered (of the last parcel once all are): its end and the
    /// refund window are the dates a customer asks about. Every parcel of an order has the same guarantee under the
    /// published policy (it starts when processing ends).
    public var guarantee: ShipmentEstimate.Guarantee? {
        (parcels.first { !$0.estimate.isDelivered } ?? parcels.last)?.estimate.guarantee
    }

    /// The parcel a flag names (by ``ShipmentEstimate/parcel``), or the first parcel for a flag about the order.
    public func parcel(named name: String?) -> ReportParcel? {
        guard let name else { return parcels.first }
        return parcels.first { $0.estimate.parcel == name || $0.estimate.trackingNumber == name } ?? parcels.first
    }
}
