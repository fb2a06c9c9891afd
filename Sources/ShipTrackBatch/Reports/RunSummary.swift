public import Foundation
import ShipTrackEstimate
import ShipTrackModel
import ShipTrackReport

/// `summary.json`: what a run did and found, for scripts, the morning report and `shiptrack report`.
public struct RunSummary: Codable, Sendable {
    public var runID: Int64
    public var resumed: Bool
    /// How the run ended: `finished`, `refused` (the order file), `planned` (a dry run).
    public var ended: RunEnding
    public var asOf: Date
    public var startedAt: Date
    public var finishedAt: Date
    /// The store's zone, and "now" in it, so people read the run's times as they live them.
    public var storeTimeZone: String
    public var asOfLocal: String
    public var wallSeconds: Double
    public var input: InputCounts
    /// Shipments by what happened to them this run (`checked`, `failed`, `not_checked`, ...).
    public var outcomes: [String: Int]
    /// This run's checks by typed outcome (`found`, `blocked`, `not_yet`, ...).
    public var byOutcome: [String: Int]
    public var byStatus: [String: Int]
    public var byFlag: [String: Int]
    public var byRegion: [String: Int]
    public var byCarrier: [String: Int]
    /// Checks by the source that answered or was last asked.
    public var bySource: [String: Int]
    /// Orders, and how many of them have every parcel delivered, or any parcel late.
    public var orders: OrderCounts
    /// Failures by kind (chosen where each happened), and the first few in full.
    public var failures: FailureCounts
    /// What changed since the previous run.
    public var changes: ChangeCounts
    public var fetching: FetchCounts
    /// Problems of tracking sources (blocked, unauthorized, quota, layout partly not recognised): not the parcels'.
    public var sourceProblems: [SourceProblemCount]
    /// Dates computed in years whose holidays the policy does not list.
    public var calendarWarnings: [String]
    /// The night's plan within quotas.
    public var plan: NightPlan?
    /// New flags, the first few, for the few lines `--quiet` prints.
    public var newProblems: [String]
    /// The report folder of this run, and its morning report.
    public var reportFolder: String?
    public var reportHTML: String?

    public struct InputCounts: Codable, Sendable {
        public var path: String
        public var rowsRead: Int
        public var rowsRejected: Int
        public var lineItemRows: Int
        public var shipments: Int
        /// The first rejected rows; `rowsRejected` has the total.
        public var rejected: [String]
        /// What the reader noticed about the file.
        public var hints: [String]
        enum CodingKeys: String, CodingKey {
            case path, shipments, rejected, hints
            case rowsRead = "rows_read"
            case rowsRejected = "rows_rejected"
            case lineItemRows = "line_item_rows"
        }
    }

    public struct OrderCounts: Codable, Sendable {
        public var total: Int
        public var delivered: Int
        public var late: Int
        public var multiParcel: Int
        enum CodingKeys: String, CodingKey {
            case total, delivered, late
            case multiParcel = "multi_parcel"
        }
    }

    public struct FailureCounts: Codable, Sendable {
        public var byKind: [String: Int]
        public var notChecked: Int
        public var examples: [String]
        enum CodingKeys: String, CodingKey {
            case examples
            case byKind = "by_kind"
            case notChecked = "not_checked"
        }
    }

    public struct ChangeCounts: Codable, Sendable {
        public var newlyDelivered: Int
        public var newlyLate: Int
        public var newExceptions: Int
        public var newlyRefundEligible: Int
        public var newlyStalled: Int
        enum CodingKeys: String, CodingKey {
            case newlyDelivered = "newly_delivered"
            case newlyLate = "newly_late"
            case newExceptions = "new_exceptions"
            case newlyRefundEligible = "newly_refund_eligible"
            case newlyStalled = "newly_stalled"
        }

        /// Whether anything changed that asks for a person.
        public var needsAPerson: Bool { newlyLate + newExceptions + newlyRefundEligible + newlyStalled > 0 }
    }

