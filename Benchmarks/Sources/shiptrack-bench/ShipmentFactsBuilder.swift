import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackModel

/// Builds in-memory shipments like a real night's for the estimator: the generated order file's destinations
/// (codes and names), order and ship times, each with what its generated page says (every leg, merged, as the batch
/// tracks it), or not found, or not shipped yet.
struct ShipmentFactsBuilder {
    let world: GeneratedWorld
    let registry: CarrierRegistry
    let timestamps: TimestampParser

    /// `distinct` shipments from the generated orders, tracked through the generated pages.
    func distinctShipments(count distinct: Int, seed: UInt64, now: Date) async throws -> [ShipmentFacts] {
        let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        // The pages a store without credentials reads, served from memory, with no politeness limits to wait for.
        var configuration = SourceSet.Configuration()
        configuration.baseURLs = GeneratedWorld.baseURLs
        configuration.allLimits = SourceLimits(concurrency: 8, requestsPerSecond: 0)
        let tracker = Tracker(
            sources: try SourceSet(registry: registry, configuration: configuration, fetcher: world.pageFetcher, logger: logger),
            logger: logger)
        var shipments: [ShipmentFacts] = []
        let lines = try world.ordersCSV(count: distinct, seed: seed).split(separator: "\n").dropFirst()
        for line in lines {
            // order_id,tracking_number,carrier,destination,ordered_at,shipped_at (no quoted fields without bad rows)
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6 else { continue }
            let orderedAt = try parseTime(fields[4], field: "ordered_at")
            let shippedAt = fields[5].isEmpty ? nil : try parseTime(fields[5], field: "shipped_at")
            let destination = fields[3]
            let numbers = fields[1].split(separator: ";").map(String.init)
            if numbers.isEmpty {
                shipments.append(ShipmentFacts(orderedAt: orderedAt, destination: destination, shippedAt: shippedAt))
                continue
            }
            let alpha2 = try CountryTable.builtIn.resolve(destination).alpha2
            for number in numbers {
                let tracking: TrackingState
                do {
                    tracking = .result(
                        try await tracker.track(
                            number, carrier: fields[2].isEmpty ? nil : CarrierID(fields[2]), destination: alpha2, now: now))
                } catch let error where error.outcome == .notFound {
                    tracking = .notFound
                } catch {
                    // A failed fetch leaves the shipment as the batch leaves it: not fetched this night.
                    tracking = .notFetched
                }
                shipments.append(
                    ShipmentFacts(
                        orderedAt: orderedAt, destination: destination, shippedAt: shippedAt, trackingNumber: number,
                        tracking: tracking))
            }
        }
        return shipments
    }

    /// A time as the batch's order reader takes it: ISO 8601, or a shop export's `2026-03-02 10:00:00 +0800`
    /// (a space before the offset, which the estimator's parser does not allow, so it is dropped first).
    private func parseTime(_ text: String, field: String) throws -> Date {
        do { return try timestamps.parse(text, field: field) } catch {
            guard let space = text.lastIndex(of: " "), text[text.index(after: space)...].first.map({ "+-".contains($0) }) == true
            else { throw error }
            var joined = text
            joined.remove(at: space)
            return try timestamps.parse(joined, field: field)
        }
    }

    /// `count` shipments cycling through `distinct`, each order moved a few minutes to a few hours earlier so the
    /// day arithmetic does not see the same dates over and over.
    static func expand(_ distinct: [ShipmentFacts], to count: Int) -> [ShipmentFacts] {
        precondition(!distinct.isEmpty)
        return (0..<count).map { index in
            var shipment = distinct[index % distinct.count]
            shipment.orderedAt -= TimeInterval((index / distinct.count) % 240 * 60)
            return shipment
        }
    }
}
