import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel

extension NightlyRun {
    struct FetchTotals {
        var checked = 0
        var requests = 0
        var retries = 0
        var connectionsOpened = 0
        var seconds = 0.0
    }

    /// Fetches every due shipment through the one libcurl multi handle, keeping a bounded window of shipments in
    /// flight (memory stays flat however large the batch), and commits results in batches.
    func fetchDue(store: BatchStore, run: Int64, asOf: Date, clockStart: ContinuousClock.Instant)
        async throws(NightlyRunError) -> FetchTotals
    {
        let policy = configuration.fetchPolicy
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.totalTimeout = configuration.requestTimeout
        httpConfiguration.connectTimeout = min(configuration.requestTimeout, .seconds(10))
        var setup = configuration.sources
        setup.ledger = store
        let engines = Array(configuration.registry.sources.values)
        let totalConcurrency = engines.map { SourceSet.laneConcurrency(for: $0, configuration: setup) }.reduce(0, +)
        // Numbers that can be in flight at once: every lane full of full batches.
        let numbersInFlight = engines.map { SourceSet.laneConcurrency(for: $0, configuration: setup) * max(1, $0.batchSize) }
            .reduce(0, +)
        // The lanes enforce each source's limit; libcurl's per-host cap only has to let them all through, since
        // sources can share a host (the simulator, a proxy).
        httpConfiguration.maxConnectionsPerHost = max(1, totalConcurrency)
        httpConfiguration.maxTotalConnections = max(16, totalConcurrency)
        let client: HTTPClient
        do { client = try HTTPClient(configuration: httpConfiguration, logger: configuration.logger) } catch {
            throw .database(BatchStoreError(path: configuration.databasePath, operation: "start the HTTP client", underlying: error))
        }
        defer { client.shutdown() }

        let deadline = configuration.deadline.map { clockStart + $0 }
        let sources: SourceSet
        do {
            sources = try SourceSet(registry: configuration.registry, configuration: setup, fetcher: client, logger: configuration.logger)
        } catch {
            throw .sources(error)
        }
        let checker = ShipmentChecker(
            tracker: Tracker(sources: sources, logger: configuration.logger),
            policy: policy, deadline: deadline, now: asOf, logger: configuration.logger)
        // Enough shipments in flight to keep every source's lane full of full batches, with slack for retries.
        let window = max(8, min(8_192, numbersInFlight * 2))
        let progress = ProgressLine(label: "checking", enabled: configuration.showProgress)
        let due = configuration.showProgress ? (try? store.dueCount(run: run, refreshAll: configuration.refreshAll)) : nil
        let started = ContinuousClock.now
        var totals = FetchTotals()

        let outcome: Result<FetchTotals, BatchStoreError> = await withTaskGroup(of: CheckRecord.self) { group in
            var cursor: Int64 = 0
            var queued: [DueShipment] = []
            var inFlight = 0
            var exhausted = false
            var pending: [CheckRecord] = []
            var lastCommit = ContinuousClock.now

            func commit() throws(BatchStoreError) {
                try store.record(pending, run: run)
                progress.advance(by: pending.count, total: due)
                pending.removeAll(keepingCapacity: true)
                lastCommit = .now
            }

            do throws(BatchStoreError) {
                while true {
                    let pastDeadline = deadline.map { ContinuousClock.now >= $0 } ?? false
                    while inFlight < window, !exhausted, !pastDeadline {
                        if queued.isEmpty {
                            queued = try store.dueShipments(
                                run: run, after: cursor, limit: 512, refreshAll: configuration.refreshAll)
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
                    totals.checked += 1
                    totals.requests += record.attempts
                    totals.retries += max(0, record.attempts - 1)
                    pending.append(record)
                    if pending.count >= 256 || ContinuousClock.now - lastCommit > .seconds(1) { try commit() }
                }
                try commit()
                // Whatever the deadline kept us from starting is reported, never silently dropped.
                if let deadline, ContinuousClock.now >= deadline {
                    while true {
                        let rest = try store.dueShipments(run: run, after: 0, limit: 1_000, refreshAll: configuration.refreshAll)
                        if rest.isEmpty { break }
                        try store.record(
                            rest.map {
                                CheckRecord(
                                    shipmentID: $0.id, outcome: .notChecked(detail: "run deadline passed before it was tried"),
                                    attempts: 0)
                            }, run: run)
                    }
                }
                return .success(totals)
            } catch {
                group.cancelAll()
                return .failure(error)
            }
        }
        progress.finish()
        switch outcome {
        case .success(var totals):
            totals.connectionsOpened = client.statistics.connectionsOpened
            totals.seconds = Double((ContinuousClock.now - started) / .milliseconds(1)) / 1_000
            return totals
        case .failure(let error):
            throw .database(error)
        }
    }
}
