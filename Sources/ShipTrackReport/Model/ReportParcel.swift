public import Foundation
public import ShipTrackEstimate
public import ShipTrackModel

/// One parcel of an order: its estimate, and what the carrier said about it this run.
public struct ReportParcel: Sendable {
    /// The parcel's estimate (its tracking number and name, the carrier's status, dates, counters and flags).
    public var estimate: ShipmentEstimate
    /// The carrier the number belongs to; `nil` when not shipped or not identified.
    public var carrier: CarrierID?
    /// The carrier's public tracking page for this number (from the carrier definition), for people to click.
    /// Only `http` and `https` addresses are shown as links.
    public var trackingURL: URL?
    /// The newest carrier event not after the run's "now".
    public var lastEvent: TrackingEvent?
    /// The last event in English when the carrier definition has a wording for it; otherwise the report states what
    /// the event's normalized status means, so a carrier's Chinese text is never the only text.
    public var lastEventEnglish: String?
    /// Whether and when the carrier was asked.
    public var check: CheckState

    public init(
        estimate: ShipmentEstimate, carrier: CarrierID? = nil, trackingURL: URL? = nil, lastEvent: TrackingEvent? = nil,
        lastEventEnglish: String? = nil, check: CheckState
    ) {
        self.estimate = estimate
        self.carrier = carrier
        self.trackingURL = trackingURL
        self.lastEvent = lastEvent
        self.lastEventEnglish = lastEventEnglish
        self.check = check
    }

    /// The tracking number, when the parcel has one.
    public var trackingNumber: String? {
        guard let number = estimate.trackingNumber, !number.isEmpty else { return nil }
        return number
    }

    /// How the order's flags name this parcel (its tracking number, or `parcel 2`).
    public var name: String { estimate.parcel ?? trackingNumber ?? "parcel" }

    /// What the carrier says, as a status.
    public var status: ParcelStatus { ParcelStatus(estimate.tracking) }

    /// The tracking page, if it is a web address people can open (`http` or `https`).
    public var safeTrackingURL: URL? {
        guard let url = trackingURL, let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http"
        else { return nil }
        return url
    }
}

/// Whether and when the carrier was asked about a parcel.
public enum CheckState: Hashable, Sendable {
    /// No tracking number yet: nothing to ask.
    case notShipped
    /// Asked this run, at that time.
    case checked(at: Date)
    /// Not asked again: delivered or returned earlier, and final.
    case final(lastCheckedAt: Date?)
    /// The carrier could not be asked (or did not answer usably) this run; the estimate uses what was known.
    case notChecked(NotCheckedReason, lastCheckedAt: Date?)

    /// When the carrier last answered, if ever.
    public var lastCheckedAt: Date? {
        switch self {
        case .notShipped: nil
        case .checked(let at): at
        case .final(let at), .notChecked(_, let at): at
        }
    }

    /// Whether this run could not ask the carrier.
    public var isNotChecked: Bool {
        if case .notChecked = self { return true }
        return false
    }
}

/// Why a parcel was not checked this run.
public enum NotCheckedReason: Hashable, Sendable {
    /// The run reached its deadline first.
    case deadline
    /// The request failed: network, time-out, an HTTP error status, an error page. The detail is for people.
    case fetchFailed(String)
    /// The page came back but its layout is not the one the carrier definition describes.
    case pageNotRecognised(String)
    /// The tracking source could not be used at all (see the run's ``SourceProblem``s).
    case sourceProblem(SourceProblem.Kind)
    /// The night's quota plan left it for another night (the detail says when it will be reached).
    case quota(String)
    /// The source asked to wait longer than the run waits (the detail says until when).
    case sourceAskedToWait(String)

    /// One line for people.
    public var sentence: String {
        switch self {
        case .deadline: "the run reached its deadline before this parcel"
        case .fetchFailed(let detail): "the carrier's page could not be fetched (\(detail))"
        case .pageNotRecognised(let detail): "the carrier's page was not recognised (\(detail))"
        case .sourceProblem(let kind): "the tracking source is \(SourceProblemText.adjective(kind))"
        case .quota(let detail): detail
        case .sourceAskedToWait(let detail): detail
        }
    }
}

/// A carrier's status with its reason, as a value people can read.
public struct ParcelStatus: Hashable, Sendable {
    /// How much the carrier said.
    public var state: ShipmentEstimate.TrackingSummary.State
    /// The newest event's status, when there are events.
    public var status: TrackingStatus?
    /// The newest event's reason.
    public var reason: StatusReason?

    public init(state: ShipmentEstimate.TrackingSummary.State, status: TrackingStatus?, reason: StatusReason?) {
        self.state = state
        self.status = status
        self.reason = reason
    }

    /// From an estimate's tracking summary.
    public init(_ summary: ShipmentEstimate.TrackingSummary) {
        self.init(state: summary.state, status: summary.status, reason: summary.reason)
    }

    /// A status reported by events.
    public init(_ status: TrackingStatus, reason: StatusReason? = nil) {
        self.init(state: .events, status: status, reason: reason)
    }

    /// In plain English: `In transit`, `Held by customs`, `Delivered`.
    public var plainEnglish: String { PlainEnglish.status(self) }
}
