import Foundation
import ShipTrackEstimate

/// A due shipment with what deciding its place in a night short of quota needs.
struct PlanningRow: Sendable {
    let shipment: DueShipment
    /// Whether a carrier ever answered for it.
    let everChecked: Bool
    /// The days its flags may change on, from the last estimate.
    let boundaries: Boundaries?

    /// The days on which a shipment's flags may change, kept from its last estimate (days since 1970).
    struct Boundaries: Sendable, Codable, Hashable {
        var promisedLatest: Int?
        var graceEnds: Int?
        var guaranteeEnds: Int?
        var refundCloses: Int?
        var lastEventOn: Int?

        enum CodingKeys: String, CodingKey {
            case promisedLatest = "promised_latest"
            case graceEnds = "grace_ends"
            case guaranteeEnds = "guarantee_ends"
            case refundCloses = "refund_closes"
            case lastEventOn = "last_event_on"
        }

        init(estimate: ShipmentEstimate, graceEnds: CalendarDay?) {
            promisedLatest = estimate.promised?.latest.daysSinceEpoch
            self.graceEnds = graceEnds?.daysSinceEpoch
            guaranteeEnds = estimate.guarantee.endsOn.daysSinceEpoch
            refundCloses = estimate.guarantee.refundWindow.latest.daysSinceEpoch
            lastEventOn = estimate.tracking.lastEventOn?.daysSinceEpoch
        }

        init?(json: String) {
            guard let decoded = try? JSONDecoder().decode(Boundaries.self, from: Data(json.utf8)) else { return nil }
            self = decoded
        }

        var json: String { (try? String(decoding: JSONEncoder().encode(self), as: UTF8.self)) ?? "{}" }

        /// Days from `today` to the nearest day ahead on which a flag may change (the promise passing, the grace
        /// ending, the guarantee ending, the refund window closing); `nil` when none is ahead.
        func daysToNextChange(from today: Int) -> Int? {
            [promisedLatest, graceEnds, guaranteeEnds, refundCloses].compactMap { $0 }
                .map { $0 - today }.filter { $0 >= 0 }.min()
        }
    }

    /// The order of urgency when not every shipment can be checked: first those never checked, then those whose
    /// flags could change soonest, then the longest silent, then the rest.
    func priority(today: Int) -> (Int, Int, Int64) {
        if !everChecked { return (0, 0, shipment.id) }
        if let days = boundaries?.daysToNextChange(from: today), days <= 7 { return (1, days, shipment.id) }
        if let last = boundaries?.lastEventOn { return (2, last, shipment.id) }
        return (3, 0, shipment.id)
    }
}
