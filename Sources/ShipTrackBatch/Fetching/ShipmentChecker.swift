import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackModel

/// Checks one shipment: asks its sources (each through its own limits), retrying what may succeed later.
///
/// Retried with back-off (or the source's `Retry-After`, up to the longest wait the run accepts): transport
/// failures, 5xx and 429, empty bodies, error replies, a garbled answer (a source that usually answers well is worth
/// another try; only the same layout failure twice proves a layout change), and a timeline missing a leg that failed
/// for such a reason. Final at once: not found, not yet, invalid numbers, and a source that cannot answer (blocked,
/// unauthorized, quota exhausted). Every call returns exactly one record, never throws: a shipment always ends
/// accounted for.
struct ShipmentChecker: Sendable {
    let tracker: Tracker
    let policy: FetchPolicy
    let deadline: ContinuousClock.Instant?
    /// The longest `Retry-After` the run waits out; a source asking for longer is not asked again tonight.
    let longestPause: Duration
    let now: Date
    let logger: Logger

    func check(_ shipment: DueShipment) async -> CheckRecord {
        var attempts = 0
        var lastError: TrackingError?
        var lastPartial: TrackingResult?
        var layoutFailures = 0
        while attempts < policy.maxAttempts {
            if Task.isCancelled { return stopped(shipment, attempts, "the run stopped before it was checked") }
            if let deadline, ContinuousClock.now >= deadline {
                return stopped(shipment, attempts, "the run's deadline passed before it was checked")
            }
            attempts += 1
            do throws(TrackingError) {
                let result = try await tracker.track(
                    shipment.trackingNumber, carrier: shipment.carrier, destination: shipment.destination, now: now)
                // A leg that failed for a passing reason leaves the timeline incomplete: ask again.
                let retryable = result.legFailures.filter { !Self.isGivenUp($0.outcome) }
                if retryable.isEmpty {
                    return record(shipment, result.outcome, result: result, partial: false, attempts: attempts, source: result.source)
                }
                lastPartial = result
                lastError = nil
                guard attempts < policy.maxAttempts else { break }
                try? await Task.sleep(for: backoff(after: attempts, retryAfter: nil))
                continue
            } catch {
                if error.isCancellation { return stopped(shipment, attempts, "the run stopped during the request") }
                lastError = error
                if error.outcome == .layoutNotRecognised { layoutFailures += 1 }
                guard error.isRetryable, layoutFailures < 2, attempts < policy.maxAttempts else { break }
                if let wait = error.retryAfter, wait > longestPause {
                    let until = Date().addingTimeInterval(Double(wait.components.seconds))
                    return record(
                        shipment, .notChecked, failureKind: "source_paused",
                        detail: "not checked: \(error.source?.rawValue ?? "the source") asked to wait until \(ISO8601DateFormatter().string(from: until)), longer than this run waits (\(error.detail))",
                        attempts: attempts, source: error.source)
                }
                let delay = backoff(after: attempts, retryAfter: error.retryAfter)
                if let deadline, ContinuousClock.now + delay >= deadline {
                    return record(
                        shipment, .notChecked, failureKind: "deadline",
                        detail: "the run's deadline came before it could be asked again (\(error.detail))", attempts: attempts,
                        source: error.source)
                }
                logger.debug(
                    "retrying", metadata: ["number": "\(shipment.trackingNumber)", "attempt": "\(attempts)",
                                           "delay": "\(delay)", "error": "\(error.detail)"])
                do { try await Task.sleep(for: delay) } catch {
                    return stopped(shipment, attempts, "the run stopped while waiting to ask again")
                }
            }
        }
        if let partial = lastPartial, lastError == nil {
            let failed = partial.legFailures.map { "the \($0.carrier) leg (\($0.outcome.label): \($0.message))" }
                .joined(separator: "; ")
            return record(
                shipment, .fetchFailed, result: partial, partial: true, failureKind: "leg_failed",
                detail: "timeline incomplete after \(attemptText(attempts)): \(failed)", attempts: attempts, source: partial.source)
        }
        guard let error = lastError else { return stopped(shipment, attempts, "not checked") }
        var detail = error.detail
        if let advice = error.advice { detail += ". \(advice)" }
        if !error.fallbacks.isEmpty {
            detail += " (tried first: " + error.fallbacks.map { "\($0.source): \($0.outcome.label)" }.joined(separator: "; ") + ")"
        }
        if error.isRetryable, attempts > 1 { detail += " (after \(attemptText(attempts)))" }
        var failed = record(shipment, error.outcome, failureKind: error.kind, detail: detail, attempts: attempts, source: error.source)
        failed.fallbacks = error.fallbacks
        return failed
    }

    /// Whether a failed leg has been given up with a reason (the carrier does not know the number, or not yet; the
    /// number is not one it tracks): the timeline without it is complete as far as anyone can tell.
    static func isGivenUp(_ outcome: TrackingOutcome) -> Bool {
        switch outcome {
        case .notFound, .notYet, .invalidInput, .noSource: true
        default: false
        }
    }

    /// `Retry-After` when the source gave one, else `base * 2^(attempt-1)` with jitter; both capped.
    func backoff(after attempt: Int, retryAfter: Duration?) -> Duration {
        if let retryAfter { return min(max(.zero, retryAfter), policy.maxBackoff) }
        let ceiling = min(policy.baseBackoff * (1 << min(attempt - 1, 20)), policy.maxBackoff)
        let milliseconds = Int(ceiling / .milliseconds(1))
        return .milliseconds(Int.random(in: (milliseconds / 2)...max(milliseconds / 2, milliseconds)))
    }

    private func stopped(_ shipment: DueShipment, _ attempts: Int, _ detail: String) -> CheckRecord {
        record(shipment, .notChecked, failureKind: "deadline", detail: detail, attempts: attempts, source: nil)
    }

    private func record(
        _ shipment: DueShipment, _ outcome: TrackingOutcome, result: TrackingResult? = nil, partial: Bool = false,
        failureKind: String? = nil, detail: String? = nil, attempts: Int, source: SourceID?
    ) -> CheckRecord {
        var detail = detail
        if let result, !partial, !result.reading.unread.isEmpty {
            detail = "\(result.reading.rowsSeen - result.reading.rowsUnderstood) of \(result.reading.rowsSeen) event rows not understood: "
                + result.reading.unread.map(\.summary).joined(separator: "; ")
        }
        if let result, !partial, detail == nil, !result.fallbacks.isEmpty {
            detail = "answered by \(result.source?.rawValue ?? "?") after "
                + result.fallbacks.map { "\($0.source) (\($0.outcome.label))" }.joined(separator: ", ")
        }
        if let result, !partial, detail == nil, !result.notes.isEmpty { detail = result.notes.joined(separator: "; ") }
        // A leg given up with a reason (17TRACK has not tracked China Post's leg yet) leaves a timeline that is whole as
        // far as anyone can tell: it is checked, and says which leg it lacks and why.
        if let result, !partial, !result.legFailures.isEmpty {
            let without = "without " + result.legFailures.map { "the \($0.carrier) leg (\($0.outcome.label): \($0.message))" }
                .joined(separator: "; ")
            detail = detail.map { "\($0); \(without)" } ?? without
        }
        return CheckRecord(
            shipmentID: shipment.id, orderedAt: shipment.orderedAt, outcome: outcome, result: result, partial: partial,
            failureKind: failureKind, detail: detail, attempts: attempts, source: source, at: now,
            fallbacks: result?.fallbacks ?? [])
    }

    private func attemptText(_ attempts: Int) -> String { attempts == 1 ? "1 attempt" : "\(attempts) attempts" }
}
