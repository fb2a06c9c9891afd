public import ShipTrackEstimate
public import ShipTrackModel

/// Counts over every order of a run, for the report's header, its "everything else" summary and its charts.
///
/// The batch adds every order it reports on (also those needing nothing) while it walks them, then hands the
/// result to ``MorningReportWriter``. Memory stays constant: counts and fixed-size histograms only.
public struct ReportStatistics: Sendable {
    /// Orders seen.
    public private(set) var orders = 0
    /// Shipments (parcels) seen.
    public private(set) var shipments = 0
    /// Orders in each action group (each order in its most urgent group only).
    public private(set) var actionOrders: [ActionGroup: Int] = [:]
    /// Orders listed under "Handled".
    public private(set) var handledOrders = 0
    /// Flags cleared since the last run.
    public private(set) var clearedFlags = 0
    /// Orders with at least one flag cleared since the last run (rows of the "Cleared" section).
    public private(set) var ordersWithClearedFlags = 0
    /// Orders with a flag of each kind raised (new, open or handled).
    public private(set) var ordersFlagged: [DeliveryFlag.Kind: Int] = [:]
    /// Orders whose open flags are new this run.
    public private(set) var ordersWithNewFlags = 0
    /// Orders that need nothing today, by what they are.
    public private(set) var quietOrders: [QuietKind: Int] = [:]
    /// Parcels by status.
    public private(set) var parcelStatuses: [StatusBucket: Int] = [:]
    /// Delivered parcels' transit business days (hand-over to delivery), by region.
    public private(set) var transit: [Region: TransitHistogram] = [:]
    /// Delivered parcels on time or late, by carrier and region.
    public private(set) var onTime: [CarrierRegion: OnTimeCount] = [:]
    /// Parcels the carrier could not be asked about this run.
    public private(set) var notCheckedParcels = 0
    /// The carriers seen, for the report's filter.
    public private(set) var carriers: Set<CarrierID> = []
    /// The regions seen, for the report's filter.
    public private(set) var regions: Set<Region> = []

    public init() {}

    /// Counts one order.
    public mutating func add(_ order: ReportOrder) {
        orders += 1
        shipments += order.parcels.count
        switch order.placement {
        case .action(let urgency): actionOrders[urgency.group, default: 0] += 1
        case .handled: handledOrders += 1
        case .none: quietOrders[QuietKind(order), default: 0] += 1
        }
        let cleared = order.clearedFlags.count
        clearedFlags += cleared
        if cleared > 0 { ordersWithClearedFlags += 1 }
        for kind in Set(order.raisedFlags.map(\.kind)) { ordersFlagged[kind, default: 0] += 1 }
        if order.openFlags.contains(where: { $0.state == .new }) { ordersWithNewFlags += 1 }
        if let region = order.destination.region { regions.insert(region) }
        for parcel in order.parcels {
            parcelStatuses[StatusBucket(parcel.status), default: 0] += 1
            if let carrier = parcel.carrier { carriers.insert(carrier) }
            if parcel.check.isNotChecked { notCheckedParcels += 1 }
            let estimate = parcel.estimate
            guard estimate.isDelivered, let region = estimate.destination.region else { continue }
            if let days = estimate.businessDaysInTransit { transit[region, default: TransitHistogram()].add(days) }
            if let kept = estimate.keptPromise {
                onTime[CarrierRegion(carrier: parcel.carrier, region: region), default: OnTimeCount()].add(kept)
            }
        }
    }

    /// Orders in the action list.
    public var actionTotal: Int { actionOrders.values.reduce(0, +) }

    /// What an order needing nothing today is.
    public enum QuietKind: Int, CaseIterable, Hashable, Sendable, Comparable {
        /// Every parcel delivered by the latest promised date.
        case deliveredOnTime
        /// Delivered after the promised date (a `delivered_late` flag: nothing left to do).
        case deliveredLate
        /// On its way, within the promise.
        case onTheWay
        /// Not shipped yet, within the processing window.
        case notShippedYet
        /// Anything else (for example a cancellable order, or flags that just cleared).
        case other

        init(_ order: ReportOrder) {
            if order.isDelivered {
                self = order.parcels.allSatisfy { $0.estimate.keptPromise != false } ? .deliveredOnTime : .deliveredLate
            } else if order.parcels.allSatisfy({ $0.trackingNumber == nil }) {
                self = .notShippedYet
            } else if order.raisedFlags.isEmpty {
                self = .onTheWay
            } else {
                self = .other
            }
        }

        /// The label.
        public var title: String {
            switch self {
            case .deliveredOnTime: "Delivered on time"
            case .deliveredLate: "Delivered late (nothing left to do)"
            case .onTheWay: "On the way, within the promise"
            case .notShippedYet: "Not shipped yet, within processing time"
            case .other: "Other (can still cancel, or just cleared)"
            }
        }

