import Foundation
import Synchronization

/// One source's admission control: at most `concurrency` requests at once, starts spaced to the rate limit, at most
/// `callsPerHour` in any rolling hour, and a pause when the source said to come back later.
///
/// Waiting happens in the caller's task (a suspension, not a blocked thread) and ends at once when that task is
/// cancelled. A pause longer than the longest wait the caller accepts is not waited out: the caller learns until when
/// the source asked to wait and reports it.
final class SourceLane: Sendable {
    /// The limits of one lane.
    struct Limits: Sendable, Hashable {
        var concurrency: Int
        var requestsPerSecond: Double?
        var callsPerHour: Int?
        /// The longest wait for a `Retry-After` this process accepts; a longer one ends the waiting request.
        var longestPause: Duration
    }

    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var inFlight = 0
        var waiters: [Waiter] = []
        var nextID = 0
        var nextStart: ContinuousClock.Instant
        var pausedUntil: ContinuousClock.Instant?
        var pausedUntilDate: Date?
        /// Start times of the calls of the last hour, oldest first (only with a calls-per-hour limit).
        var recentCalls: [ContinuousClock.Instant] = []
    }

    let limits: Limits
    private let interval: Duration
    private let state: Mutex<State>

    init(limits: Limits) {
        var limits = limits
        limits.concurrency = max(1, limits.concurrency)
        self.limits = limits
        if let rate = limits.requestsPerSecond, rate.isFinite, rate >= 0.001 {
            // A source's rate is a ceiling it counts where requests arrive, in a rolling second: starts spaced exactly
            // 1/rate apart put one request too many in some second as soon as the network delays one start more than
            // the next. Spacing them 5% wider leaves room for that jitter (measured: at exactly 3/s, 17TRACK's limit,
            // 68 of 144 requests of a 300-order night came back 429 on loopback; at 5% under, none).
            interval = .nanoseconds(Int64(1_050_000_000 / rate))
        } else {
            interval = .zero
        }
        state = Mutex(State(nextStart: .now))
    }

    /// Waits for a free slot, the rate limit and any pause, then runs `body`, releasing the slot afterwards.
    ///
    /// Throws `CancellationError` when the calling task is cancelled while waiting, and ``SourcePaused`` when the
    /// source asked to wait longer than ``Limits/longestPause``.
    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        let start = try state.withLock { state throws(SourcePaused) -> ContinuousClock.Instant in
            let now = ContinuousClock.now
            if let until = state.pausedUntil, until - now > limits.longestPause, let date = state.pausedUntilDate {
                throw SourcePaused(until: date, reason: .askedToWait)
            }
            var start = max(state.nextStart, now, state.pausedUntil ?? now)
            if let perHour = limits.callsPerHour, perHour > 0 {
                state.recentCalls.removeAll { now - $0 >= .seconds(3_600) }
                if state.recentCalls.count >= perHour, let oldest = state.recentCalls.first {
                    start = max(start, oldest + .seconds(3_600))
                }
                // The hour's calls are spent: waiting most of an hour for the next is not this run's to decide. The
                // call is not made (nor counted), and the caller learns when the next one is possible.
                if start - now > limits.longestPause {
                    let seconds = Double((start - now) / .milliseconds(1)) / 1_000
                    throw SourcePaused(until: Date().addingTimeInterval(seconds), reason: .callsPerHour(perHour))
                }
                state.recentCalls.append(start)
                if state.recentCalls.count > perHour { state.recentCalls.removeFirst(state.recentCalls.count - perHour) }
            }
            state.nextStart = start + interval
            return start
        }
        if start > .now { try await Task.sleep(until: start, clock: .continuous) }
        return try await body()
    }

    /// Holds back every later request of this source for `delay` (its `Retry-After`).
    func pause(for delay: Duration) {
        let until = ContinuousClock.now + delay
        let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
        state.withLock { state in
            if state.pausedUntil.map({ until > $0 }) ?? true {
                state.pausedUntil = until
                state.pausedUntilDate = Date().addingTimeInterval(seconds)
            }
        }
    }

    /// Until when the source asked to wait, if it still does.
    var pausedUntil: Date? {
        state.withLock { state in
            guard let until = state.pausedUntil, until > .now else { return nil }
            return state.pausedUntilDate
        }
    }

    private func acquire() async throws {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let admitted = state.withLock { state -> Bool in
                    if Task.isCancelled { return false }
                    if state.inFlight < limits.concurrency {
                        state.inFlight += 1
                        return true
                    }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return false
                }
                if admitted {
                    continuation.resume()
                } else if Task.isCancelled, !state.withLock({ $0.waiters.contains { $0.id == id } }) {
                    continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    private func release() {
        let next = state.withLock { state -> Waiter? in
            if state.waiters.isEmpty {
                state.inFlight -= 1
                return nil
            }
            // The slot passes straight to the next waiter; inFlight stays the same.
            return state.waiters.removeFirst()
        }
        next?.continuation.resume()
    }
}

/// A source asked to wait longer than this process accepts (`Retry-After: 999999`).
struct SourcePaused: Error {
    /// Why the lane will not send now.
    enum Reason: Sendable {
        /// The source said to come back later (`Retry-After`).
        case askedToWait
        /// The source's calls per hour (its quota) are spent until the oldest call of the hour leaves it.
        case callsPerHour(Int)
    }

    let until: Date
    let reason: Reason
}
