/// Writes a USPS tracking page (HTML, UTF-8) for a generated parcel: a USPS number's whole timeline, or the second
/// leg of an ePacket to the US. The wording is what `Carriers/usps.json` maps to each scan's intended status.
enum USPSPageRenderer {
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

        let rows = USPSScanRow.rows(for: plan, events: events)
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
                writer.append(row.category)
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

    private static func latestUpdateBanner(_ writer: inout PageWriter, latest row: USPSScanRow) {
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
}
