import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackHTTP
import ShipTrackInput
import ShipTrackModel
import ShipTrackReport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The nightly batch: import the order file, plan the night within the sources' quotas, check every shipment that
/// may have changed, estimate and flag every order, write the reports.
///
/// Everything that can fail before a request is sent is checked first (the lock, the database, the report folder,
/// the sources' setup), so a run that cannot finish never spends quota. Each phase is restartable: importing is an
/// upsert, a shipment's result and events are committed together, estimates are recomputed from the kept facts. A
/// run that was killed is resumed by the next run on the same input (same run id): shipments already checked in it
/// are not asked again, nothing is stored twice.
public struct NightlyRun: Sendable {
    public let configuration: NightlyRunConfiguration

    public init(configuration: NightlyRunConfiguration) {
        self.configuration = configuration
    }

    /// Runs the batch and returns its summary (also written to `summary.json` and stored with the run).
    public func execute() async throws(NightlyRunError) -> RunSummary {
        // Reports and the database hold customers' names and addresses: owner-only unless the store says otherwise.
        let previousMask = umask(configuration.groupReadable ? 0o027 : 0o077)
        defer { umask(previousMask) }

        let lock: RunLock
        do { lock = try RunLock(databasePath: configuration.databasePath) } catch { throw .locked(error) }
        defer { withExtendedLifetime(lock) {} }

        // Preflight: nothing below sends a request.
        let folder = ReportFolder(root: URL(fileURLWithPath: configuration.reportDirectory), groupReadable: configuration.groupReadable)
        if !configuration.dryRun {
            do { try folder.prepare() } catch { throw .report(error) }
        }
        let store: BatchStore
        do { store = try BatchStore(path: configuration.databasePath) } catch { throw .database(error) }
        let client: HTTPClient
        do {
            var http = HTTPClient.Configuration()
            http.totalTimeout = configuration.requestTimeout
            http.connectTimeout = min(configuration.requestTimeout, .seconds(10))
            // The client's cap is the largest answer any source accepts; each source checks its own below it.
            http.maxBodyBytes = max(http.maxBodyBytes, configuration.registry.sources.values.map(\.maxBytes).max() ?? 0)
            // The sources' lanes bound their transfers; libcurl's per-host cap must not bound them a second time. Sources
            // may share a host (every one of them behind `--base-url`), and the default 16 connections a host held a
            // 50 ms night to 16 transfers of its lanes' 32: half the rate its lanes allow.
            let lanes = configuration.registry.sources.values
                .map { SourceSet.laneConcurrency(for: $0, configuration: configuration.sources) }.reduce(0, +)
            http.maxConnectionsPerHost = max(http.maxConnectionsPerHost, lanes)
            http.maxTotalConnections = max(http.maxTotalConnections, http.maxConnectionsPerHost)
            client = try HTTPClient(configuration: http, logger: configuration.logger)
        } catch { throw .http(error) }
        var sourceSetup = configuration.sources
        sourceSetup.ledger = store
        let sources: SourceSet
        do {
            sources = try SourceSet(
                registry: configuration.registry, configuration: sourceSetup, fetcher: client, logger: configuration.logger)
        } catch { throw .sources(error) }

        let startedAt = Date()
        let clockStart = ContinuousClock.now
        let inputPath = URL(fileURLWithPath: configuration.inputPath).standardizedFileURL.path
        let run: RunRecord
        do {
            run = try store.beginRun(
                inputPath: inputPath, inputIdentity: Self.identity(ofFile: inputPath),
                asOf: configuration.asOf ?? startedAt, asOfGiven: configuration.asOf != nil, now: startedAt)
        } catch { throw .database(error) }
        // A resumed run keeps the "now" it started with, so its estimates agree with the half already done.
        let asOf = run.resumed ? run.asOf : (configuration.asOf ?? startedAt)
        let logger = configuration.logger
        if run.resumed { logger.notice("resuming run \(run.id), interrupted before it finished") }
        if !configuration.dryRun { folder.removePartialFolders() }

        let imported = try importOrders(into: store, run: run.id, asOf: asOf)
        var summary = RunSummary(
            runID: run.id, resumed: run.resumed, ended: .finished, asOf: asOf,
            startedAt: run.resumed ? run.startedAt : startedAt, finishedAt: startedAt,
            storeTimeZone: configuration.policy.timeZone.identifier, asOfLocal: Self.localTime(asOf, configuration.policy),
            wallSeconds: 0, imported: imported, inputPath: inputPath)

        if imported.mostRowsRejected {
            // Probably not the file the store meant (re-saved with other separators or date formats): nothing is
            // asked and last night's reports stay `latest`; a refused folder says why.
            logger.error("\(imported.rowsRejected) of \(imported.rowsRead) rows rejected: the order file is refused")
            summary.ended = .refused
            return try finish(summary, store: store, folder: folder, clockStart: clockStart, report: .refused(imported))
        }

        let fetched = try await fetchDue(
            store: store, run: run.id, asOf: asOf, clockStart: clockStart, client: client, sources: sources,
            dryRun: configuration.dryRun)
        summary.plan = fetched.plan
        summary.fetching = fetched.counts
        if configuration.dryRun {
            summary.ended = .planned
            return try finish(summary, store: store, folder: folder, clockStart: clockStart, report: .none)
        }
        return try finish(
            summary, store: store, folder: folder, clockStart: clockStart,
            report: .full(imported, stoppedAtDeadline: fetched.stoppedAtDeadline, fallbacks: fetched.fallbacks))
    }

