import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackModel

/// Checks one shipment: asks its carrier (through each carrier's lane), retrying what may succeed later.
///
/// 429 and 503 wait for `Retry-After`; other 5xx, timeouts, resets, truncated and empty bodies back off
/// exponentially with jitter (a random wait between half and all of the step, so retries
/// of many shipments spread out); not-found, invalid numbers and unrecognised pages are final at once. Every call
/// returns an outcome, never throws: a shipment always ends accounted for.
struct ShipmentChecker: Sendable {
    let tracker: Tracker
    let policy: FetchPolicy
    let deadline: ContinuousClock.Instant?
    let now: Date
    let logger: Logger

    func check(_ shipment: DueShipment) async -> CheckRecord {
        var attempts = 0
        var lastError: TrackingError?
        while attempts < policy.maxAttempts {
            if Task.isCancelled {
                return record(shipment, .notChecked(detail: "run stopped before \(attemptText(attempts)) finished"), attempts)
            }
            if let deadline, ContinuousClock.now >= deadline {
                return record(shipment, .notChecked(detail: "run deadline passed before \(attemptText(attempts)) finished"), attempts)
            }
            attempts += 1
            do {
                // Each request waits in its source's lane (see `SourceClient`).
                let result = try await trackOnce(shipment)
                return record(shipment, .found(result), attempts)
            } catch let error as TrackingError {
                lastError = error
                if error.isCancellation {
                    return record(shipment, .notChecked(detail: "run stopped during the request"), attempts)
                }
                if error.outcome == .notFound { return record(shipment, .notFound(detail: error.detail), attempts) }
                guard error.isRetryable, attempts < policy.maxAttempts else { break }
                let delay = backoff(after: attempts, retryAfter: error.retryAfterSeconds)
                if let deadline, ContinuousClock.now + delay >= deadline {
                    return record(
                        shipment, .notChecked(detail: "run deadline reached while retrying: \(error.detail)"), attempts)
                }
                logger.debug(
                    "retrying", metadata: ["number": "\(shipment.trackingNumber)", "attempt": "\(attempts)",
                                           "delay": "\(delay)", "error": "\(error.detail)"])
                do { try await Task.sleep(for: delay) } catch {
                    return record(shipment, .notChecked(detail: "run stopped while waiting to retry"), attempts)
                }
            } catch {
                // Cancellation: the run's deadline or a stop.
                return record(shipment, .notChecked(detail: "run stopped during the request"), attempts)
            }
        }
        let error = lastError
        return record(
            shipment,
            .failed(
                detail: "\(error?.detail ?? "unknown failure") (after \(attemptText(attempts)))",
                category: error?.outcome.rawValue ?? "fetch_failed"),
            attempts)
    }

    private func trackOnce(_ shipment: DueShipment) async throws -> TrackingResult {
        try await tracker.track(
            shipment.trackingNumber, carrier: shipment.carrier, destination: shipment.destination, now: now)
    }

    /// `Retry-After` when the server gave one, else `base * 2^(attempt-1)` with jitter; both capped.
    func backoff(after attempt: Int, retryAfter: Int?) -> Duration {
        if let retryAfter { return min(.seconds(max(0, retryAfter)), policy.maxBackoff) }
        let ceiling = min(policy.baseBackoff * (1 << min(attempt - 1, 20)), policy.maxBackoff)
        let milliseconds = Int(ceiling / .milliseconds(1))
        return .milliseconds(Int.random(in: (milliseconds / 2)...max(milliseconds / 2, milliseconds)))
    }

    private func record(_ shipment: DueShipment, _ outcome: CheckOutcome, _ attempts: Int) -> CheckRecord {
        CheckRecord(shipmentID: shipment.id, outcome: outcome, attempts: attempts)
    }

    private func attemptText(_ attempts: Int) -> String { attempts == 1 ? "1 attempt" : "\(attempts) attempts" }
}
