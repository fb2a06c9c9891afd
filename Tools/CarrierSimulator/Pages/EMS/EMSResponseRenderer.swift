/// Writes an EMS tracking API response (XML, UTF-8) for a generated EMS parcel, in the wording
/// `Carriers/ems.json` maps to each scan's intended status.
enum EMSResponseRenderer {
    static func render(_ plan: ParcelPlan, events: [TimelineEvent]) -> [UInt8] {
        var writer = PageWriter(capacity: 64 * 1_024)
        var random = SplitMix64(seed: plan.pageSeed)
        writer.append(EMSResponseParts.declaration)
        writer.append("  <queryDate>")
        writer.appendEscaped(plan.simulatedDate.description)
        writer.append("</queryDate>\n")
        switch plan.stage {
        case .notFound:
            writer.append("  <status>error</status>\n  <code>V02</code>\n  <description>邮件号码不存在，请核实后再查询</description>\n  <mailNo>")
            writer.appendEscaped(plan.number)
            writer.append("</mailNo>\n")
        case .pending:
            writer.append("  <status>success</status>\n  <code>0000</code>\n  <description>OK</description>\n")
            Self.mailInfo(&writer, plan)
            writer.append("  <traces/>\n")
        default:
            writer.append("  <status>success</status>\n  <code>0000</code>\n  <description>OK</description>\n")
            Self.mailInfo(&writer, plan)
            writer.append("  <traces>\n")
            Self.traces(&writer, plan, events: events)
            writer.append("  </traces>\n")
        }
        writer.append(EMSResponseParts.officesStart)
        let officeCount = random.integer(in: 3...EMSResponseParts.offices.count)
        for office in EMSResponseParts.offices.prefix(officeCount) {
            writer.append(office)
        }
        writer.append(EMSResponseParts.officesEnd)
        writer.append(EMSResponseParts.trailer)
        return writer.bytes
    }

    private static func mailInfo(_ writer: inout PageWriter, _ plan: ParcelPlan) {
        writer.append("  <mailInfo>\n    <mailNo>")
        writer.appendEscaped(plan.number)
        writer.append("</mailNo>\n    <productName>International EMS</productName>\n    <originCountry>CN</originCountry>\n    <originCity>")
        writer.appendEscaped(plan.origin.englishName)
        writer.append("</originCity>\n    <destinationCountry>")
        writer.appendEscaped(plan.destination.code)
        writer.append("</destinationCountry>\n    <destinationCity>")
        writer.appendEscaped(plan.destination.city)
        writer.append("</destinationCity>\n    <weight>")
        writer.appendDecimal(Int(plan.pageSeed % 1_900) + 100)
        writer.append("</weight>\n    <weightUnit>g</weightUnit>\n  </mailInfo>\n")
    }

    private static func traces(_ writer: inout PageWriter, _ plan: ParcelPlan, events: [TimelineEvent]) {
        let exchange = ChinaPlace.exchanges[plan.origin.exchange]
        var hub = 0
        for event in events {
            let variant = Int(event.variant)
            let place: String
            switch event.step {
            case .label, .accepted, .returned:
                // EMS prints the office's postal code or its city.
                place = variant % 3 == 0 ? plan.origin.postalCode : plan.origin.englishName
            case .originArrive, .originDepart:
                if event.step == .originArrive { hub = variant % ChinaPlace.hubs.count }
                place = ChinaPlace.hubs[hub].englishName
            case .exchangeArrive, .exportCustoms, .exchangeDepart, .airlineHandover, .flightDeparted:
                place = variant % 4 == 0 ? exchange.postalCode : exchange.englishName
            default:
                place = plan.destination.city
            }
            let phrases = Self.remarks[event.step] ?? []
            let remark: StaticString = phrases.isEmpty ? "" : phrases[variant % phrases.count]
            writer.append("    <trace>\n      <mailNo>")
            writer.appendEscaped(plan.number)
            writer.append("</mailNo>\n      <acceptTime>")
            writer.appendChinaTime(event.instant)
            writer.append("</acceptTime>\n      <acceptAddress>")
            writer.appendEscaped(place)
            writer.append("</acceptAddress>\n      <remark>")
            writer.append(remark)
            writer.append("</remark>\n      <opCode>")
            writer.appendDecimal(Int(event.step.rawValue) * 10 + 301)
            writer.append("</opCode>\n      <opOrgCode>")
            writer.appendDecimal(51_000_000 + variant % 999_999)
            writer.append("</opOrgCode>\n      <operatorNo>")
            writer.appendDecimal(variant % 90_000 + 10_000)
            writer.append("</operatorNo>\n      <source>")
            writer.append(event.step.rawValue < TimelineStep.destinationArrival.rawValue ? "CNPOST" : "UPU-EMSEVT")
            writer.append("</source>\n    </trace>\n")
        }
    }

    /// EMS remarks, each one `Carriers/ems.json` maps to the scan's intended status.
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
