/// Writes a USPS tracking page (HTML, UTF-8) for a generated parcel: a USPS number's whole timeline, or the second
/// leg of an ePacket to the US. The wording is what `Carriers/usps.json` maps to each scan's intended status.
enum USPSPageRenderer {
    /// One row of the timeline as USPS prints it.
    private struct Row {
        var event: TimelineEvent
        var status: StaticString
        var detail: StaticString
        var location: String
        var zone: USZone
    }

    static func render(_ plan: ParcelPlan, events: [TimelineEvent]) -> [UInt8] {
        var writer = PageWriter(capacity: 64 * 1_024)
        var random = SplitMix64(seed: plan.pageSeed)
        writer.append(USPSPageParts.head)
        writer.append("<script type=\"text/javascript\">var trackingConfig = {\"tLabels\":\"")
        writer.appendEscaped(plan.number)
        writer.append("\",\"lang\":\"en\",\"requestDate\":\"")
        writer.appendEscaped(plan.simulatedDate.description)
        writer.append("\"};</script>\n")
        writer.append(USPSPageParts.header)
        writer.append(
            """
            <div id="tracking_page_wrapper" class="container-fluid full-subheader">
              <div class="row">
                <div class="col-sm-10 col-sm-offset-1">
                  <div class="product_summary">
                    <h3 class="tracking_number">Tracking Number:
                      <span class="tracking-number" id="trackingNum">
            """
        )
        writer.appendEscaped(plan.number)
        writer.append("</span>\n        </h3>\n        <span class=\"tracking-copy\" data-tracking=\"")
        writer.appendEscaped(plan.number)
        writer.append("\">Copy</span>\n      </div>\n")

        let rows = Self.rows(plan, events: events)
        if plan.stage == .notFound || (plan.isTwoLeg && plan.stage == .pending) {
            Self.banner(
                &writer, header: "Tracking Not Available",
                content: "Tracking is not available for this item. Please check back later, or verify the tracking number."
            )
        } else if rows.isEmpty {
            // A two-leg ePacket not yet handed to an airline: USPS has only the electronic notice.
            Self.banner(
                &writer, header: "Label Created, not yet in system",
                content: "A status update is not yet available on your package. It will be available when the shipping partner hands it off to USPS for delivery. Check back soon."
            )
        } else {
            Self.latestUpdateBanner(&writer, latest: rows[rows.count - 1])
            writer.append("      <div class=\"tracking-progress-bar-status-container\">\n")
            for (index, row) in rows.reversed().enumerated() {
                writer.append(index == 0 ? "        <div class=\"tb-step current-step\">\n" : "        <div class=\"tb-step collapsed\">\n")
                writer.append("          <span class=\"bar-fill-animation\"></span>\n          <p class=\"tb-status\">")
                writer.append(row.status)
                writer.append("</p>\n          <p class=\"tb-status-detail\">")
                writer.append(row.detail)
                writer.append("</p>\n          <p class=\"tb-location\">")
                writer.appendEscaped(row.location)
                writer.append("</p>\n          <p class=\"tb-date\">")
                writer.appendUSPSTime(row.event.instant, zone: row.zone)
                writer.append("</p>\n        </div>\n")
            }
            writer.append(
                "        <div class=\"tb-step toggle-history-container\"><a class=\"expand-collapse-history\" href=\"#\">See All Tracking History</a></div>\n      </div>\n"
            )
        }

        writer.append(USPSPageParts.afterTimeline)
        let faqCount = random.integer(in: 2...USPSPageParts.faqEntries.count)
        for entry in USPSPageParts.faqEntries.prefix(faqCount) {
            writer.append(entry)
        }
        writer.append("        </div>\n        <div class=\"row cross-sell m-t-40\">\n")
        let cardCount = random.integer(in: 0...USPSPageParts.crossSellCards.count)
        for card in USPSPageParts.crossSellCards.prefix(cardCount) {
            writer.append(card)
        }
        writer.append(USPSPageParts.footer)
        return writer.bytes
    }

    private static func banner(_ writer: inout PageWriter, header: StaticString, content: StaticString) {
        writer.append("      <div class=\"latest-update-banner-wrapper\">\n        <h3 class=\"banner-header\">")
        writer.append(header)
        writer.append("</h3>\n        <p class=\"banner-content\">")
        writer.append(content)
        writer.append("</p>\n      </div>\n")
    }

