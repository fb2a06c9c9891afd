import Foundation
import ShipTrackCarriers
import ShipTrackModel

/// The carrier engines the benchmarks use, compiled from `Carriers/*.json`: the files the C reference's XPaths are
/// written from, so both sides of the parsing ratio run the same definitions.
enum BenchCarriers {
    /// The carriers with generated pages, in table order.
    static let identifiers: [CarrierID] = ["usps", "epacket", "ems"]

    static func load(directory: String) throws -> [CarrierID: CarrierEngine] {
        let engines = try CarrierRegistry.loadDirectory(URL(fileURLWithPath: directory, isDirectory: true))
        return Dictionary(uniqueKeysWithValues: engines.map { ($0.id, $0) })
    }

    /// The registry `shiptrack` itself would build from the same folder (for identification and follow-on legs).
    static func registry(directory: String) throws -> CarrierRegistry {
        try CarrierRegistry.load(overridesFrom: URL(fileURLWithPath: directory, isDirectory: true))
    }
}
