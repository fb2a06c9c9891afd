/// One scan of a generated timeline, by meaning. Each page renderer turns it into its carrier's own words, chosen
/// from the phrases the carrier's definition (`Carriers/*.json`) maps to the intended status.
enum TimelineStep: UInt8, Sendable, Hashable {
    /// A label, or electronic information from the sender: `info_received`.
    case label
    /// The carrier accepts the parcel: the hand-over.
    case accepted
    /// Arrival at and departure from a sorting center in China (filler scans).
    case originArrive
    case originDepart
    /// USPS: arrival at the regional origin facility.
    case originFacilityArrive
    case exchangeArrive
    case exportCustoms
    case exchangeDepart
    /// Handed to an airline; on a two-leg ePacket USPS prints "Origin Post is Preparing Shipment" at this instant.
    case airlineHandover
    case flightDeparted
    /// Arrival in the destination country; on a two-leg ePacket both carriers print this scan at the same instant.
    case destinationArrival
    case importCustoms
    case customsReleased
    case customsHold
    /// Arrival at, departure from, and transit between facilities in the destination country (filler scans).
    case transitArrive
    case transitDepart
    case transitOnward
    /// USPS: arrival at the regional destination facility.
    case destinationFacilityArrive
    case deliveryOfficeArrive
    case outForDelivery
    case delivered
    case attemptFailed
    case availableForPickup
    case returnToSender
    case returning
    case returned

    /// The normalized status (a `TrackingStatus` raw value) and reason a reader must find for this scan, when
    /// printed by `printer`.
    func expectedStatus(printedBy printer: GeneratedCarrier) -> (status: String, reason: String?) {
        switch self {
        case .label: ("info_received", nil)
        case .accepted, .originArrive, .originDepart, .originFacilityArrive, .exchangeArrive, .exportCustoms,
            .exchangeDepart, .airlineHandover, .flightDeparted, .destinationArrival, .importCustoms,
            .customsReleased, .transitArrive, .transitDepart, .transitOnward, .destinationFacilityArrive,
            .deliveryOfficeArrive:
            ("in_transit", nil)
        case .customsHold: ("exception", "customs_hold")
        case .outForDelivery: ("out_for_delivery", nil)
        case .delivered: ("delivered", nil)
        case .attemptFailed: ("attempt_fail", printer == .usps ? "notice_left" : nil)
        case .availableForPickup: ("available_for_pickup", nil)
        case .returnToSender, .returning: ("exception", "returning_to_sender")
        case .returned: ("exception", "returned_to_sender")
        }
    }

    /// How long after the previous scan this one comes: a relative weight of the parcel's whole span, or, for the
    /// last steps of a delivery, a fixed range of hours.
    var gap: Gap {
        switch self {
        case .label, .accepted: .weight(0)
        case .originArrive: .weight(0.5)
        case .originDepart: .weight(0.25)
        case .originFacilityArrive: .weight(0.4)
        case .exchangeArrive: .weight(0.6)
        case .exportCustoms: .weight(0.4)
        case .exchangeDepart: .weight(0.5)
        case .airlineHandover: .weight(0.7)
        case .flightDeparted: .weight(0.6)
        case .destinationArrival: .weight(2.5)
        case .importCustoms: .weight(0.5)
        case .customsReleased: .weight(1.5)
        case .customsHold: .weight(1.0)
        case .transitArrive: .weight(0.8)
        case .transitDepart: .weight(0.3)
        case .transitOnward: .weight(0.6)
        case .destinationFacilityArrive: .weight(1.0)
        case .deliveryOfficeArrive: .weight(0.8)
        case .outForDelivery: .hours(1...5)
        case .delivered: .hours(1...8)
        case .attemptFailed: .hours(2...9)
        case .availableForPickup: .hours(3...20)
        case .returnToSender: .weight(4)
        case .returning: .weight(3)
        case .returned: .weight(5)
        }
    }

    enum Gap {
        case weight(Double)
        case hours(ClosedRange<Double>)
    }
}

/// Which page(s) print a scan.
enum TimelineLeg: UInt8, Sendable, Hashable {
    /// The number's own carrier: China Post, EMS or USPS.
    case origin
    /// USPS, as the second leg of an ePacket to the US.
    case followOn
    /// Both pages, at the same instant: the merged timeline keeps it once.
    case shared
}

/// One scan with its time and where it is printed.
struct TimelineEvent: Sendable, Hashable {
    var step: TimelineStep
    /// Seconds since 1970, exactly as the page prints it (USPS prints minutes, China Post and EMS seconds).
    var instant: Int
    var leg: TimelineLeg
    /// Picks among equivalent places and wordings, so pages vary.
    var variant: UInt32
}
