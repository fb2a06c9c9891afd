/// USPS's published event codes (Pub 199 Appendix G, as `/work/research/usps/event-codes.json` lists them) and
/// status categories for the scans the parcel world prints, chosen to agree with each scan's wording.
enum USPSEventVocabulary {
    /// The event code USPS gives the scan `step` (worded as the USPS page words it).
    static func code(for step: TimelineStep) -> String {
        switch step {
        case .label: "GX"
        case .accepted: "03"
        case .originFacilityArrive: "10"
        case .airlineHandover: "NP"
        case .destinationArrival: "AR"
        case .importCustoms: "CI"
        // "Customs Clearance Processing Complete": released by customs (CO, Inbound Out of Customs).
        case .customsReleased: "CO"
        // "Held in Customs" has no code of its own; CD (Clearance Delay) means the same hold.
        case .customsHold: "CD"
        case .transitDepart: "T1"
        case .transitOnward: "TL"
        case .transitArrive, .destinationFacilityArrive: "A1"
        case .deliveryOfficeArrive: "07"
        case .outForDelivery: "OF"
        case .delivered: "01"
        case .attemptFailed: "56"
        case .availableForPickup: "16"
        case .returnToSender, .returning: "09"
        // "Delivered, To Original Sender": a delivery (01) whose wording says it is the completed return.
        case .returned: "01"
        // China Post's own scans never reach USPS; the codes are those of foreign scans, for completeness.
        case .originArrive, .originDepart, .exchangeArrive, .exchangeDepart: "PO"
        case .exportCustoms: "B1"
        case .flightDeparted: "C0"
        }
    }

    /// The `statusCategory` of a parcel whose newest scan is `step`.
    static func statusCategory(for step: TimelineStep) -> String {
        switch step {
        case .label: "Pre-Shipment"
        case .accepted: "Accepted"
        case .outForDelivery: "Out for Delivery"
        case .delivered, .returned: "Delivered"
        case .attemptFailed: "Delivery Attempt: Action Needed"
        case .availableForPickup: "Available for Pickup"
        case .customsHold, .returnToSender, .returning: "Alert"
        default: "Moving Through Network"
        }
    }

    /// The `statusCategory` of a parcel whose newest event has `code` (for fixtures without one).
    static func statusCategory(forCode code: String?) -> String {
        switch code {
        case "GX", "MA": "Pre-Shipment"
        case "03", "OA": "Accepted"
        case "OF": "Out for Delivery"
        case "01", "17", "43": "Delivered"
        case "02", "52", "53", "54", "55", "56": "Delivery Attempt: Action Needed"
        case "14", "16": "Available for Pickup"
        case "04", "05", "09", "21", "22", "23", "24", "25", "26", "27", "28", "29", "CD": "Alert"
        default: "Moving Through Network"
        }
    }
}
