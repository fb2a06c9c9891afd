import Foundation
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackModel

/// The `--json` form of a lookup: an array with one object per number given, in order.
///
/// `{"input", "outcome": TrackingOutcome (found, layout_partly_not_recognised, not_found, not_yet, blocked,
///   unauthorized, rate_limited, quota_exhausted, carrier_error, fetch_failed, layout_not_recognised, invalid_input,
///   no_source, not_checked), "result": TrackingResult?, "error": {"outcome", "kind", "source", "message", "advice",
///   "tried_first"}?, "estimate": ShipmentEstimate?}`; see docs/tracking-model.md and docs/estimator.md.
enum LookupJSON {
    struct Entry: Encodable {
        let input: String
        let outcome: String
        let result: TrackingResult?
        let error: ErrorEntry?
        let estimate: ShipmentEstimate?
    }

    struct ErrorEntry: Encodable {
        let outcome: TrackingOutcome
        let kind: String
        let source: SourceID?
        let message: String
        let advice: String?
        let triedFirst: [SourceFallback]

        enum CodingKeys: String, CodingKey {
            case outcome, kind, source, message, advice
            case triedFirst = "tried_first"
        }
    }

    static func render(_ outcomes: [LookupOutcome], estimates: [ShipmentEstimate?]) throws -> String {
        let entries = zip(outcomes, estimates).map { outcome, estimate in
            Entry(
                input: outcome.input,
                outcome: outcome.error?.outcome.rawValue ?? outcome.result?.outcome.rawValue ?? "found",
                result: outcome.result,
                error: outcome.error.map {
                    ErrorEntry(
                        outcome: $0.outcome, kind: $0.kind, source: $0.source, message: $0.detail, advice: $0.advice,
                        triedFirst: $0.fallbacks)
                },
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