        public static func < (lhs: QuietKind, rhs: QuietKind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A carrier and a region, for on-time rates.
    public struct CarrierRegion: Hashable, Sendable {
        /// The carrier; `nil` when the parcel's carrier is unknown.
        public let carrier: CarrierID?
        /// The destination's region.
        public let region: Region
    }

    /// Delivered parcels on time and late.
    public struct OnTimeCount: Hashable, Sendable {
        /// Delivered by the latest promised date.
        public private(set) var onTime = 0
        /// Delivered after it.
        public private(set) var late = 0
        /// Delivered parcels counted.
        public var total: Int { onTime + late }
        mutating func add(_ kept: Bool) { if kept { onTime += 1 } else { late += 1 } }
    }
}

/// A histogram of transit times in business days, with everything past ``maximumDay`` in the last bin.
public struct TransitHistogram: Hashable, Sendable {
    /// The last day counted on its own; longer transits share the last bin.
    public static let maximumDay = 60
    /// `counts[d]`: parcels delivered `d` business days after hand-over (the last bin: `maximumDay` or more).
    public private(set) var counts = [Int](repeating: 0, count: maximumDay + 1)
    /// Parcels counted.
    public private(set) var total = 0

    public init() {}

    /// Counts a parcel delivered `days` business days after hand-over.
    public mutating func add(_ days: Int) {
        counts[min(max(days, 0), Self.maximumDay)] += 1
        total += 1
    }

    /// The smallest day by which `fraction` of the parcels were delivered (0.5: the median).
    public func percentile(_ fraction: Double) -> Int? {
        guard total > 0 else { return nil }
        let needed = max(1, Int((Double(total) * fraction).rounded(.up)))
        var seen = 0
        for (day, count) in counts.enumerated() {
            seen += count
            if seen >= needed { return day }
        }
        return Self.maximumDay
    }

    /// Parcels delivered within `range` business days.
    public func count(in range: ClosedRange<Int>) -> Int {
        counts.indices.filter { range.contains($0) }.reduce(0) { $0 + counts[$1] }
    }
}

/// Parcel statuses as the status chart groups them, in life-cycle order.
public enum StatusBucket: Int, CaseIterable, Hashable, Sendable, Comparable {
    /// No tracking number yet.
    case notShipped
    /// A number the carrier was never asked about.
    case notCheckedYet
    /// The carrier does not know the number.
    case unknownToCarrier
    /// The carrier knows the number but has no events.
    case noInformation
    /// Only a label: not yet with the carrier.
    case labelCreated
    /// Moving.
    case inTransit
    /// On the vehicle for delivery.
    case outForDelivery
    /// A delivery attempt failed.
    case attemptFailed
    /// Waiting at a post office.
    case waitingForPickup
    /// Held by customs.
    case heldByCustoms
    /// Lost, damaged, an address problem or refused.
    case otherProblem
    /// On its way back to the sender.
    case returning
    /// Back with the sender.
    case returned
    /// Delivered.
    case delivered
    /// The carrier stopped tracking it.
    case expired

    init(_ status: ParcelStatus) {
        switch status.state {
        case .noTrackingNumber: self = .notShipped; return
        case .notFetched: self = .notCheckedYet; return
        case .notFound: self = .unknownToCarrier; return
        case .noInformation: self = .noInformation; return
        case .events: break
        }
        switch status.reason {
        case .customsHold: self = .heldByCustoms; return
        case .returningToSender: self = .returning; return
        case .returnedToSender: self = .returned; return
        case .addressIssue, .lost, .damaged, .refused: self = status.status == .delivered ? .delivered : .otherProblem; return
        case .noticeLeft, nil: break
        }
        switch status.status {
        case .pending, nil: self = .noInformation
        case .infoReceived: self = .labelCreated
        case .inTransit: self = .inTransit
        case .outForDelivery: self = .outForDelivery
        case .attemptFail: self = .attemptFailed
        case .availableForPickup: self = .waitingForPickup
        case .delivered: self = .delivered
        case .exception: self = .otherProblem
        case .expired: self = .expired
        }
    }

    /// The label.
    public var title: String {
        switch self {
        case .notShipped: "Not shipped yet"
        case .notCheckedYet: "Not checked yet"
        case .unknownToCarrier: "Unknown to the carrier"
        case .noInformation: "No information yet"
        case .labelCreated: "Label created"
        case .inTransit: "In transit"
        case .outForDelivery: "Out for delivery"
        case .attemptFailed: "Delivery attempt failed"
        case .waitingForPickup: "Waiting for pickup"
        case .heldByCustoms: "Held by customs"
        case .otherProblem: "Other problem (lost, damaged, address, refused)"
        case .returning: "Being returned to the sender"
        case .returned: "Returned to the sender"
        case .delivered: "Delivered"
        case .expired: "Tracking expired"
        }
    }

    public static func < (lhs: StatusBucket, rhs: StatusBucket) -> Bool { lhs.rawValue < rhs.rawValue }
}
