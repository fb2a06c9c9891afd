/// The English remarks EMS prints for an EMS parcel's scans (the words of EMS's own tracking, as SLINCE's recorded
/// answers show: "Posting", "Arrival at Sorting Center", ...).
enum EMSRemarks {
    /// The remark for `step`; `variant` picks among equivalent wordings.
    static func remark(for step: TimelineStep, variant: Int) -> StaticString {
        let phrases = Self.remarks[step] ?? []
        return phrases.isEmpty ? "" : phrases[variant % phrases.count]
    }

    private static let remarks: [TimelineStep: [StaticString]] = [
        .label: ["Electronic information received"],
        .accepted: ["Posting", "Accepted"],
        .originArrive: ["Arrival at Sorting Center"],
        .originDepart: ["Departure from Sorting Center"],
        .exchangeArrive: ["Arrival at outward office of exchange"],
        .exportCustoms: ["Export customs clearance completed"],
        .exchangeDepart: ["Departure from outward office of exchange"],
        .airlineHandover: ["Handed over to airline"],
        .flightDeparted: ["Airline departure"],
        .destinationArrival: ["Arrival at Destination"],
        .importCustoms: ["Handed over to import customs"],
        .customsReleased: ["Released from import customs"],
        .customsHold: ["Held by customs"],
        .transitArrive: ["Arrival at inward office of exchange", "Arrival at Sorting Center"],
        .transitDepart: ["Departure from inward office of exchange"],
        .transitOnward: ["In transit to delivery office"],
        .deliveryOfficeArrive: ["Arrival at delivery office"],
        .outForDelivery: ["Out for delivery"],
        .delivered: ["Delivered"],
        .attemptFailed: ["Unsuccessful delivery"],
        .availableForPickup: ["Awaiting collection"],
        .returnToSender: ["Return to sender"],
        .returning: ["Item returned, in transit"],
        .returned: ["Returned to sender"],
    ]
}
