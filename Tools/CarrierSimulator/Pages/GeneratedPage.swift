/// A generated carrier page with the parcel it describes, for tests and tools that read pages without a network.
public struct GeneratedPage: Sendable, Hashable {
    /// The carrier whose page this is: `usps`, `epacket` or `ems`.
    public var carrier: String
    /// The page (for `ems`, the EMS partner interface's English answer) as the simulator serves it.
    public var bytes: [UInt8]
    /// The `Content-Type` the repository's routing file serves the carrier's pages with (the ePacket one names no
    /// charset: the page's `<meta>` says GBK or UTF-8).
    public var contentType: String
    /// The parcel the page describes (for the second leg of an ePacket, the ePacket).
    public var parcel: GeneratedParcel
    /// How many event rows this page holds (on a two-leg ePacket, each page holds part of the timeline).
    public var eventCount: Int
}

extension CarrierSimulator {
    /// The parcel a generated page for `number` describes on `carrier` (`usps`, `epacket` or `ems`), or `nil` when
    /// no page is generated for it there (not that carrier's number, bad check digit, or on `usps` an ePacket not
    /// bound for the US).
    public static func generatedParcel(carrier: String, number: String, simulatedDate: CalendarDay) -> GeneratedParcel? {
        PageGenerator(simulatedDate: simulatedDate).plan(carrierID: carrier, number: number).map(GeneratedParcel.init(plan:))
    }

    /// The page the simulator serves for `number` on `carrier` when pages are generated (and no fixture exists),
    /// or `nil` when none is generated for it there. The same bytes for the same carrier, number and date.
    ///
    /// For `ems` it is the English answer of the EMS partner interface (`<traces>`, or `null` for a number it does
    /// not know), for EMS numbers and ePackets alike.
    public static func generatedPage(carrier: String, number: String, simulatedDate: CalendarDay) -> GeneratedPage? {
        guard let route = GeneratedCarrier(rawValue: carrier),
            let plan = PageGenerator(simulatedDate: simulatedDate).plan(carrierID: carrier, number: number)
        else { return nil }
        let events = ParcelTimeline.events(for: plan)
        let shown: Int
        switch route {
        case .usps where plan.carrier == .epacket: shown = events.count { $0.leg != .origin }
        case .epacket, .ems: shown = events.count { $0.leg != .followOn }
        case .usps: shown = events.count
        }
        return GeneratedPage(
            carrier: route.rawValue,
            bytes: PageGenerator.page(for: plan, on: route, events: events),
            contentType: route.contentType,
            parcel: GeneratedParcel(plan: plan),
            eventCount: plan.stage == .notFound || plan.stage == .pending ? 0 : shown
        )
    }
}
