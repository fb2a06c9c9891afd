import ShipTrackModel

/// How one shipment's check ended in this run. Every shipment gets exactly one.
enum CheckOutcome: Sendable {
    /// The carrier answered with a timeline.
    case found(TrackingResult)
    /// The carrier does not know the number.
    case notFound(detail: String)
    /// Every attempt failed (or the failure is not worth retrying): the reason is the last error.
    case failed(detail: String, category: String)
    /// Not tried, or given up, because the run's deadline passed.
    case notChecked(detail: String)

    /// The stored name of the outcome.
    var name: String {
        switch self {
        case .found: "checked"
        case .notFound: "not_found"
        case .failed: "failed"
        case .notChecked: "not_checked"
        }
    }
}

/// A shipment's outcome and how many requests it took.
struct CheckRecord: Sendable {
    let shipmentID: Int64
    let outcome: CheckOutcome
    let attempts: Int
}