    public struct FetchCounts: Codable, Sendable {
        /// Every request that left the process (second legs, tokens, registrations, redirects included).
        public var requests: Int
        public var retries: Int
        public var connectionsOpened: Int
        public var shipmentsPerSecond: Double
        /// Per source: tracking requests, numbers asked, registrations, tokens.
        public var sources: [String: SourceCounts]
        enum CodingKeys: String, CodingKey {
            case requests, retries, sources
            case connectionsOpened = "connections_opened"
            case shipmentsPerSecond = "shipments_per_second"
        }
    }

    public struct SourceCounts: Codable, Sendable {
        public var trackingRequests: Int
        public var numbersAsked: Int
        public var registrationRequests: Int
        public var numbersRegistered: Int
        public var tokenRequests: Int
        enum CodingKeys: String, CodingKey {
            case trackingRequests = "tracking_requests"
            case numbersAsked = "numbers_asked"
            case registrationRequests = "registration_requests"
            case numbersRegistered = "numbers_registered"
            case tokenRequests = "token_requests"
        }
    }

    public struct SourceProblemCount: Codable, Sendable {
        public var source: String
        public var kind: String
        public var shipments: Int
        public var detail: String
    }

    enum CodingKeys: String, CodingKey {
        case resumed, ended, input, outcomes, orders, failures, changes, fetching, plan
        case runID = "run_id"
        case asOf = "as_of"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case storeTimeZone = "store_time_zone"
        case asOfLocal = "as_of_local"
        case wallSeconds = "wall_seconds"
        case byOutcome = "by_outcome"
        case byStatus = "by_status"
        case byFlag = "by_flag"
        case byRegion = "by_region"
        case byCarrier = "by_carrier"
        case bySource = "by_source"
        case sourceProblems = "source_problems"
        case calendarWarnings = "calendar_warnings"
        case newProblems = "new_problems"
        case reportFolder = "report_folder"
        case reportHTML = "report_html"
    }

    /// A summary with the run's identity and input counts, and nothing counted yet.
    init(
        runID: Int64, resumed: Bool, ended: RunEnding, asOf: Date, startedAt: Date, finishedAt: Date,
        storeTimeZone: String, asOfLocal: String, wallSeconds: Double, imported: NightlyRun.ImportTotals,
        inputPath: String
    ) {
        self.runID = runID
        self.resumed = resumed
        self.ended = ended
        self.asOf = asOf
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.storeTimeZone = storeTimeZone
        self.asOfLocal = asOfLocal
        self.wallSeconds = wallSeconds
        input = InputCounts(
            path: inputPath, rowsRead: imported.rowsRead, rowsRejected: imported.rowsRejected,
            lineItemRows: imported.lineItemRows, shipments: 0, rejected: imported.rejected.map(\.reason),
            hints: imported.hints)
        outcomes = [:]
        byOutcome = [:]
        byStatus = [:]
        byFlag = [:]
        byRegion = [:]
        byCarrier = [:]
        bySource = [:]
        orders = OrderCounts(total: 0, delivered: 0, late: 0, multiParcel: 0)
        failures = FailureCounts(byKind: [:], notChecked: 0, examples: [])
        changes = ChangeCounts(newlyDelivered: 0, newlyLate: 0, newExceptions: 0, newlyRefundEligible: 0, newlyStalled: 0)
        fetching = FetchCounts(requests: 0, retries: 0, connectionsOpened: 0, shipmentsPerSecond: 0, sources: [:])
        sourceProblems = []
        calendarWarnings = []
        newProblems = []
    }

