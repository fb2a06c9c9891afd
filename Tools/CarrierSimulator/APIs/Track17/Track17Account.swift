import Synchronization

/// The state of the simulated 17TRACK account: which (number, carrier) pairs are registered and when, the quota,
/// and the per-key request rate. Registrations are spread over shards, each behind its own lock, so calls for
/// different numbers rarely wait for each other; the quota is one atomic counter.
final class Track17Account: Sendable {
    /// One registered (number, carrier).
    struct Registration: Sendable, Hashable {
        var carrier: Int
        /// When it was registered, on the simulator's clock: tracking information appears a delay later.
        var registeredAt: Duration
        var tag: String?
        var isStopped = false
        var hasRetracked = false
        var carrierChanges = 0
    }

    let quotaTotal: Int
    let rateLimiter: SlidingWindowLimiter?
    private let quotaUsed = Atomic<Int>(0)
    private let shards: [Shard]

    private final class Shard: Sendable {
        let registrations = Mutex<[String: [Registration]]>([:])
    }

    init(options: CarrierSimulator.Track17Options) {
        self.quotaTotal = options.quotaTotal
        self.rateLimiter = options.requestsPerSecond.map { SlidingWindowLimiter(limit: $0, window: .seconds(1)) }
        self.shards = (0..<16).map { _ in Shard() }
    }

    /// Units spent so far.
    var quotaUsedCount: Int {
        self.quotaUsed.load(ordering: .relaxed)
    }

    /// Runs `body` with the registrations of `number` (all its carriers), under its shard's lock.
    func withRegistrations<Result>(of number: String, _ body: (inout [Registration]) -> Result) -> Result {
        let shard = self.shards[Int(StableHash.fnv1a(number.utf8) % UInt64(self.shards.count))]
        return shard.registrations.withLock { table in
            var registrations = table[number] ?? []
            defer {
                if registrations.isEmpty { table[number] = nil } else { table[number] = registrations }
            }
            return body(&registrations)
        }
    }

    /// Spends one quota unit, or returns `false` when none is left.
    func spendUnit() -> Bool {
        var used = self.quotaUsed.load(ordering: .relaxed)
        while used < self.quotaTotal {
            let (exchanged, original) = self.quotaUsed.compareExchange(expected: used, desired: used + 1, ordering: .relaxed)
            if exchanged { return true }
            used = original
        }
        return false
    }
}
