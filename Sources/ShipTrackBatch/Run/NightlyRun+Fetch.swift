import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackHTTP
import ShipTrackModel

extension NightlyRun {
    struct FetchTotals {
        var checked = 0
        var requests = 0
        var retries = 0
        var connectionsOpened = 0
        var seconds = 0.0
        /// Per source: requests, numbers asked, registrations, tokens.
        var sources: [SourceID: SourceClient.Statistics] = [:]
        var plan: NightPlan?
        /// Whether the deadline stopped the run before every due shipment was asked.
        var stoppedAtDeadline = false
        /// Sources that could not answer and were passed over for the next (blocked, unauthorized, quota), with how
        /// many shipments and the first message: problems of the source even when every shipment was answered.
        var fallbacks: [ReportPass.SourceProblemKey: (count: Int, detail: String)] = [:]

        mutating func count(_ record: CheckRecord) {
            for fallback in record.fallbacks {
                guard let kind = ReportPass.problemKind(fallback.outcome, failureKind: nil) else { continue }
                let key = ReportPass.SourceProblemKey(source: fallback.source.rawValue, kind: kind)
                let previous = fallbacks[key]
                fallbacks[key] = ((previous?.count ?? 0) + 1, previous?.detail ?? fallback.message)
            }
        }

        /// The summary's side of it.
        var counts: RunSummary.FetchCounts {
            RunSummary.FetchCounts(
                requests: requests, retries: retries, connectionsOpened: connectionsOpened,
                shipmentsPerSecond: seconds > 0 ? Double(checked) / seconds : 0,
                sources: Dictionary(uniqueKeysWithValues: sources.map { id, statistics in
                    (id.rawValue, RunSummary.SourceCounts(
                        trackingRequests: statistics.trackingRequests, numbersAsked: statistics.numbersAsked,
                        registrationRequests: statistics.registrationRequests,
                        numbersRegistered: statistics.numbersRegistered, tokenRequests: statistics.tokenRequests))
                }))
        }
    }

    /// Fetches every due shipment through the one libcurl multi handle, keeping a bounded window of shipments in
    /// flight (memory stays flat however large the batch); results go to a writer that commits them in groups, so
    /// transfers never wait for SQLite.
    func fetchDue(
        store: BatchStore, run: Int64, asOf: Date, clockStart: ContinuousClock.Instant, client: HTTPClient,
        sources: SourceSet, dryRun: Bool
    ) async throws(NightlyRunError) -> FetchTotals {
        let policy = configuration.fetchPolicy
        let deadline = configuration.deadline.map { clockStart + $0 }
        var totals = FetchTotals()

        // A night short of quota checks the most urgent first; the plan is made before anything is spent.
        let hours = configuration.deadline.map { Double($0.components.seconds) / 3_600 }
        let planner = NightPlanner(
            sources: sources, unitsPerNight: configuration.unitsPerNight, hours: hours, asOf: asOf,
            logger: configuration.logger)
        // Only shipments of sources with a budget are read into memory; the others are counted in SQL, so a night
        // of pages or unmetered APIs plans in constant memory.
        let rows: [PlanningRow]
        let counts: [CarrierID: Int]
        do {
            counts = try store.dueCountsByCarrier(run: run, refreshAll: configuration.refreshAll)
            rows = try store.dueForPlanning(
                run: run, refreshAll: configuration.refreshAll, carriers: planner.carriersToPlan(counts.keys))
        } catch { throw .database(error) }
        let plan = await planner.plan(rows, counts: counts)
        totals.plan = plan
        if dryRun { return totals }
        if !plan.leftOut.isEmpty {
            let orderedAt = Dictionary(rows.map { ($0.shipment.id, $0.shipment.orderedAt) }, uniquingKeysWith: { first, _ in first })
            let left = plan.leftOut.map { id, sentence in
                CheckRecord(
                    shipmentID: id, orderedAt: orderedAt[id] ?? asOf, outcome: .notChecked, result: nil, partial: false,
                    failureKind: "quota", detail: sentence, attempts: 0, source: nil, at: asOf)
            }
            do {
                for chunk in stride(from: 0, to: left.count, by: 1_000) {
                    try await store.record(Array(left[chunk..<min(chunk + 1_000, left.count)]), run: run, policy: configuration.policy)
                }
            } catch { throw .database(error) }
        }

        let checker = ShipmentChecker(
            tracker: Tracker(sources: sources, logger: configuration.logger), policy: policy, deadline: deadline,
            longestPause: configuration.sources.longestPause, now: asOf,
            logger: configuration.logger)
        // Enough shipments in flight to keep every source's lane full of full batches, with slack for retries.
        let numbersInFlight = sources.clients.values.map { $0.laneConcurrency * max(1, $0.engine.batchSize) }.reduce(0, +)
        let window = max(8, min(8_192, numbersInFlight * 2))
        let progress = ProgressLine(label: "checking", enabled: configuration.showProgress)
        let due = configuration.showProgress ? (try? store.dueCount(run: run, refreshAll: configuration.refreshAll)) : nil
        let started = ContinuousClock.now
        let writer = GroupWriter(store: store, run: run, policy: configuration.policy, progress: progress, total: due)

        let outcome: Result<FetchTotals, BatchStoreError> = await withTaskGroup(of: CheckRecord.self) { group in
            var cursor: Int64 = 0
            var queued: [DueShipment] = []
            var inFlight = 0
            var exhausted = false
            var counted = totals
            do throws(BatchStoreError) {
                while true {
                    let pastDeadline = deadline.map { ContinuousClock.now >= $0 } ?? false
                    while inFlight < window, !exhausted, !pastDeadline {
                        if queued.isEmpty {
                            queued = try store.dueShipments(run: run, after: cursor, limit: 512, refreshAll: configuration.refreshAll)
                            guard let last = queued.last else {
                                exhausted = true
                                break
                            }
                            cursor = last.id
                            queued.reverse()
                        }
                        let shipment = queued.removeLast()
                        group.addTask { await checker.check(shipment) }
                        inFlight += 1
                    }
                    if pastDeadline, !exhausted {
                        // Stop starting work; in-flight transfers are cancelled and end as "not checked".
                        exhausted = true
                        group.cancelAll()
                    }
                    guard inFlight > 0, let record = await group.next() else { break }
                    inFlight -= 1
                    counted.checked += 1
                    counted.retries += max(0, record.attempts - 1)
                    counted.count(record)
                    try await writer.add(record)
                }
                try await writer.finish()
                // Whatever the deadline kept us from starting is reported, never silently dropped.
                if let deadline, ContinuousClock.now >= deadline {
                    counted.stoppedAtDeadline = true
                    while true {
                        let rest = try store.dueShipments(run: run, after: 0, limit: 1_000, refreshAll: configuration.refreshAll)
                        if rest.isEmpty { break }
                        try await store.record(
                            rest.map {
                                CheckRecord(
                                    shipmentID: $0.id, orderedAt: $0.orderedAt, outcome: .notChecked, result: nil,
                                    partial: false, failureKind: "deadline",
                                    detail: "the run's deadline passed before it was checked", attempts: 0, source: nil,
                                    at: asOf)
                            }, run: run, policy: configuration.policy)
                    }
                }
                return .success(counted)
            } catch {
                group.cancelAll()
                return .failure(error)
            }
        }
        progress.finish()
        switch outcome {
        case .success(var totals):
            let statistics = client.statistics
            totals.connectionsOpened = statistics.connectionsOpened
            // Every request that left, second legs, tokens, registrations and redirects included.
            totals.requests = statistics.transfersStarted
            totals.seconds = Double((ContinuousClock.now - started) / .milliseconds(1)) / 1_000
            for (id, source) in sources.clients { totals.sources[id] = source.statistics }
            return totals
        case .failure(let error):
            throw .database(error)
        }
    }
}

