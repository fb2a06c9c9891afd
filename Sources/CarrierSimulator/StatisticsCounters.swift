import Synchronization

/// The live counters behind `CarrierSimulator.Statistics`, updated from every event loop at once.
final class StatisticsCounters: Sendable {
    private let connectionsAccepted = Atomic<Int>(0)
    private let requestsServed = Atomic<Int>(0)

    func recordConnectionAccepted() {
        self.connectionsAccepted.wrappingAdd(1, ordering: .relaxed)
    }

    func recordRequestServed() {
        self.requestsServed.wrappingAdd(1, ordering: .relaxed)
    }

    func snapshot() -> CarrierSimulator.Statistics {
        CarrierSimulator.Statistics(
            connectionsAccepted: self.connectionsAccepted.load(ordering: .relaxed),
            requestsServed: self.requestsServed.load(ordering: .relaxed)
        )
    }
}
