import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackInput
import ShipTrackModel
import ShipTrackNumbers

extension NightlyRun {
    struct ImportTotals {
        var rowsRead = 0
        var rowsRejected = 0
        /// Rows that gave no shipment at all (a row whose other numbers are tracked is not lost).
        var rowsLost = 0
        /// The first rejected rows, structured (file, line, field, reason).
        var rejected: [RejectedOrderRow] = []
        /// What the reader noticed about the file (a `;` separator read as such, stray quotes, line items).
        var hints: [String] = []
        /// Line-item rows of shop exports, skipped as such.
        var lineItemRows = 0

        /// Whether most rows were rejected: the file is probably not what the store meant to give (re-saved by a
        /// spreadsheet with other separators or date formats), so it must not replace last night's reports.
        var mostRowsRejected: Bool { rowsLost > 0 && rowsLost * 2 > rowsRead }
    }

    /// How many rejected rows the summary lists in full (the count is always complete; the log has every one).
    static let rejectedRowsListed = 100

    /// Streams the order file into the database in batches. A bad row is logged with its line and field and
    /// skipped; every other row is stored.
    func importOrders(into store: BatchStore, run: Int64, asOf: Date) throws(NightlyRunError) -> ImportTotals {
        var reader: OrderFileReader
        do { reader = try OrderFileReader(path: configuration.inputPath, options: configuration.input) } catch {
            throw .input(error)
        }
        var totals = ImportTotals()
        var batch: [ImportedShipment] = []
        batch.reserveCapacity(1_000)
        let identifier = configuration.registry.identifier
        let logger = configuration.logger

        func reject(_ row: RejectedOrderRow) {
            totals.rowsRejected += 1
            logger.warning("skipped row: \(row)")
            if totals.rejected.count < Self.rejectedRowsListed { totals.rejected.append(row) }
        }
        let file = configuration.inputPath

        while true {
            let record: InputRecord?
            do { record = try reader.next() } catch { throw .input(error) }
            guard let record else { break }
            totals.rowsRead += 1
            switch record {
            case .rejected(let error):
                totals.rowsLost += 1
                reject(RejectedOrderRow(file: error.file, line: error.line, field: error.field, reason: error.description))
            case .row(let row):
                if row.orderedAt > asOf {
                    totals.rowsLost += 1
                    reject(RejectedOrderRow(
                        file: file, line: row.line, field: "ordered_at",
                        reason: "\(file):\(row.line): ordered_at: \"\(ISO8601DateFormatter().string(from: row.orderedAt))\" is after the run's time (\(ISO8601DateFormatter().string(from: asOf)))"))
                    continue
                }
                let (found, problems) = shipments(of: row, identifier: identifier)
                if found.isEmpty { totals.rowsLost += 1 }
                batch += found
                for message in problems {
                    reject(RejectedOrderRow(file: file, line: row.line, field: message.field, reason: "\(file):\(row.line): \(message)"))
                }
            }
            if batch.count >= 1_000 {
                do { try store.importShipments(batch, run: run) } catch { throw .database(error) }
                batch.removeAll(keepingCapacity: true)
            }
        }
        do { try store.importShipments(batch, run: run) } catch { throw .database(error) }
        let statistics = reader.statistics
        totals.hints = statistics.hints.map(\.description)
        totals.lineItemRows = statistics.lineItemRowsSkipped
        for hint in totals.hints { logger.notice("\(file): \(hint)") }
        return totals
    }

    /// The shipments one row describes: one per valid tracking number, or one unshipped parcel when it has none. The
    /// carrier is the row's (it must exist and accept the number) or the one the number identifies. A bad number
    /// costs only itself: it is one problem, and the row's other numbers are still shipments. An unknown carrier
    /// costs the whole row.
    private func shipments(of row: OrderRow, identifier: TrackingNumberIdentifier) -> (
        shipments: [ImportedShipment], problems: [RowMessage]
    ) {
        let named = row.carrier.map { CarrierID($0) }
        if let named, configuration.registry.carriers[named] == nil {
            let known = configuration.registry.carrierIDs.map(\.rawValue).joined(separator: ", ")
            return ([], [RowMessage(field: "carrier", "\"\(row.carrier ?? "")\" is not a known carrier (\(known))")])
        }
        let numbers = row.trackingNumbers.isEmpty ? [""] : row.trackingNumbers
        var shipments: [ImportedShipment] = []
        var problems: [(field: String, text: String)] = []
        for raw in numbers {
            var carrier = named
            var number = ""
            if !raw.isEmpty {
                let identification = identifier.identify(raw)
                number = identification.normalized
                if let named {
                    guard identification.matches.contains(where: { $0.carrier == named }) else {
                        problems.append(("tracking_number", "\"\(raw)\" is not a valid \(named) number (\(identification.explanation))"))
                        continue
                    }
                } else {
                    switch identification.verdict {
                    case .identified(let found, _): carrier = found
                    case .ambiguous:
                        problems.append(("carrier", "\"\(raw)\" is \(identification.explanation)"))
                        continue
                    default:
                        problems.append(("tracking_number", "\"\(raw)\" is \(identification.explanation)"))
                        continue
                    }
                }
            }
            shipments.append(
                ImportedShipment(
                    orderID: row.orderID, trackingNumber: number, carrier: number.isEmpty ? nil : carrier,
                    destination: row.destination.alpha2, orderedAt: row.orderedAt, shippedAt: row.shippedAt,
                    line: row.line, customerName: row.customerName, customerEmail: row.customerEmail))
        }
        // Say so when the row's other numbers still count, so a reader of the summary knows the order is tracked.
        let suffix = shipments.isEmpty ? "" : " (the row's other numbers are tracked)"
        return (shipments, problems.map { RowMessage(field: $0.field, $0.text + suffix) })
    }
}

/// A row-level problem: the field and what is wrong with it.
struct RowMessage: Error, CustomStringConvertible {
    let field: String
    let text: String
    init(field: String, _ text: String) {
        self.field = field
        self.text = text
    }

    /// `field: what is wrong`.
    var description: String { "\(field): \(text)" }
}

/// An order-file row the run did not take, for the summary and the morning report.
public struct RejectedOrderRow: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var field: String?
    /// The whole sentence, naming file, line and field.
    public var reason: String

    public var description: String { reason }
}
