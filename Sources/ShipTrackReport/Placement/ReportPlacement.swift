import Foundation
import ShipTrackEstimate

/// Where an order goes in the morning report, and in which order: action groups first (most urgent first within
/// each), then the handled orders. Orders with neither are only counted.
public enum ReportPlacement: Hashable, Sendable, Comparable {
    /// In the action list, at this urgency.
    case action(ActionUrgency)
    /// Every raised flag is handled and nothing reopened them: listed under "Handled".
    case handled
    /// Needs nothing today: counted, not listed (its cleared flags are still listed once).
    case none

    public static func < (lhs: ReportPlacement, rhs: ReportPlacement) -> Bool {
        if case .action(let left) = lhs, case .action(let right) = rhs { return left < right }
        return lhs.sectionIndex < rhs.sectionIndex
    }

    private var sectionIndex: Int {
        switch self {
        case .action: 0
        case .handled: 1
        case .none: 2
        }
    }
}

/// How urgent an order in the action list is: its group, then a rank within the group (smaller is more urgent),
/// then its order ID so the order is total and stable from night to night.
///
/// Within a group: refund windows by days left, refund-eligible by the day the window closes, problems and missing
/// tracking by how long they have lasted, late and stalled by how many days, awaiting shipment by the end of the
/// processing window, not served by order day, not checked by the last successful check (never checked first).
public struct ActionUrgency: Hashable, Sendable, Comparable {
    /// The group.
    public let group: ActionGroup
    /// The rank within the group; smaller is more urgent.
    public let rank: Int
    /// The order ID, last.
    public let orderID: String

    public init(group: ActionGroup, rank: Int, orderID: String) {
        self.group = group
        self.rank = rank
        self.orderID = orderID
    }

    public static func < (lhs: ActionUrgency, rhs: ActionUrgency) -> Bool {
        if lhs.group != rhs.group { return lhs.group < rhs.group }
        if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
        return lhs.orderID < rhs.orderID
    }
}

extension ReportOrder {
    /// The flags that ask for action today: raised and not handled, or handled but reopened by a change since the
    /// last run. Most urgent first.
    public var openFlags: [ReportFlag] {
        let reopened = changes.contains { $0.reopensHandledFlags }
        return flags.filter { flag in
            switch flag.state {
            case .new, .stillOpen: flag.raised != nil
            case .handled: reopened && flag.raised != nil
            case .cleared: false
            }
        }.sorted { Self.urgency(of: $0) < Self.urgency(of: $1) }
    }

    /// The flag the order is listed under, and whose message is suggested: the most urgent open flag, except that
    /// `late` gives way to `awaiting_shipment` for a parcel that never shipped (the store must ask its warehouse,
    /// not reassure the customer about a parcel in transit).
    public var leadingFlag: ReportFlag? {
        let open = openFlags
        return open.first { flag in
            !(flag.kind == .late && open.contains { $0.kind == .awaitingShipment && $0.parcel == flag.parcel })
        }
    }

    /// Raised flags acknowledged by the store and not reopened.
    public var handledFlags: [ReportFlag] {
        let reopened = changes.contains { $0.reopensHandledFlags }
        if reopened { return [] }
        return flags.filter { $0.acknowledgement != nil && $0.raised != nil }
    }

    /// Flags that cleared since the last run and asked for action while raised. A `cancellable` flag clears by
    /// itself twelve hours after every order: listing those would bury the ones that matter.
    public var clearedFlags: [ReportFlag] { flags.filter { $0.state == .cleared && ActionGroup($0.kind) != nil } }

    /// Every raised flag (new, still open or handled), most urgent first.
    public var raisedFlags: [ReportFlag] {
        flags.filter(\.isRaised).sorted { Self.urgency(of: $0) < Self.urgency(of: $1) }
    }

    /// Where the order goes in the report.
    public var placement: ReportPlacement {
        if let flag = leadingFlag, let group = ActionGroup(flag.kind) {
            return .action(ActionUrgency(group: group, rank: Self.rank(of: flag), orderID: orderID))
        }
        if let rank = notCheckedRank { return .action(ActionUrgency(group: .notChecked, rank: rank, orderID: orderID)) }
        if !handledFlags.isEmpty { return .handled }
        return .none
    }

    /// Orders sorted for ``MorningReportWriter``: the action list most urgent first, then the handled ones.
    public static func reportOrder(_ lhs: ReportOrder, _ rhs: ReportOrder) -> Bool {
        let left = lhs.placement
        let right = rhs.placement
        if left != right { return left < right }
        return lhs.orderID < rhs.orderID
    }

    /// The rank of the "not checked" group (the oldest last check first, never checked before that), or `nil`
    /// when every parcel not yet delivered was checked.
    private var notCheckedRank: Int? {
        var rank: Int?
        // A delivered parcel the carrier could not be asked about hides nothing worth a row.
        for parcel in parcels where parcel.check.isNotChecked && !parcel.estimate.isDelivered {
            let value = parcel.check.lastCheckedAt.map { Int($0.timeIntervalSince1970) } ?? Int.min
            rank = min(rank ?? value, value)
        }
        return rank
    }

    /// Kind order (the group's order; kinds without a group after them), then the rank.
    private static func urgency(of flag: ReportFlag) -> (Int, Int) {
        let group = ActionGroup(flag.kind)?.rawValue ?? ActionGroup.allCases.count + (flag.kind == .deliveredLate ? 0 : 1)
        return (group, rank(of: flag))
    }

    /// Smaller is more urgent within the flag's group.
    static func rank(of flag: ReportFlag) -> Int {
        guard let facts = flag.raised?.facts else { return 0 }
        switch facts {
        case .refundWindowClosing(_, let daysLeft): return daysLeft
        case .refundEligible(_, _, _, _, _, let closes): return closes.daysSinceEpoch
        case .exception(_, _, let since, _): return since.daysSinceEpoch
        case .noTracking(_, let graceEnded, _, _): return graceEnded.daysSinceEpoch
        case .late(_, let days, _): return -days
        case .stalled(_, _, let days, _): return -days
        case .awaitingShipment(_, let deadline): return deadline.daysSinceEpoch
        case .notServed: return 0
        case .deliveredLate(_, let delivered, _, _): return delivered.daysSinceEpoch
        case .cancellable(_, let until): return Int(until.timeIntervalSince1970)
        }
    }
}