/// Commits check records in groups (a transaction per 256 shipments, or per second) on GRDB's own writer, one group
/// at a time: the fetch loop hands records over and goes on while a group commits; it waits only when a second group
/// is ready before the first is stored (so memory stays flat). A run killed mid-group loses only that group's
/// uncommitted checks, which the resumed run fetches again.
final class GroupWriter: @unchecked Sendable {
    // Used from the fetch loop's task only, so no lock: `pending` and `inFlight` are that task's own state.
    private let store: BatchStore
    private let run: Int64
    private let policy: StorePolicy
    private let progress: ProgressLine
    private let total: Int?
    private var pending: [CheckRecord] = []
    private var lastCommit = ContinuousClock.now
    private var inFlight: Task<Void, any Error>?
    static let groupSize = 256

    init(store: BatchStore, run: Int64, policy: StorePolicy, progress: ProgressLine, total: Int?) {
        self.store = store
        self.run = run
        self.policy = policy
        self.progress = progress
        self.total = total
    }

    func add(_ record: CheckRecord) async throws(BatchStoreError) {
        pending.append(record)
        if pending.count >= Self.groupSize || ContinuousClock.now - lastCommit > .seconds(1) { try await commit() }
    }

    /// Waits for the group being stored, then starts storing the pending one.
    private func commit() async throws(BatchStoreError) {
        try await wait()
        let group = pending
        pending.removeAll(keepingCapacity: true)
        lastCommit = .now
        let store = store, run = run, policy = policy, progress = progress, total = total
        inFlight = Task {
            try await store.record(group, run: run, policy: policy)
            progress.advance(by: group.count, total: total)
        }
    }

    private func wait() async throws(BatchStoreError) {
        guard let task = inFlight else { return }
        inFlight = nil
        do { try await task.value } catch let error as BatchStoreError { throw error } catch {
            throw BatchStoreError(path: store.path, operation: "record results", underlying: error)
        }
    }

    /// Commits what is left and waits for every group.
    func finish() async throws(BatchStoreError) {
        if !pending.isEmpty { try await commit() }
        try await wait()
    }
}
