/// One scan as USPS shows it on every surface: the tracking page's step, the API's tracking event and 17TRACK's
/// USPS provider event all come from the same row, so the same parcel reads the same everywhere.
struct USPSScanRow: Sendable {
    var event: TimelineEvent
    /// The page's heading for the step ("In Transit", "Delivered").
    var category: StaticString
    /// The event's wording: the page's detail line and the API's `eventType`.
    var detail: StaticString
    var place: USPSScanPlace
    /// The zone the scan's local time is printed in.
    var zone: USZone

    /// The place as the page prints it.
    var location: String {
        self.place.text
    }

    /// The offset from UTC the scan is printed at, in seconds.
    var offset: Int {
        self.zone.offset(at: self.event.instant)
    }

    /// The rows USPS prints, oldest first, with their places followed from facility to facility: a USPS number's
    /// whole timeline, or the second leg of an ePacket to the US (empty for any other parcel).
    static func rows(for plan: ParcelPlan, events: [TimelineEvent]) -> [USPSScanRow] {
        guard let place = plan.usPlace else { return [] }
        let warehouse = USPlace.warehouses[Int(plan.pageSeed % UInt64(USPlace.warehouses.count))]
        let destination = USPSScanPlace.postOffice(city: place.city, state: place.state, zip: place.zip)
        let origin = USPSScanPlace.postOffice(city: warehouse.city, state: warehouse.state, zip: warehouse.zip)
        // Where the parcel is between facilities: a hub index, or nil for the first facility.
        var hub: Int?
        var rows: [USPSScanRow] = []
        rows.reserveCapacity(events.count)
        for event in events where event.leg != .origin || plan.carrier == .usps {
            let variant = Int(event.variant)
            let serviceCenter = (USPSScanPlace.facility(place.serviceCenter), USPlace.zone(ofServiceCenter: place.serviceCenter))
            let firstFacility = plan.isTwoLeg ? serviceCenter : (USPSScanPlace.facility(warehouse.facility), warehouse.zone)
            func currentFacility() -> (USPSScanPlace, USZone) {
                hub.map { (.facility(USPlace.hubs[$0].name), USPlace.hubs[$0].zone) } ?? firstFacility
            }
            let row: (StaticString, StaticString, (USPSScanPlace, USZone))
            switch event.step {
            case .label:
                row = ("Label Created", "Shipping Label Created, USPS Awaiting Item", (origin, warehouse.zone))
            case .accepted:
                let details: [StaticString] = [
                    "USPS picked up item", "Accepted at USPS Origin Facility", "USPS in possession of item",
                ]
                row = ("Accepted", details[variant % details.count], (origin, warehouse.zone))
            case .originFacilityArrive:
                row = ("In Transit", "Arrived at USPS Regional Origin Facility", (.facility(warehouse.facility), warehouse.zone))
            case .airlineHandover:
                row = ("In Transit", "Origin Post is Preparing Shipment", (.country("CHINA"), .china))
            case .destinationArrival:
                let details: [StaticString] = ["Processed Through Facility", "Arrived at Facility"]
                row = ("In Transit", details[variant % details.count], serviceCenter)
            case .importCustoms:
                row = ("In Transit", "Inbound Into Customs", serviceCenter)
            case .customsReleased:
                row = ("In Transit", "Customs Clearance Processing Complete", serviceCenter)
            case .customsHold:
                row = ("Alert", "Held in Customs", serviceCenter)
            case .transitDepart:
                row = ("In Transit", "Departed USPS Regional Facility", currentFacility())
            case .transitOnward:
                row = ("In Transit", "In Transit to Next Facility", currentFacility())
            case .transitArrive:
                var next = variant % USPlace.hubs.count
                if next == hub { next = (next + 1) % USPlace.hubs.count }
                hub = next
                row = ("In Transit", "Arrived at USPS Regional Facility", currentFacility())
            case .destinationFacilityArrive:
                row = ("In Transit", "Arrived at USPS Regional Destination Facility", (.facility(place.facility), place.zone))
            case .deliveryOfficeArrive:
                row = ("In Transit", "Arrived at Post Office", (destination, place.zone))
            case .outForDelivery:
                row = ("Out for Delivery", "Out for Delivery", (destination, place.zone))
            case .delivered:
                let details: [StaticString] = [
                    "Delivered, In/At Mailbox", "Delivered, Front Door/Porch", "Delivered, Left with Individual",
                    "Delivered, Parcel Locker",
                ]
                row = ("Delivered", details[variant % details.count], (destination, place.zone))
            case .attemptFailed:
                row = ("Delivery Attempt", "Notice Left (No Authorized Recipient Available)", (destination, place.zone))
            case .availableForPickup:
                row = ("Available for Pickup", "Available for Pickup", (destination, place.zone))
            case .returnToSender:
                row = ("Alert", "Return to Sender Processed", (destination, place.zone))
            case .returning:
                let facility = plan.isTwoLeg ? serviceCenter : (USPSScanPlace.facility(place.facility), place.zone)
                row = ("In Transit", "In Transit, Being Returned to Sender", facility)
            case .returned:
                row = ("Delivered", "Delivered, To Original Sender", (origin, warehouse.zone))
            case .originArrive, .originDepart, .exchangeArrive, .exportCustoms, .exchangeDepart, .flightDeparted:
                // China Post's own scans: never printed by USPS.
                continue
            }
            rows.append(USPSScanRow(event: event, category: row.0, detail: row.1, place: row.2.0, zone: row.2.1))
        }
        return rows
    }
}

/// Where a USPS scan happened, in the parts the API gives separately.
enum USPSScanPlace: Sendable, Hashable {
    /// A post office: `CITY, ST 12345` on the page; city, state and ZIP in the API.
    case postOffice(city: String, state: String, zip: String)
    /// A processing facility: its name on the page and in the API's `eventCity` (state and ZIP null).
    case facility(String)
    /// A country, for scans abroad (`CHINA`): the API's `eventCountry`.
    case country(String)

    /// The place as the page prints it.
    var text: String {
        switch self {
        case .postOffice(let city, let state, let zip): "\(city), \(state) \(zip)"
        case .facility(let name): name
        case .country(let name): name
        }
    }
}