    /// Which reports a run writes.
    enum Reports {
        /// A dry run writes none.
        case none
        /// A refused order file: `summary.json` and a report header listing the rejected rows, `latest` untouched.
        case refused(ImportTotals)
        /// Every report, then `latest` moves.
        case full(ImportTotals, stoppedAtDeadline: Bool, fallbacks: [ReportPass.SourceProblemKey: (count: Int, detail: String)])
    }

    /// Writes the reports, records the run's end, and removes report folders past their retention.
    private func finish(
        _ summary: RunSummary, store: BatchStore, folder: ReportFolder, clockStart: ContinuousClock.Instant,
        report: Reports
    ) throws(NightlyRunError) -> RunSummary {
        var summary = summary
        var flagCounts: [String: Int] = [:]
        var finalFolder: URL?
        do {
            switch report {
            case .none:
                break
            case .refused(let imported):
                let partial = try folder.begin(run: summary.runID)
                let header = try header(summary: summary, store: store, imported: imported, problems: [], stoppedAtDeadline: false)
                let html = try ReportFile(partial.appendingPathComponent("report.html"), mode: folder.fileMode)
                var page = try MorningReportWriter(
                    sink: ReportFileSink(file: html), run: header, statistics: ReportStatistics(), templates: configuration.templates)
                try page.finish()
                try html.finish()
                let name = ReportFolder.name(run: summary.runID, asOf: summary.asOf, refused: true)
                summary.reportFolder = folder.root.appendingPathComponent(name).path
                summary.reportHTML = summary.reportFolder.map { $0 + "/report.html" }
                summary.finishedAt = Date()
                summary.wallSeconds = Self.seconds(since: clockStart)
                try Self.writeSummary(summary, into: partial, mode: folder.fileMode)
                finalFolder = try folder.complete(partial, as: name, keepLatest: true)
            case .full(let imported, let stoppedAtDeadline, let fallbacks):
                let partial = try folder.begin(run: summary.runID)
                let pass = ReportPass(configuration: configuration, store: store, run: summary.runID, asOf: summary.asOf, folder: partial)
                var totals = try pass.countAndRank()
                // Sources passed over for the next are problems too, though their shipments were answered.
                for (key, value) in fallbacks {
                    let previous = totals.sourceProblems[key]
                    totals.sourceProblems[key] = ((previous?.count ?? 0) + value.count, previous?.detail ?? "\(value.detail) (the next source was asked)")
                }
                let problems = totals.sourceProblems.map { key, value in
                    SourceProblem(
                        source: configuration.registry.sources[SourceID(key.source)]?.definition.name ?? key.source,
                        kind: key.kind, detail: value.detail, affectedShipments: value.count)
                }.sorted { ($0.affectedShipments, $0.source) > ($1.affectedShipments, $1.source) }
                let header = try header(
                    summary: summary, store: store, imported: imported, problems: problems, stoppedAtDeadline: stoppedAtDeadline)
                try pass.writeListed(header: header, totals: &totals)
                summary.add(totals)
                flagCounts = Dictionary(uniqueKeysWithValues: totals.byFlag.map { ($0.key.rawValue, $0.value) })
                let name = ReportFolder.name(run: summary.runID, asOf: summary.asOf, refused: false)
                summary.reportFolder = folder.root.appendingPathComponent(name).path
                summary.reportHTML = folder.root.appendingPathComponent("latest/report.html").path
                summary.finishedAt = Date()
                summary.wallSeconds = Self.seconds(since: clockStart)
                try Self.writeSummary(summary, into: partial, mode: folder.fileMode)
                finalFolder = try folder.complete(partial, as: name, keepLatest: false)
            }
        } catch let error as ReportError {
            throw .report(error)
        } catch let error as BatchStoreError {
            throw .database(error)
        } catch {
            throw .report(ReportError(path: configuration.reportDirectory, message: "\(error)"))
        }
        if case .none = report {
            summary.finishedAt = Date()
            summary.wallSeconds = Self.seconds(since: clockStart)
        }
        do {
            try store.finishRun(
                summary.runID, ended: summary.ended, summaryJSON: try Self.encode(summary), reportFolder: finalFolder?.path,
                flagCounts: flagCounts, at: summary.finishedAt)
        } catch let error as BatchStoreError {
            throw .database(error)
        } catch {
            throw .database(BatchStoreError(path: store.path, operation: "encode the run's summary", underlying: error))
        }
        if case .full = report {
            let removed = folder.removeFolders(olderThan: configuration.keepReportDays, now: summary.finishedAt)
            if removed > 0 { configuration.logger.info("removed \(removed) report folders older than \(configuration.keepReportDays) days") }
        }
        return summary
    }

