import Foundation
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackModel
import ShipTrackNumbers

/// The estimate half of `lookup --ordered-at`: the order details, parsed once, applied to each number's outcome.
struct LookupEstimation {
    let policy: StorePolicy
    let countries: CountryTable
    let orderedAt: Date
    let shippedAt: Date?
    let now: Date
    let destination: String

    init(
        orderedAt: String, shippedAt: String?, asOf: String?, destination: String, policyPath: String?,
        time: TimeOptions
    ) throws {
        policy = try policyPath.map { try StorePolicy.load(contentsOf: URL(fileURLWithPath: $0)) } ?? .builtIn
        countries = .builtIn
        let parser = time.parser(policy: policy)
        now = try parser.parse(optional: asOf, field: "--as-of") ?? Date()
        self.orderedAt = try parser.parse(orderedAt, field: "--ordered-at")
        self.shippedAt = try parser.parse(optional: shippedAt, field: "--shipped-at")
        self.destination = destination
        // Checks the order details once (unknown country, order in the future, shipped before ordered), so each
        // number's estimate below can only fail for reasons already reported.
        _ = try Estimator(policy: policy, countries: countries).estimate(
            ShipmentFacts(orderedAt: self.orderedAt, destination: destination, shippedAt: self.shippedAt), now: now)
    }

    /// The estimate for one looked-up number: with its result, as "not found", or with nothing fetched when the
    /// lookup failed for another reason (the promised window still holds; tracking flags then wait for data).
    func estimate(for outcome: LookupOutcome) -> ShipmentEstimate? {
        let tracking: TrackingState
        if let result = outcome.result {
            tracking = .result(result)
        } else if outcome.error?.outcome == .notFound {
            tracking = .notFound
        } else {
            tracking = .notFetched
        }
        return try? Estimator(policy: policy, countries: countries).estimate(
            ShipmentFacts(
                orderedAt: orderedAt, destination: destination, shippedAt: shippedAt,
                trackingNumber: TrackingNumberText.normalized(outcome.input), tracking: tracking),
            now: now)
    }

    func render(_ estimate: ShipmentEstimate) -> String {
        EstimateCommand.render(estimate, policy: policy).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    }
}

/// The normalised form of a number as typed, for display.
enum TrackingNumberText {
    static func normalized(_ input: String) -> String { TrackingNumber.normalize(input) }
}
