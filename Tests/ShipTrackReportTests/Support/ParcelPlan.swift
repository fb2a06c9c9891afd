import Foundation
import ShipTrackEstimate
import ShipTrackModel
import ShipTrackReport

/// One synthetic parcel: its carrier, number, hand-over and whole timeline (also the part after "now", which
/// ``knownEvents(at:)`` hides), and what goes wrong with it.
struct ParcelPlan {
    enum Fate {
        case normal, slow, lost, customs, returning, attemptFail, notShipped
        case noTracking(DeliveryFlag.CarrierAnswer)
    }

    let carrier: CarrierID
    let number: String
    let fate: Fate
    /// When the carrier got it; `nil` when it never ships.
    let handover: Date?
    let recordsShipTime: Bool
    /// The carrier could not be asked tonight.
    let notChecked: NotCheckedReason?
    /// Newest first.
    private let events: [TrackingEvent]
    private let checkedMinutesBeforeNow: Int

    init(destination: SyntheticRun.Destination, orderedAt: Date, random: inout StableRandom) {
        carrier =
            destination.code == "US"
            ? (random.chance(0.4) ? "usps" : "epacket") : (random.chance(0.8) ? "epacket" : "ems")
        fate =
            destination.region == nil
            ? .notShipped
            : random.weighted([
                (.normal, 0.905), (.slow, 0.045), (.lost, 0.015), (.customs, 0.006), (.returning, 0.003),
                (.attemptFail, 0.004), (.noTracking(.notFound), 0.004), (.noTracking(.noInformation), 0.004),
                (.notShipped, 0.004),
            ])
        number = Self.number(carrier: carrier, random: &random)
        recordsShipTime = random.chance(0.7)
        checkedMinutesBeforeNow = random.int(1...85)
        notChecked =
            random.chance(0.006)
            ? random.pick([.fetchFailed("HTTP 503 after 3 attempts"), .deadline, .pageNotRecognised("no events table")])
            : nil
        if case .notShipped = fate {
            handover = nil
            events = []
            return
        }
        let handover = orderedAt.addingTimeInterval(Double(random.int(20...140)) * 3_600)
        self.handover = handover
        if case .noTracking = fate {
            events = []
            return
        }
        var days = Self.transitDays(region: destination.region ?? .asia, carrier: carrier, random: &random)
        if case .slow = fate { days *= 1.8 + random.unit() * 1.4 }
        events = Self.timeline(
            carrier: carrier, fate: fate, destination: destination, handover: handover, days: days, random: &random)
    }

    /// The tracking number, once the parcel is about to ship (the label comes half a day before the hand-over).
    func trackingNumber(at time: Date) -> String? {
        guard let handover, handover.addingTimeInterval(-43_200) <= time else { return nil }
        return number
    }

    /// When the carrier last answered as of `time`: the run's own check, or the previous one when tonight's failed.
    func checkTime(_ time: Date) -> Date {
        notChecked != nil && time == SyntheticRun.asOf ? SyntheticRun.previousAsOf : time
    }

    /// The events the carrier showed at `time`, newest first.
    func knownEvents(at time: Date) -> [TrackingEvent] {
        events.filter { event in (event.time?.instant).map { $0 <= time } ?? true }
    }

    func checkState(estimate: ShipmentEstimate) -> CheckState {
        guard trackingNumber(at: SyntheticRun.asOf) != nil else { return .notShipped }
        // The batch does not ask about a parcel delivered before the previous run again.
        if estimate.isDelivered, let delivered = knownEvents(at: SyntheticRun.previousAsOf).first, delivered.status == .delivered {
            return .final(lastCheckedAt: SyntheticRun.previousAsOf.addingTimeInterval(-Double(checkedMinutesBeforeNow) * 60))
        }
        if let reason = notChecked { return .notChecked(reason, lastCheckedAt: SyntheticRun.previousAsOf.addingTimeInterval(-600)) }
        return .checked(at: SyntheticRun.asOf.addingTimeInterval(-Double(checkedMinutesBeforeNow) * 60))
    }

    // MARK: Timelines

    private static func transitDays(region: Region, carrier: CarrierID, random: inout StableRandom) -> Double {
        if carrier.rawValue == "usps" { return 2 + random.unit() * 5 }
        let range: ClosedRange<Double> =
            switch region {
            case .unitedStates: 9...22
            case .canadaEurope: 9...24
            case .australiaNewZealand: 9...22
            case .centralSouthAmerica: 15...38
            case .asia: 6...16
            case .africa: 18...50
            }
        let days = range.lowerBound + (range.upperBound - range.lowerBound) * (random.unit() + random.unit()) / 2
        return carrier.rawValue == "ems" ? days * 0.65 : days
    }

    private struct Step {
        let fraction: Double
        let chinese: String
        let english: String
        let status: TrackingStatus
        var reason: StatusReason? = nil
        let atDestination: Bool
    }

