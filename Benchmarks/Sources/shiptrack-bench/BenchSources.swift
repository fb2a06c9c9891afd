import Foundation
import ShipTrackCarriers
import ShipTrackModel

/// The definitions the benchmarks use, compiled from the repository's `Carriers/` and `TrackingSources/` folders: the
/// files the C reference's XPaths are written from, so both sides of the parsing ratio run the same definitions.
enum BenchSources {
    /// The registry `shiptrack` builds from the same folders (identification, sources, follow-on legs).
    static func registry(carriers: String, sources: String) throws -> CarrierRegistry {
        try CarrierRegistry.load(
            carriersFrom: URL(fileURLWithPath: carriers, isDirectory: true),
            sourcesFrom: URL(fileURLWithPath: sources, isDirectory: true))
    }

    /// The engine of `source`, or a usage error naming the ones there are.
    static func engine(_ source: SourceID, in registry: CarrierRegistry) throws -> SourceEngine {
        guard let engine = registry.sources[source] else {
            throw BenchError("no source named \(source) (known: \(registry.sourceIDs.map(\.rawValue).joined(separator: ", ")))")
        }
        return engine
    }

    /// The request path of `number` on a page source, as the engine builds it (`{number}` percent-encoded).
    static func pagePath(_ engine: SourceEngine, number: String) -> String {
        engine.definition.track.path.replacingOccurrences(of: "{number}", with: SourceEngine.percentEncode(number))
    }
}

/// One row of the parsing table: a source, and the carrier whose parcels its answers describe.
struct ParseCase: Sendable {
    let source: SourceID
    let carrier: CarrierID
    /// How the table names the row.
    let label: String
    /// Numbers one answer is about (the source's batch: 35 for the USPS API, 40 for 17TRACK).
    let numbersPerAnswer: Int

    /// Every row, in table order: the two pages a store without credentials reads, then the three interfaces.
    static let all: [ParseCase] = [
        ParseCase(source: "usps-page", carrier: "usps", label: "usps page (HTML)", numbersPerAnswer: 1),
        ParseCase(source: "chinapost-page", carrier: "epacket", label: "epacket, China Post page (HTML)", numbersPerAnswer: 1),
        ParseCase(source: "ems-eub", carrier: "ems", label: "ems-eub (XML)", numbersPerAnswer: 1),
        ParseCase(source: "usps-api", carrier: "usps", label: "usps-api (JSON, 35 numbers an answer)", numbersPerAnswer: 35),
        ParseCase(source: "17track", carrier: "epacket", label: "17track (JSON, 40 numbers an answer)", numbersPerAnswer: 40),
    ]

    static func named(_ source: String) -> ParseCase? { all.first { $0.source.rawValue == source } }
}
