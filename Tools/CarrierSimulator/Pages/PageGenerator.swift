/// Generates carrier pages for numbers without a fixture, when ``CarrierSimulator/Options/generatedPages`` is set.
///
/// Carriers are recognised by the routing file's `id`: `usps`, `epacket` and `ems`. A page is generated when the
/// number is that carrier's own (valid check digit), or, on `usps`, when it is an ePacket whose generated destination
/// is the US (the second leg), or on `epacket` (China Post's page, which tracks every China Post item) for an EMS
/// number, or on `ems` (the EMS partner interface for EUB shippers, which answers for ePackets and EMS alike) for an
/// ePacket. Any other number gets the carrier's unknown-number page, as without generation.
struct PageGenerator: Sendable {
    let simulatedDate: CalendarDay

    /// The plan for `number` asked on the route `carrierID`, or `nil` when no page is generated for it there.
    func plan(carrierID: String, number: String) -> ParcelPlan? {
        guard let route = GeneratedCarrier(rawValue: carrierID),
            let plan = ParcelPlan(number: GeneratedCarrier.normalize(number), simulatedDate: self.simulatedDate)
        else { return nil }
        switch (route, plan.carrier) {
        case (.usps, .usps), (.epacket, .epacket), (.epacket, .ems), (.ems, .ems), (.ems, .epacket): return plan
        case (.usps, .epacket) where plan.isTwoLeg: return plan
        default: return nil
        }
    }

    /// The page `route` shows for `plan`, whose timeline is `events` (computed when not given).
    static func page(for plan: ParcelPlan, on route: GeneratedCarrier, events: [TimelineEvent]? = nil) -> [UInt8] {
        let events = events ?? ParcelTimeline.events(for: plan)
        switch route {
        case .usps: return USPSPageRenderer.render(plan, events: events)
        case .epacket: return ChinaPostPageRenderer.render(plan, events: events)
        case .ems:
            // The English answer of the EMS partner interface; `null` for a number it does not know.
            guard plan.stage != .notFound else { return EMSTraceWriter.unknownNumber }
            return EMSTraceWriter.traces(ChinaPostRecord(plan: plan, events: events), language: .english)
        }
    }

    /// The page for `number` on `carrierID`, or `nil` when none is generated there.
    func page(carrierID: String, number: String) -> [UInt8]? {
        guard let plan = self.plan(carrierID: carrierID, number: number),
            let route = GeneratedCarrier(rawValue: carrierID)
        else { return nil }
        return Self.page(for: plan, on: route)
    }
}
