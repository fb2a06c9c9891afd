import Synchronization

/// Draws the random faults of ``CarrierSimulator/FaultRates``: request n gets the SplitMix64 mix of
/// `seed + n × golden ratio`, compared with the cumulative rates in the order of `Fault.allCases`.
final class FaultDice: Sendable {
    private let seed: UInt64
    private let thresholds: [(bound: UInt64, fault: CarrierSimulator.FaultRates.Fault)]
    private let requests = Atomic<UInt64>(0)
    let retryAfterSeconds: Int

    init(rates: CarrierSimulator.FaultRates) {
        self.seed = rates.seed
        self.retryAfterSeconds = rates.retryAfterSeconds
        var cumulative = 0.0
        var thresholds: [(UInt64, CarrierSimulator.FaultRates.Fault)] = []
        for fault in CarrierSimulator.FaultRates.Fault.allCases {
            guard let rate = rates.rates[fault], rate > 0 else { continue }
            cumulative = min(1, cumulative + rate)
            // Compared against the top 53 bits of the draw, so 1.0 is exactly "always".
            thresholds.append((UInt64(cumulative * 0x1.0p53), fault))
        }
        self.thresholds = thresholds
    }

    /// The fault for the next request and its draw (which also seeds a `garbage` body), or `nil` to answer normally.
    func roll() -> (fault: CarrierSimulator.FaultRates.Fault, draw: UInt64)? {
        guard !self.thresholds.isEmpty else { return nil }
        let index = self.requests.wrappingAdd(1, ordering: .relaxed).oldValue
        return self.fault(forDraw: index).map { ($0, index) }
    }

    /// The fault of draw `index`.
    func fault(forDraw index: UInt64) -> CarrierSimulator.FaultRates.Fault? {
        let draw = SplitMix64.mix(self.seed &+ index &* 0x9e37_79b9_7f4a_7c15) >> 11
        for threshold in self.thresholds where draw < threshold.bound {
            return threshold.fault
        }
        return nil
    }
}
