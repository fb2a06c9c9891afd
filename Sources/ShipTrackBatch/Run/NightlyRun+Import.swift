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
        var rejected: [String] = []
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

        func reject(_ message: String) {
            totals.rowsRejected += 1
            logger.warning("skipped row: \(message)")
            if totals.rejected.count < Self.rejectedRowsListed { totals.rejected.append(message) }
        }

        while true {
            let record: InputRecord?
            do { record = try reader.next() } catch { throw .input(error) }
            guard let record else { break }
            totals.rowsRead += 1
            switch record {
            case .rejected(let error):
                reject(error.description)
            case .row(let row):
                if row.orderedAt > asOf {
                    reject("\(configuration.inputPath):\(row.line): ordered_at: \"\(ISO8601DateFormatter().string(from: row.orderedAt))\" is after the run's time (\(ISO8601DateFormatter().string(from: asOf)))")
                    continue
                }
                switch shipments(of: row, identifier: identifier) {
                case .success(let shipments): batch += shipments
                case .failure(let message): reject("\(configuration.inputPath):\(row.line): \(message)")
                }
            }
            if batch.count >= 1_000 {
                do { try store.importShipments(batch, run: run) } catch { throw .database(error) }
                batch.removeAll(keepingCapacity: true)
            }
        }
        do { try store.importShipments(batch, run: run) } catch { throw .database(error) }
        return totals
    }

    /// The shipments one row describes: one per tracking number, or one unshipped parcel when it has none. The
    /// carrier is the row's (it must exist and accept the number) or the one the number identifies.
    private func shipments(of row: OrderRow, identifier: TrackingNumberIdentifier) -> Result<[ImportedShipment], RowMessage> {
        let named = row.carrier.map { CarrierID($0) }
        if let named, configuration.registry.carriers[named] == nil {
            let known = configuration.registry.carrierIDs.map(\.rawValue).joined(separator: ", ")
            return .failure(RowMessage("carrier: \"\(row.carrier ?? "")\" is not a known carrier (\(known))"))
        }
        let numbers = row.trackingNumbers.isEmpty ? [""] : row.trackingNumbers
        var shipments: [ImportedShipment] = []
        for raw in numbers {
            var carrier = named
            var number = ""
            if !raw.isEmpty {
                let identification = identifier.identify(raw)
                number = identification.normalized
                if let named {
                    guard identification.matches.contains(where: { $0.carrier == named }) else {
                        return .failure(RowMessage("tracking_number: \"\(raw)\" is not a valid \(named) number (\(identification.explanation))"))
                    }
                } else {
                    switch identification.verdict {
                    case .identified(let found, _): carrier = found
                    case .ambiguous:
                        return .failure(RowMessage("carrier: \"\(raw)\" is \(identification.explanation)"))
                    default:
                        return .failure(RowMessage("tracking_number: \"\(raw)\" is \(identification.explanation)"))
                    }
                }
            }
            shipments.append(
                ImportedShipment(
                    orderID: row.orderID, trackingNumber: number, carrier: number.isEmpty ? nil : carrier,
                    destination: row.destination.alpha2, orderedAt: row.orderedAt, shippedAt: row.shippedAt,
                    line: row.line))
        }
        return .success(shipments)
    }
}

/// A row-level problem, already worded as `field: what is wrong`.
struct RowMessage: Error, CustomStringConvertible {
    let description: String
    init(_ text: String) { description = text }
}
