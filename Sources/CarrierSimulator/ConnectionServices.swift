import Logging
import NIOCore
import NIOPosix

/// What every connection of a running simulator shares: the routing steps, the fixture reader and its thread
/// pool, the counters, the latency and the logger.
struct ConnectionServices: Sendable {
    let router: CarrierRouter
    let planner: ResponsePlanner
    let fixtureReader: FixtureReader
    let threadPool: NIOThreadPool
    let counters: StatisticsCounters
    let latency: TimeAmount
    let logger: Logger
}
