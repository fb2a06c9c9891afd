import Foundation
import ShipTrackEstimate
import ShipTrackModel

/// Writes one run's three report files into the report folder, each atomically.
///
/// `shipments.jsonl` and `flagged.csv` are streamed while the run walks its shipments, so memory does not grow
/// with the batch; nothing replaces the previous reports until all three are complete.
final class ReportWriter {
    let directory: URL
    private let shipments: AtomicFile
    private let flagged: AtomicFile
    private let encoder: JSONEncoder

    static let flaggedColumns = [
        "order_id", "tracking_number", "carrier", "destination", "region", "flag", "new_since_last_run", "reason",
        "ordered_on", "promised_latest", "guarantee_ends", "refund_window_closes", "status", "last_event_time",
        "last_event_place", "last_event",
    ]

    init(directory: URL) throws(ReportError) {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError(path: directory.path, message: "cannot create the report folder: \(error.localizedDescription)")
        }
        guard FileManager.default.isWritableFile(atPath: directory.path) else {
            throw ReportError(path: directory.path, message: "the report folder is not writable")
        }
        // A run killed while writing leaves its temporary files; the lock guarantees no other run owns them now.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        where name.hasPrefix(".") && name.hasSuffix(".tmp")
            && ["summary.json", "shipments.jsonl", "flagged.csv"].contains(where: { name.hasPrefix(".\($0).") })
        {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
        shipments = try AtomicFile(directory.appendingPathComponent("shipments.jsonl"))
        do {
            flagged = try AtomicFile(directory.appendingPathComponent("flagged.csv"))
        } catch {
            shipments.discard()
            throw error
        }
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try flagged.write(CSVField.row(Self.flaggedColumns))
    }

    /// One line of `shipments.jsonl`.
    struct ShipmentLine: Encodable {
        let orderID: String
        let trackingNumber: String?
        let carrier: String?
        let destination: String
        let region: String?
        let inputLine: Int
        let status: String?
        let reason: String?
        let outcome: String
        let outcomeDetail: String?
        let attempts: Int
        let flags: [String]
        let newFlags: [String]
        let lastEvent: TrackingEvent?
        let estimate: ShipmentEstimate?
        let estimateError: String?

        enum CodingKeys: String, CodingKey {
            case carrier, destination, region, status, reason, outcome, attempts, flags, estimate
            case orderID = "order_id"
            case trackingNumber = "tracking_number"
            case inputLine = "input_line"
            case outcomeDetail = "outcome_detail"
            case newFlags = "new_flags"
            case lastEvent = "last_event"
            case estimateError = "estimate_error"
        }
    }

    func add(_ line: ShipmentLine) throws(ReportError) {
        do {
            try shipments.write(String(decoding: try encoder.encode(line), as: UTF8.self) + "\n")
        } catch let error as ReportError {
            throw error
        } catch {
            throw ReportError(path: directory.path, message: "cannot encode a shipment: \(error)")
        }
        guard let estimate = line.estimate else { return }
        for flag in estimate.flags {
            let last = line.lastEvent
            try flagged.write(
                CSVField.row([
                    line.orderID, line.trackingNumber ?? "", line.carrier ?? "", line.destination, line.region ?? "",
                    flag.kind.rawValue, line.newFlags.contains(flag.kind.rawValue) ? "yes" : "no", flag.reason,
                    estimate.orderedOn.description, estimate.promised?.latest.description ?? "",
                    estimate.guarantee.endsOn.description, estimate.guarantee.refundWindow.latest.description,
                    line.status ?? "", last?.time?.description ?? "", last?.location.displayText ?? "",
                    last?.description ?? "",
                ]))
        }
    }

    /// Writes `summary.json` and moves all three files into place.
    func commit(summary: RunSummary) throws(ReportError) {
        let summaryFile = try AtomicFile(directory.appendingPathComponent("summary.json"))
        do {
            let pretty = JSONEncoder()
            pretty.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            pretty.dateEncodingStrategy = .iso8601
            try summaryFile.write(String(decoding: try pretty.encode(summary), as: UTF8.self) + "\n")
        } catch let error as ReportError {
            summaryFile.discard()
            throw error
        } catch {
            summaryFile.discard()
            throw ReportError(path: directory.path, message: "cannot encode the summary: \(error)")
        }
        try shipments.commit()
        try flagged.commit()
        try summaryFile.commit()
    }

    func discard() {
        shipments.discard()
        flagged.discard()
    }
}