    /// Adds the report pass's counts.
    mutating func add(_ totals: ReportPass.Totals) {
        input.shipments = totals.shipments
        outcomes = Dictionary(uniqueKeysWithValues: totals.dispositions.map { ($0.key.rawValue, $0.value) })
        byOutcome = Dictionary(uniqueKeysWithValues: totals.outcomes.map { ($0.key.rawValue, $0.value) })
        byStatus = totals.byStatus
        byFlag = Dictionary(uniqueKeysWithValues: totals.byFlag.map { ($0.key.rawValue, $0.value) })
        byRegion = totals.byRegion
        byCarrier = totals.byCarrier
        bySource = totals.bySource
        orders = totals.orders
        failures = FailureCounts(
            byKind: totals.failureKinds, notChecked: totals.dispositions[.notChecked] ?? 0,
            examples: totals.failureExamples)
        changes = totals.changes
        sourceProblems = totals.sourceProblems.map { key, value in
            SourceProblemCount(source: key.source, kind: key.kind.rawValue, shipments: value.count, detail: value.detail)
        }.sorted { ($0.shipments, $0.source) > ($1.shipments, $1.source) }
        calendarWarnings = totals.calendarWarnings.sorted()
        newProblems = totals.newProblems
    }

    /// Shipments that could not be checked this run (failed or not checked).
    public var uncheckedCount: Int { (outcomes["failed"] ?? 0) + (outcomes["not_checked"] ?? 0) }

    /// Whether a person should look today: the order file refused, shipments not checked, source problems, new
    /// flags.
    public var needsAPerson: Bool {
        ended == .refused || uncheckedCount > 0 || !sourceProblems.isEmpty || changes.needsAPerson || !newProblems.isEmpty
            || input.rowsRejected > 0
    }

    /// The short human summary printed on stdout and by `shiptrack report`.
    public var humanText: String {
        func list(_ counts: [String: Int]) -> String {
            counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        var lines: [String] = []
        if ended == .refused {
            lines.append(
                "run \(runID) REFUSED the order file: \(input.rowsRejected) of \(input.rowsRead) rows rejected; last night's reports are kept")
        }
        lines += [
            "run \(runID)\(resumed ? " (resumed)" : "") as of \(asOfLocal) (\(storeTimeZone)), "
                + "\(ISO8601DateFormatter().string(from: asOf)) UTC: "
                + "\(input.shipments) shipments in \(orders.total) orders from \(input.rowsRead) rows "
                + "(\(input.rowsRejected) rejected), \(String(format: "%.1f", wallSeconds)) s",
            "outcomes: \(list(outcomes))",
            "status:   \(list(byStatus))",
            "flags:    \(list(byFlag))",
            "changes:  \(changes.newlyDelivered) newly delivered, \(changes.newlyLate) newly late, "
                + "\(changes.newExceptions) new exceptions, \(changes.newlyRefundEligible) newly refund-eligible, "
                + "\(changes.newlyStalled) newly stalled",
        ]
        if uncheckedCount > 0 {
            lines.append("not checked: \(uncheckedCount) (\(list(failures.byKind)))")
        }
        for problem in sourceProblems {
            lines.append("source problem: \(problem.source) \(problem.kind) for \(problem.shipments) shipments: \(problem.detail)")
        }
        for hint in input.hints { lines.append("order file: \(hint)") }
        for warning in calendarWarnings { lines.append("calendar: \(warning)") }
        if let plan, !plan.isComplete { lines.append(plan.text) }
        return lines.joined(separator: "\n")
    }

    /// The few lines `--quiet` prints when something needs a person (nothing otherwise).
    public var quietText: String? {
        guard needsAPerson else { return nil }
        var lines: [String] = []
        if ended == .refused {
            lines.append("shiptrack: the order file was refused (\(input.rowsRejected) of \(input.rowsRead) rows rejected)")
        }
        if uncheckedCount > 0 { lines.append("shiptrack: \(uncheckedCount) shipments not checked") }
        for problem in sourceProblems {
            lines.append("shiptrack: \(problem.source) \(problem.kind) (\(problem.shipments) shipments): \(problem.detail)")
        }
        if input.rowsRejected > 0, ended != .refused { lines.append("shiptrack: \(input.rowsRejected) order rows rejected") }
        for problem in newProblems.prefix(5) { lines.append("new: \(problem)") }
        if let reportHTML { lines.append(reportHTML) }
        return lines.joined(separator: "\n")
    }
}
