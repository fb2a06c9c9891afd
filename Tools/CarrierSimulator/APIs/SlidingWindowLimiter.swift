import Synchronization

/// Admits at most `limit` calls in any window of `window` (a rolling window: a call frees its slot `window`
/// after it was made), and says how long a refused caller must wait.
///
/// One limiter per client or key, each behind its own lock: the lock guards a few integers per call.
final class SlidingWindowLimiter: Sendable {
    let limit: Int
    let window: Duration
    private let admitted: Mutex<Admitted>

    /// The instants of the calls admitted within the window, oldest first (`times[head...]`).
    private struct Admitted {
        var times: [Duration] = []
        var head = 0
    }

    init(limit: Int, window: Duration) {
        self.limit = limit
        self.window = window
        self.admitted = Mutex(Admitted())
    }

    /// Admits a call made at `now` (time since a fixed epoch) and returns `nil`, or refuses it and returns how long
    /// until the oldest call in the window leaves it.
    func admit(at now: Duration) -> Duration? {
        guard self.limit > 0 else { return self.window }
        return self.admitted.withLock { admitted in
            while admitted.head < admitted.times.count && admitted.times[admitted.head] + self.window <= now {
                admitted.head += 1
            }
            // Compact now and then, so the array never grows past about twice the limit.
            if admitted.head > 64 && admitted.head * 2 > admitted.times.count {
                admitted.times.removeFirst(admitted.head)
                admitted.head = 0
            }
            guard admitted.times.count - admitted.head < self.limit else {
                return admitted.times[admitted.head] + self.window - now
            }
            admitted.times.append(now)
            return nil
        }
    }
}
