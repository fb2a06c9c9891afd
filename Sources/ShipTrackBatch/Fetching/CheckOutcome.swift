import Foundation
import ShipTrackCarriers
import ShipTrackModel

/// How one shipment's check ended in this run: exactly one per shipment, typed from the fetch to the database and
/// the reports.
struct CheckRecord: Sendable {
    let shipmentID: Int64
    /// When the shipment's order was placed (an acceptance before it belongs to an earlier use of the number).
    let orderedAt: Date
    /// The outcome (`found`, `not_yet`, `blocked`, `not_checked`, ...).
    let outcome: TrackingOutcome
    /// The timeline, when a source answered (complete, or partial when a leg failed to the end).
    let result: TrackingResult?
    /// Whether the timeline lacks a leg that failed to the end: it is stored (nothing is lost) but its status is not
    /// taken for the parcel's (flags never come from a partial timeline as if it were whole).
    let partial: Bool
    /// The failure's finer kind, chosen where it happened (`http_503`, `timeout`, `deadline`, `quota`, ...).
    let failureKind: String?
    /// The sentence for people, secrets already redacted.
    let detail: String?
    /// Requests this shipment took (retries included).
    let attempts: Int
    /// The source that answered or was last asked.
    let source: SourceID?
    /// When the check ended.
    let at: Date
    /// Sources asked first that could not answer (blocked, unauthorized, quota), before the one that did or the last.
    var fallbacks: [SourceFallback] = []

    /// Whether the shipment counts as checked this run: a source gave a complete answer, or said it does not know
    /// the number (yet).
    var isChecked: Bool {
        switch outcome {
        case .found, .layoutPartlyNotRecognised: !partial
        case .notFound, .notYet: true
        default: false
        }
    }
}

/// What happened to a shipment in a run, for the summary: a handful of dispositions over the typed outcomes.
public enum ShipmentDisposition: String, Sendable, Codable, CaseIterable, Hashable {
    /// A source answered with its timeline.
    case checked
    /// The source does not know the number.
    case notFound = "not_found"
    /// The source has nothing yet (registered just now, label not scanned): asked again next run.
    case notYet = "not_yet"
    /// Every attempt failed, or the source could not answer (blocked, unauthorized, quota): the reason is kept.
    case failed
    /// Not asked this run: the deadline, the night's quota plan, a source that asked to wait.
    case notChecked = "not_checked"
    /// Delivered or returned before: not asked again.
    case skippedFinal = "skipped_final"
    /// No tracking number yet.
    case notShipped = "not_shipped"

    init(_ outcome: TrackingOutcome, partial: Bool) {
        switch outcome {
        case .found, .layoutPartlyNotRecognised: self = partial ? .failed : .checked
        case .notFound: self = .notFound
        case .notYet: self = .notYet
        case .notChecked: self = .notChecked
        case .blocked, .unauthorized, .rateLimited, .quotaExhausted, .carrierError, .fetchFailed,
            .layoutNotRecognised, .invalidInput, .noSource:
            self = .failed
        }
    }
}
