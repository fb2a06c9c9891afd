import Foundation
import ShipTrackCarriers
public import ShipTrackModel

/// Which due shipments tonight's quotas allow, decided before anything is spent, and what becomes of the rest.
public struct NightPlan: Sendable, Codable {
    /// One source's side of the plan.
    public struct SourceLine: Sendable, Hashable, Codable {
        public var source: SourceID
        /// Shipments whose first source this is.
        public var shipments: Int
        /// Requests it will take (batches counted once).
        public var calls: Int
        /// Quota units registrations will spend, and how many the account has left (when the source says).
        public var units: Int
        public var unitsLeft: Int?
        /// Shipments left for another night.
        public var leftOut: Int
        /// Why, when shipments are left out.
        public var limitedBy: String?

        enum CodingKeys: String, CodingKey {
            case source, shipments, calls, units
            case unitsLeft = "units_left"
            case leftOut = "left_out"
            case limitedBy = "limited_by"
        }
    }

    /// Per source.
    public var sources: [SourceLine]
    /// Shipments left out, with the sentence the report gives them ("not checked: quota; reached about ...").
    var leftOut: [Int64: String]
    /// Shipments no configured source can track.
    public var withoutSource: Int

    init(sources: [SourceLine], leftOut: [Int64: String], withoutSource: Int) {
        self.sources = sources
        self.leftOut = leftOut
        self.withoutSource = withoutSource
    }

    enum CodingKeys: String, CodingKey {
        case sources
        case withoutSource = "without_source"
        case leftOutCount = "left_out"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sources = try container.decode([SourceLine].self, forKey: .sources)
        withoutSource = try container.decode(Int.self, forKey: .withoutSource)
        leftOut = [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sources, forKey: .sources)
        try container.encode(withoutSource, forKey: .withoutSource)
        try container.encode(leftOut.count, forKey: .leftOutCount)
    }

    /// Whether everything due is checked.
    public var isComplete: Bool { leftOut.isEmpty }

    /// The plan as people read it (`--dry-run`).
    public var text: String {
        var lines = ["plan for tonight:"]
        for line in sources.sorted(by: { $0.source < $1.source }) {
            var text = "  \(line.source): \(line.shipments) shipments in \(line.calls) calls"
            if line.units > 0 || line.unitsLeft != nil {
                text += ", \(line.units) quota units" + (line.unitsLeft.map { " (\($0) left)" } ?? "")
            }
            if line.leftOut > 0 { text += "; \(line.leftOut) left for another night (\(line.limitedBy ?? "quota"))" }
            lines.append(text)
        }
        if withoutSource > 0 { lines.append("  \(withoutSource) shipments have no configured source") }
        lines.append(leftOut.isEmpty ? "every due shipment is checked tonight" : "\(leftOut.count) shipments left out: not checked: quota")
        return lines.joined(separator: "\n")
    }
}