    private static let chinaSteps = [
        Step(fraction: 0, chinese: "【广州国际】已收寄", english: "Posted in Guangzhou", status: .inTransit, atDestination: false),
        Step(fraction: 0.08, chinese: "离开【广州国际】，下一站【北京国际】", english: "Departed Guangzhou", status: .inTransit, atDestination: false),
        Step(fraction: 0.18, chinese: "已交航空公司运输", english: "Handed over to the airline", status: .inTransit, atDestination: false),
        Step(fraction: 0.45, chinese: "到达寄达地", english: "Arrived in the destination country", status: .inTransit, atDestination: true),
        Step(fraction: 0.6, chinese: "海关放行", english: "Released by customs", status: .inTransit, atDestination: true),
        Step(fraction: 0.93, chinese: "安排投递", english: "Out for delivery", status: .outForDelivery, atDestination: true),
        Step(fraction: 1, chinese: "已妥投", english: "Delivered", status: .delivered, atDestination: true),
    ]

    private static let uspsSteps = [
        Step(fraction: -0.3, chinese: "", english: "Shipping Label Created, USPS Awaiting Item", status: .infoReceived, atDestination: false),
        Step(fraction: 0, chinese: "", english: "Accepted at USPS Origin Facility", status: .inTransit, atDestination: false),
        Step(fraction: 0.3, chinese: "", english: "Departed USPS Regional Facility", status: .inTransit, atDestination: false),
        Step(fraction: 0.6, chinese: "", english: "Arrived at USPS Regional Destination Facility", status: .inTransit, atDestination: true),
        Step(fraction: 0.93, chinese: "", english: "Out for Delivery", status: .outForDelivery, atDestination: true),
        Step(fraction: 1, chinese: "", english: "Delivered, In/At Mailbox", status: .delivered, atDestination: true),
    ]

    private static func timeline(
        carrier: CarrierID, fate: Fate, destination: SyntheticRun.Destination, handover: Date, days: Double,
        random: inout StableRandom
    ) -> [TrackingEvent] {
        let usps = carrier.rawValue == "usps"
        var steps = usps ? uspsSteps : chinaSteps
        switch fate {
        case .lost:
            let cutoff = random.chance(0.5) ? 0.18 : 0.45
            steps = steps.filter { $0.fraction <= cutoff }
        case .customs where usps:
            // Domestic mail sees no customs: a USPS parcel in trouble is one nobody could receive.
            steps = steps.filter { $0.fraction <= 0.6 }
            steps.append(Step(fraction: 0.7, chinese: "", english: "Insufficient Address", status: .exception, reason: .addressIssue, atDestination: true))
        case .customs:
            steps = steps.filter { $0.fraction <= 0.45 }
            steps.append(Step(fraction: 0.5, chinese: "海关扣留", english: "Held by customs", status: .exception, reason: .customsHold, atDestination: true))
        case .returning:
            steps = steps.filter { $0.fraction <= 0.6 }
            steps.append(Step(fraction: 0.7, chinese: "地址不详", english: "Addressee unknown", status: .exception, reason: .addressIssue, atDestination: true))
            steps.append(Step(fraction: 0.76, chinese: "退回", english: "Return to sender", status: .exception, reason: .returningToSender, atDestination: true))
        case .attemptFail:
            steps = steps.filter { $0.fraction <= 0.93 }
            steps.append(Step(fraction: 0.97, chinese: "投递失败", english: "Notice Left (No Authorized Recipient Available)", status: .attemptFail, reason: .noticeLeft, atDestination: true))
        default:
            break
        }
        // Destination posts often report in English even for a China Post parcel.
        let englishAtDestination = usps || random.chance(0.6)
        return steps.map { step in
            let seconds = handover.timeIntervalSince1970 + step.fraction * days * 86_400 + Double(random.int(0...7_200))
            let utc = Int(seconds) / 60 * 60
            let offset: Int? = step.atDestination ? destination.utcOffsetHours.map { $0 * 3_600 } : (usps ? -25_200 : 28_800)
            let local = LocalDateTime(secondsSinceEpoch: utc + (offset ?? 7_200))
            let english = usps || (step.atDestination && englishAtDestination)
            let place =
                step.atDestination
                ? EventLocation(city: destination.city, countryCode: destination.code, raw: destination.city)
                : usps ? EventLocation(city: "ONTARIO", state: "CA", postalCode: "91761", countryCode: "US", raw: "ONTARIO, CA 91761")
                : EventLocation(city: "广州", countryCode: "CN", raw: "广州市")
            return TrackingEvent(
                time: EventTime(local: local, utcOffsetSeconds: offset), location: place,
                description: english ? step.english : step.chinese, status: step.status, reason: step.reason,
                reportedBy: carrier)
        }.sorted { ($0.time?.instantSeconds ?? 0) > ($1.time?.instantSeconds ?? 0) }
    }

    private static func number(carrier: CarrierID, random: inout StableRandom) -> String {
        if carrier.rawValue == "usps" {
            return "9400" + (0..<18).map { _ in String(random.int(0...9)) }.joined()
        }
        let serial = (0..<8).map { _ in random.int(0...9) }
        let weights = [8, 6, 4, 2, 3, 5, 9, 7]
        let sum = zip(serial, weights).reduce(0) { $0 + $1.0 * $1.1 }
        var check = 11 - sum % 11
        if check == 10 { check = 0 } else if check == 11 { check = 5 }
        let prefix = carrier.rawValue == "ems" ? "E" + random.pick(["A", "B", "E"]) : "L" + random.pick(["X", "T", "Y"])
        return prefix + serial.map(String.init).joined() + String(check) + "CN"
    }
}