    private static func latestUpdateBanner(_ writer: inout PageWriter, latest row: Row) {
        writer.append("      <div class=\"latest-update-banner-wrapper\">\n        <h3 class=\"banner-header\">")
        writer.append(row.detail)
        writer.append("</h3>\n        <p class=\"banner-content\">")
        switch row.event.step {
        case .delivered, .returned: writer.append("Your item was delivered at ")
        case .outForDelivery: writer.append("Your item is out for delivery as of ")
        case .attemptFailed: writer.append("We attempted to deliver your item at ")
        case .availableForPickup: writer.append("Your item arrived at the Post Office and was ready for pickup at ")
        case .label: writer.append("A shipping label was prepared for your item at ")
        case .returnToSender, .returning: writer.append("Your item is being sent back to the sender. It was last scanned at ")
        case .customsHold, .importCustoms: writer.append("Your item was presented to customs at ")
        default: writer.append("Your item was last scanned at ")
        }
        let clock = CivilCalendar.wallClock(row.event.instant, offset: row.zone.offset(at: row.event.instant))
        writer.appendDecimal(clock.hour % 12 == 0 ? 12 : clock.hour % 12)
        writer.append(":")
        writer.appendDecimal(clock.minute, width: 2)
        writer.append(clock.hour < 12 ? " am on " : " pm on ")
        writer.appendUSPSDate(row.event.instant, zone: row.zone)
        writer.append(" in ")
        writer.appendEscaped(row.location)
        writer.append(".</p>\n      </div>\n")
    }

    /// The rows USPS prints, oldest first, with their places followed from facility to facility.
    private static func rows(_ plan: ParcelPlan, events: [TimelineEvent]) -> [Row] {
        guard let place = plan.usPlace else { return [] }
        let warehouse = USPlace.warehouses[Int(plan.pageSeed % UInt64(USPlace.warehouses.count))]
        // Where the parcel is between facilities: a hub index, or nil for the first facility.
        var hub: Int?
        var rows: [Row] = []
        rows.reserveCapacity(events.count)
        for event in events where event.leg != .origin || plan.carrier == .usps {
            let variant = Int(event.variant)
            let serviceCenter = (place.serviceCenter, USPlace.zone(ofServiceCenter: place.serviceCenter))
            let firstFacility = plan.isTwoLeg ? serviceCenter : (warehouse.facility, warehouse.zone)
            func currentFacility() -> (String, USZone) {
                hub.map { (USPlace.hubs[$0].name, USPlace.hubs[$0].zone) } ?? firstFacility
            }
            let row: (StaticString, StaticString, (String, USZone))
            switch event.step {
            case .label:
                row = ("Label Created", "Shipping Label Created, USPS Awaiting Item", (warehouse.postOffice, warehouse.zone))
            case .accepted:
                let details: [StaticString] = [
                    "USPS picked up item", "Accepted at USPS Origin Facility", "USPS in possession of item",
                ]
                row = ("Accepted", details[variant % details.count], (warehouse.postOffice, warehouse.zone))
            case .originFacilityArrive:
                row = ("In Transit", "Arrived at USPS Regional Origin Facility", (warehouse.facility, warehouse.zone))
            case .airlineHandover:
                row = ("In Transit", "Origin Post is Preparing Shipment", ("CHINA", .china))
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
                row = ("In Transit", "Arrived at USPS Regional Destination Facility", (place.facility, place.zone))
            case .deliveryOfficeArrive:
                row = ("In Transit", "Arrived at Post Office", (place.postOffice, place.zone))
            case .outForDelivery:
                row = ("Out for Delivery", "Out for Delivery", (place.postOffice, place.zone))
            case .delivered:
                let details: [StaticString] = [
                    "Delivered, In/At Mailbox", "Delivered, Front Door/Porch", "Delivered, Left with Individual",
                    "Delivered, Parcel Locker",
                ]
                row = ("Delivered", details[variant % details.count], (place.postOffice, place.zone))
            case .attemptFailed:
                row = ("Delivery Attempt", "Notice Left (No Authorized Recipient Available)", (place.postOffice, place.zone))
            case .availableForPickup:
                row = ("Available for Pickup", "Available for Pickup", (place.postOffice, place.zone))
            case .returnToSender:
                row = ("Alert", "Return to Sender Processed", (place.postOffice, place.zone))
            case .returning:
                let facility = plan.isTwoLeg ? serviceCenter : (place.facility, place.zone)
                row = ("In Transit", "In Transit, Being Returned to Sender", facility)
            case .returned:
                row = ("Delivered", "Delivered, To Original Sender", (warehouse.postOffice, warehouse.zone))
            case .originArrive, .originDepart, .exchangeArrive, .exportCustoms, .exchangeDepart, .flightDeparted:
                // China Post's own scans: never printed by USPS.
                continue
            }
            rows.append(Row(event: event, status: row.0, detail: row.1, location: row.2.0, zone: row.2.1))
        }
        return rows
    }
}
