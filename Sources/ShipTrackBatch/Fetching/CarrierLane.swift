import Foundation
import Synchronization

/// One carrier's admission control: at most `concurrency` transfers at once, and request starts spaced to the
/// rate limit. Waiting happens in the caller's task (suspension, not a blocked thread).
final class CarrierLane: Sendable {
    private struct State {
        var inFlight = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
        var nextStart: ContinuousClock.Instant
    }

    private let concurrency: Int
    /// The spacing of request starts; zero without a rate limit (a pause after `Retry-After` still applies).
    private let interval: Duration
    private let state: Mutex<State>

    init(limits: CarrierLimits) {
        concurrency = max(1, limits.concurrency)
        if let rate = limits.requestsPerSecond, rate.isFinite, rate >= 0.001 {
            interval = .nanoseconds(Int64(1_000_000_000 / rate))
        } else {
            interval = .zero
        }
        state = Mutex(State(nextStart: .now))
    }

    /// Waits for a free slot and for the rate limit, then runs `body`, releasing the slot afterwards.
    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        // Reserve the next start time under the lock, then sleep outside it until that time.
        let start = state.withLock { state -> ContinuousClock.Instant in
            let start = max(state.nextStart, .now)
            state.nextStart = start + interval
            return start
        }
        if start > .now { try await Task.sleep(until: start, clock: .continuous) }
        return try await body()
    }

    /// Holds back every later request of this carrier for `delay` (its `Retry-After`).
    func pause(for delay: Duration) {
        state.withLock { state in state.nextStart = max(state.nextStart, .now + delay) }
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let admitted = state.withLock { state -> Bool in
                if state.inFlight < concurrency {
                    state.inFlight += 1
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if admitted { continuation.resume() }
        }
    }

    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty {
                state.inFlight -= 1
                return nil
            }
            // The slot passes straight to the next waiter; inFlight stays the same.
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
