import Synchronization

/// The live counters behind `CarrierSimulator.Statistics`, updated from every event loop and the thread pool at
/// once, without locks.
final class StatisticsCounters: Sendable {
    private let connectionsAccepted = Atomic<Int>(0)
    private let requestsServed = Atomic<Int>(0)
    private let pagesGenerated = Atomic<Int>(0)
    private let randomFaults = Atomic<Int>(0)
    private let pagesBlocked = Atomic<Int>(0)
    let api = APICounters()

    func recordConnectionAccepted() {
        self.connectionsAccepted.wrappingAdd(1, ordering: .relaxed)
    }

    func recordRequestServed() {
        self.requestsServed.wrappingAdd(1, ordering: .relaxed)
    }

    func recordPageGenerated() {
        self.pagesGenerated.wrappingAdd(1, ordering: .relaxed)
    }

    func recordRandomFault() {
        self.randomFaults.wrappingAdd(1, ordering: .relaxed)
    }

    func recordPageBlocked() {
        self.pagesBlocked.wrappingAdd(1, ordering: .relaxed)
    }

    func snapshot() -> CarrierSimulator.Statistics {
        CarrierSimulator.Statistics(
            connectionsAccepted: self.connectionsAccepted.load(ordering: .relaxed),
            requestsServed: self.requestsServed.load(ordering: .relaxed),
            pagesGenerated: self.pagesGenerated.load(ordering: .relaxed),
            randomFaultsInjected: self.randomFaults.load(ordering: .relaxed),
            pagesBlocked: self.pagesBlocked.load(ordering: .relaxed),
            api: self.api.snapshot()
        )
    }
}