    /// The morning report's header.
    private func header(
        summary: RunSummary, store: BatchStore, imported: ImportTotals, problems: [SourceProblem], stoppedAtDeadline: Bool
    ) throws -> ReportRun {
        let previous = try store.previousFinishedRun(before: summary.runID)
        return ReportRun(
            storeName: configuration.storeName, policy: configuration.policy, asOf: summary.asOf, runID: summary.runID,
            startedAt: summary.startedAt, finishedAt: Date(), previousRunAsOf: previous?.asOf,
            stoppedAtDeadline: stoppedAtDeadline, orderFile: configuration.inputPath, rowsRead: imported.rowsRead,
            rowsRejected: imported.rowsRejected,
            rejectedRows: imported.rejected.map { RejectedRow(file: $0.file, line: $0.line, field: $0.field, reason: $0.reason) },
            sourceProblems: problems,
            carrierNames: configuration.registry.carriers.mapValues(\.name))
    }

    private static func writeSummary(_ summary: RunSummary, into folder: URL, mode: Int32) throws {
        let file = try ReportFile(folder.appendingPathComponent("summary.json"), mode: mode)
        try file.write(try encode(summary) + "\n")
        try file.finish()
    }

    static func encode(_ summary: RunSummary) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(summary), as: UTF8.self)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        Double((ContinuousClock.now - start) / .milliseconds(1)) / 1_000
    }

    /// `2026-11-30 09:15` in the store's zone.
    static func localTime(_ date: Date, _ policy: StorePolicy) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = policy.timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// Size, modification time and inode: what tells tonight's rewritten order file from last night's.
    static func identity(ofFile path: String) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "unreadable" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let inode = (attributes[.systemFileNumber] as? NSNumber)?.int64Value ?? -1
        return "\(size):\(modified):\(inode)"
    }
}
