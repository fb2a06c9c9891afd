import Logging
import NIOCore
import NIOPosix

/// What every connection of a running simulator shares: the routing steps, the fixture reader, page generator and
/// APIs and their thread pool, the counters, the latency and the logger.
struct ConnectionServices: Sendable {
    let router: CarrierRouter
    let planner: ResponsePlanner
    let fixtureReader: FixtureReader
    /// Generates pages for numbers without a fixture; `nil` when generation is off.
    let pageGenerator: PageGenerator?
    /// Plans the API calls (USPS, 17TRACK, EMS partner interface).
    let apis: APIServices
    let threadPool: NIOThreadPool
    let counters: StatisticsCounters
    let latency: TimeAmount
    let logger: Logger
}
