public import Foundation

/// The estimate for an order shipped as one or more parcels.
///
/// An order is delivered only when every parcel is; it is late if any parcel is; its flags are the union of its
/// parcels' flags, each naming its parcel, except `not_served` and `cancellable`, which are about the whole order
/// and appear once without a parcel (`cancellable` only while no parcel has shipped).
public struct OrderEstimate: Hashable, Sendable {
    /// The destination as resolved.
    public var destination: ResolvedCountry
    /// When the order was placed.
    public var orderedAt: Date
    /// The day the order was placed, in the store's zone.
    public var orderedOn: CalendarDay
    /// The "now" of the estimate.
    public var asOf: Date
    /// The window the customer was promised (the same for every parcel); `nil` when not served.
    public var promised: DayWindow?
    /// Each parcel's estimate, named in ``ShipmentEstimate/parcel``.
    public var parcels: [ShipmentEstimate]
    /// The union of the parcels' flags, each naming its parcel.
    public var flags: [DeliveryFlag]

    /// Whether every parcel is delivered.
    public var isDelivered: Bool { parcels.allSatisfy(\.isDelivered) }
    /// The day the last parcel was delivered, once all are.
    public var deliveredOn: CalendarDay? {
        isDelivered ? parcels.compactMap(\.deliveredOn).max() : nil
    }
    /// Whether any parcel is late.
    public var isLate: Bool { parcels.contains(where: \.isLate) }
    /// Once every parcel is delivered: whether all arrived by the latest promised date.
    public var keptPromise: Bool? {
        guard isDelivered, promised != nil else { return nil }
        return parcels.allSatisfy { $0.keptPromise == true }
    }

    /// The parcels' calendar warnings, one per year, oldest first: years whose business days some date of the
    /// order was counted through without an official holiday list.
    public var calendarWarnings: [CalendarWarning] {
        var byYear: [Int: CalendarWarning] = [:]
        for parcel in parcels {
            for warning in parcel.calendarWarnings where byYear[warning.year] == nil { byYear[warning.year] = warning }
        }
        return byYear.keys.sorted().compactMap { byYear[$0] }
    }

    /// Whether some date of the order was counted through a year without an official holiday list.
    public var hasCalendarWarnings: Bool { parcels.contains(where: \.hasCalendarWarnings) }

    /// Whether a flag of `kind` is raised for any parcel or the order.
    public func has(_ kind: DeliveryFlag.Kind) -> Bool { flags.contains { $0.kind == kind } }
}

extension OrderEstimate: Encodable {
    enum CodingKeys: String, CodingKey {
        case destination
        case orderedAt = "ordered_at"
        case orderedOn = "ordered_on"
        case asOf = "as_of"
        case promised, delivered
        case deliveredOn = "delivered_on"
        case late
        case keptPromise = "kept_promise"
        case flags, parcels
        case calendarWarnings = "calendar_warnings"
    }

    /// Stable snake_case keys; days as `YYYY-MM-DD`, instants as ISO 8601 UTC, absent values `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(destination, forKey: .destination)
        try container.encode(ISOTimestamp.utc(orderedAt), forKey: .orderedAt)
        try container.encode(orderedOn, forKey: .orderedOn)
        try container.encode(ISOTimestamp.utc(asOf), forKey: .asOf)
        try container.encode(promised, forKey: .promised)
        try container.encode(isDelivered, forKey: .delivered)
        try container.encode(deliveredOn, forKey: .deliveredOn)
        try container.encode(isLate, forKey: .late)
        try container.encode(keptPromise, forKey: .keptPromise)
        try container.encode(calendarWarnings, forKey: .calendarWarnings)
        try container.encode(flags, forKey: .flags)
        try container.encode(parcels, forKey: .parcels)
    }
}
