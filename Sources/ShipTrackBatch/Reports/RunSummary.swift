public import Foundation

/// `summary.json`: what a run did and found, for the morning report and `shiptrack report`.
public struct RunSummary: Codable, Sendable {
    public var runID: Int64
    public var resumed: Bool
    public var asOf: Date
    public var startedAt: Date
    public var finishedAt: Date
    public var wallSeconds: Double
    public var input: InputCounts
    /// Shipments by what happened to them this run.
    public var outcomes: [String: Int]
    public var byStatus: [String: Int]
    public var byFlag: [String: Int]
    public var byRegion: [String: Int]
    public var byCarrier: [String: Int]
    /// Orders, and how many of them have every parcel delivered, or any parcel late.
    public var orders: OrderCounts
    /// Failures by reason (the error category), and the first few in full.
    public var failures: FailureCounts
    /// What changed since the previous run.
    public var changes: ChangeCounts
    public var fetching: FetchCounts

    public struct InputCounts: Codable, Sendable {
        public var path: String
        public var rowsRead: Int
        public var rowsRejected: Int
        public var shipments: Int
        /// The first rejected rows (file, line, field, message); `rowsRejected` has the total.
        public var rejected: [String]
        enum CodingKeys: String, CodingKey {
            case path, shipments, rejected
            case rowsRead = "rows_read"
            case rowsRejected = "rows_rejected"
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
        public var byCategory: [String: Int]
        public var notChecked: Int
        public var examples: [String]
        enum CodingKeys: String, CodingKey {
            case examples
            case byCategory = "by_category"
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
    }

    public struct FetchCounts: Codable, Sendable {
        public var requests: Int
        public var retries: Int
        public var connectionsOpened: Int
        public var shipmentsPerSecond: Double
        enum CodingKeys: String, CodingKey {
            case requests, retries
            case connectionsOpened = "connections_opened"
            case shipmentsPerSecond = "shipments_per_second"
        }
    }

    enum CodingKeys: String, CodingKey {
        case resumed, input, outcomes, orders, failures, changes, fetching
        case runID = "run_id"
        case asOf = "as_of"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case wallSeconds = "wall_seconds"
        case byStatus = "by_status"
        case byFlag = "by_flag"
        case byRegion = "by_region"
        case byCarrier = "by_carrier"
    }

    /// Shipments that could not be checked this run (failed or past the deadline).
    public var uncheckedCount: Int { (outcomes["failed"] ?? 0) + (outcomes["not_checked"] ?? 0) }

    /// The short human summary printed on stdout and by `shiptrack report`.
    public var humanText: String {
        func list(_ counts: [String: Int]) -> String {
            counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        var lines = [
            "run \(runID)\(resumed ? " (resumed)" : "") as of \(ISO8601DateFormatter().string(from: asOf)): "
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
            lines.append("not checked: \(uncheckedCount) (\(list(failures.byCategory)); \(failures.notChecked) past the deadline)")
        }
        return lines.joined(separator: "\n")
    }
}
