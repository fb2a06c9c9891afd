import Foundation
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackModel

/// The `--json` form of a lookup: an array with one object per number given, in order.
///
/// `{"input", "outcome": "found" | "not_found" | "invalid_input" | "fetch_failed" | "page_not_recognised",
///   "result": TrackingResult?, "error": {"category", "message"}?, "estimate": ShipmentEstimate?}`; see
/// docs/tracking-model.md and docs/estimator.md.
enum LookupJSON {
    struct Entry: Encodable {
        let input: String
        let outcome: String
        let result: TrackingResult?
        let error: ErrorEntry?
        let estimate: ShipmentEstimate?
    }

    struct ErrorEntry: Encodable {
        let category: String
        let message: String
    }

    static func render(_ outcomes: [LookupOutcome], estimates: [ShipmentEstimate?]) throws -> String {
        let entries = zip(outcomes, estimates).map { outcome, estimate in
            Entry(
                input: outcome.input,
                outcome: outcome.error?.category.rawValue ?? "found",
                result: outcome.result,
                error: outcome.error.map { ErrorEntry(category: $0.category.rawValue, message: $0.description) },
                estimate: estimate)
        }
        return try encode(entries)
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
