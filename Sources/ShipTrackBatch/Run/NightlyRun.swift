import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackHTTP
import ShipTrackInput

/// The nightly batch: import the order file, fetch every shipment that may have changed, estimate and flag every
/// shipment, write the reports.
///
/// Each phase is restartable: importing is an upsert, a shipment's result and events are committed together, and
/// estimates are recomputed from the database. A run that was killed is resumed by the next run on the same input
/// (same run id): shipments already checked in it are not fetched again, nothing is duplicated.
public struct NightlyRun: Sendable {
    public let configuration: NightlyRunConfiguration

    public init(configuration: NightlyRunConfiguration) {
        self.configuration = configuration
    }

    /// Runs the batch and returns its summary (also written to `summary.json` and stored with the run).
    public func execute() async throws(NightlyRunError) -> RunSummary {
        let lock: RunLock
        do { lock = try RunLock(databasePath: configuration.databasePath) } catch { throw .locked(error) }
        defer { withExtendedLifetime(lock) {} }

        let startedAt = Date()
        let clockStart = ContinuousClock.now
        let store: BatchStore
        do { store = try BatchStore(path: configuration.databasePath) } catch { throw .database(error) }
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

        let imported = try importOrders(into: store, run: run.id, asOf: asOf)
        let fetched = try await fetchDue(store: store, run: run.id, asOf: asOf, clockStart: clockStart)
        let reports: ReportPass.Totals
        do {
            reports = try ReportPass(configuration: configuration, store: store, run: run.id, asOf: asOf).write()
        } catch let error as ReportError {
            throw .report(error)
        } catch let error as BatchStoreError {
            throw .database(error)
        } catch {
            throw .report(ReportError(path: configuration.reportDirectory, message: "\(error)"))
        }

        let finishedAt = Date()
        let wall = Double((ContinuousClock.now - clockStart) / .milliseconds(1)) / 1_000
        let summary = RunSummary(
            runID: run.id, resumed: run.resumed, asOf: asOf, startedAt: run.resumed ? run.startedAt : startedAt,
            finishedAt: finishedAt, wallSeconds: wall,
            input: .init(
                path: inputPath, rowsRead: imported.rowsRead, rowsRejected: imported.rowsRejected,
                shipments: reports.shipments, rejected: imported.rejected),
            outcomes: reports.outcomes, byStatus: reports.byStatus, byFlag: reports.byFlag, byRegion: reports.byRegion,
            byCarrier: reports.byCarrier, orders: reports.orders,
            failures: .init(byCategory: reports.failureCategories, notChecked: reports.outcomes["not_checked"] ?? 0,
                            examples: reports.failureExamples),
            changes: reports.changes,
            fetching: .init(
                requests: fetched.requests, retries: fetched.retries, connectionsOpened: fetched.connectionsOpened,
                shipmentsPerSecond: fetched.seconds > 0 ? Double(fetched.checked) / fetched.seconds : 0))
        do {
            try ReportPass.commit(summary: summary, configuration: configuration, pending: reports.writer)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            try store.finishRun(
                run.id, summaryJSON: String(decoding: try encoder.encode(summary), as: UTF8.self), at: finishedAt)
        } catch let error as ReportError {
            throw .report(error)
        } catch let error as BatchStoreError {
            throw .database(error)
        } catch {
            throw .report(ReportError(path: configuration.reportDirectory, message: "\(error)"))
        }
        return summary
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
