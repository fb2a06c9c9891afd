public import Foundation
public import ShipTrackEstimate
public import ShipTrackModel

/// The header of a morning report: which run, for which store, as of when, and what went wrong before any order
/// could be looked at (rejected order rows, tracking sources that failed).
public struct ReportRun: Sendable {
    /// The store's name, for the page title and the `{store_name}` placeholder of the messages.
    public var storeName: String
    /// The store's policy: its time zone (every time in the report is shown in it), transit windows (the transit
    /// chart shades them) and refund rules.
    public var policy: StorePolicy
    /// The run's "now": what every estimate was computed for.
    public var asOf: Date
    /// The run's number in the batch database, when it has one.
    public var runID: Int64?
    /// When the run started, for the header.
    public var startedAt: Date?
    /// When the run finished checking, for the header.
    public var finishedAt: Date?
    /// The "now" of the previous run: "new since the last run" is relative to it. `nil` on the first run.
    public var previousRunAsOf: Date?
    /// Whether the run stopped checking at its deadline (some shipments were then not checked).
    public var stoppedAtDeadline: Bool
    /// The order file as the command line named it.
    public var orderFile: String?
    /// Rows read from the order file.
    public var rowsRead: Int
    /// Rows of the order file that were rejected (all of them, not only those in ``rejectedRows``).
    public var rowsRejected: Int
    /// The rejected rows to list (the batch may keep only the first few hundred; ``rowsRejected`` is the total).
    public var rejectedRows: [RejectedRow]
    /// Tracking sources that could not be used as they should this run.
    public var sourceProblems: [SourceProblem]
    /// Display names of the carriers (`usps` → `USPS`, `epacket` → `ePacket (China Post)`), from their definitions.
    /// A carrier missing here is shown by its identifier.
    public var carrierNames: [CarrierID: String]

    public init(
        storeName: String, policy: StorePolicy = .builtIn, asOf: Date, runID: Int64? = nil, startedAt: Date? = nil,
        finishedAt: Date? = nil, previousRunAsOf: Date? = nil, stoppedAtDeadline: Bool = false,
        orderFile: String? = nil, rowsRead: Int = 0, rowsRejected: Int = 0, rejectedRows: [RejectedRow] = [],
        sourceProblems: [SourceProblem] = [], carrierNames: [CarrierID: String] = [:]
    ) {
        self.storeName = storeName
        self.policy = policy
        self.asOf = asOf
        self.runID = runID
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.previousRunAsOf = previousRunAsOf
        self.stoppedAtDeadline = stoppedAtDeadline
        self.orderFile = orderFile
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.rejectedRows = rejectedRows
        self.sourceProblems = sourceProblems
        self.carrierNames = carrierNames
    }

    /// The name people know a carrier by.
    public func carrierName(_ carrier: CarrierID?) -> String {
        guard let carrier else { return "no carrier" }
        return carrierNames[carrier] ?? carrier.rawValue
    }
}

/// A row of the order file the batch could not use.
public struct RejectedRow: Hashable, Sendable {
    /// The file, as the command line named it.
    public var file: String
    /// The physical line the row starts on.
    public var line: Int
    /// The column at fault, when one is (`destination`).
    public var field: String?
    /// Why, in one sentence for people (`"Atlantis" is not a known country`).
    public var reason: String

    public init(file: String, line: Int, field: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }
}

/// A tracking source (a carrier's page or interface) that could not be used as it should this run.
///
/// These are problems of the source or of its definition, not of any parcel: one line here can explain hundreds
/// of "not checked" orders. The batch must not put secrets (keys, tokens) in ``detail``.
public struct SourceProblem: Hashable, Sendable {
    /// What went wrong with the source.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The source refuses our requests (HTTP 403 to every request, a block page, a captcha).
        case blocked
        /// The source rejected our credentials (HTTP 401, an invalid key).
        case unauthorized
        /// The source's request quota is used up until it resets.
        case quotaExhausted = "quota_exhausted"
        /// The source could not be reached or kept failing (DNS, connection, 5xx).
        case unavailable
        /// Pages came back, but part of their layout is not what the carrier definition describes: a problem of the
        /// definition (`Carriers/*.json`), not of the parcels.
        case layoutPartlyNotRecognised = "layout_partly_not_recognised"
    }

    /// The source's name as people know it (`USPS`, `ePacket (China Post)`).
    public var source: String
    /// The carrier definition behind it, when there is one.
    public var carrier: CarrierID?
    /// What went wrong.
    public var kind: Kind
    /// One or two sentences for people: what was seen (`HTTP 403 on 1,204 requests since 01:32`,
    /// `field "events" matched nothing on 37 of 5,012 pages`).
    public var detail: String
    /// Shipments this run could not check (or read fully) because of it.
    public var affectedShipments: Int
    /// Since when, if known (the first failing request).
    public var since: Date?

    public init(
        source: String, carrier: CarrierID? = nil, kind: Kind, detail: String, affectedShipments: Int,
        since: Date? = nil
    ) {
        self.source = source
        self.carrier = carrier
        self.kind = kind
        self.detail = detail
        self.affectedShipments = affectedShipments
        self.since = since
    }
}
