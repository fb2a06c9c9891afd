import Foundation

/// What every simulated API shares: the routing file's special numbers, the fault dice, the counters, the parcel
/// world's simulated date and the clock.
struct APIContext: Sendable {
    let specialNumbers: [TrackingNumber: SpecialNumberBehaviour]
    let faultDice: FaultDice?
    let counters: StatisticsCounters
    /// The day the parcel world is drawn for, or `nil` when generation is off (then only fixture files answer).
    let simulatedDate: CalendarDay?
    /// The instant API clocks start from: token ages, quota windows and registration delays are measured from it.
    let epoch: ContinuousClock.Instant

    init(
        specialNumbers: [TrackingNumber: SpecialNumberBehaviour],
        faultDice: FaultDice?,
        counters: StatisticsCounters,
        simulatedDate: CalendarDay?
    ) {
        self.specialNumbers = specialNumbers
        self.faultDice = faultDice
        self.counters = counters
        self.simulatedDate = simulatedDate
        self.epoch = ContinuousClock.now
    }

    /// The first special number among `numbers` whose routing-file entry names a fault, with that fault. Page-only
    /// faults (bot protection) do not apply to APIs.
    func specialFault(among numbers: some Sequence<String>) -> (number: String, fault: SimulatedFault)? {
        guard !self.specialNumbers.isEmpty else { return nil }
        for raw in numbers {
            guard let number = TrackingNumber(normalizing: raw), let fault = self.specialNumbers[number]?.fault,
                fault.appliesToAPIs
            else { continue }
            return (number.value, fault)
        }
        return nil
    }

    /// The random fault the dice give this call, if any (counted as a random fault).
    func randomFault() -> (fault: CarrierSimulator.FaultRates.Fault, draw: UInt64, retryAfterSeconds: Int)? {
        guard let dice = self.faultDice, let (fault, draw) = dice.roll() else { return nil }
        self.counters.recordRandomFault()
        return (fault, draw, dice.retryAfterSeconds)
    }

    /// Time since the simulator was created, on the monotonic clock.
    var elapsed: Duration {
        ContinuousClock.now - self.epoch
    }

    /// "Now" in the parcel world, in seconds since 1970: the start of the simulated date in China when generation
    /// is on (every generated event happened before it), else the wall clock.
    var worldNow: Int {
        if let simulatedDate { return simulatedDate.chinaMidnight }
        return Int(Date().timeIntervalSince1970)
    }
}

extension SimulatedFault {
    /// Whether the fault can act on an API call (bot-protection pages belong to the page routes only).
    var appliesToAPIs: Bool {
        switch self {
        case .pageBlock: false
        default: true
        }
    }
}
