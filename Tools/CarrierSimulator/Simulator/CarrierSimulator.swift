public import Foundation
public import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// Plays the carriers' tracking sites on a loopback address, so tests and demos never reach a real carrier.
///
/// Requests are routed by the routing file `simulator.json` in the fixtures folder: the URL path picks a carrier,
/// the carrier's parameter names the tracking number, and the number picks a page `Fixtures/<directory>/<NUMBER>.<extension>`
/// (or the carrier's unknown-number page), unless the routing file lists the number as special, in which case it
/// gets a simulated fault instead: an error status, an empty, truncated, garbage or oversized body, a gzip-encoded
/// page, a connection reset, or no answer at all.
///
/// ```swift
/// let simulator = try CarrierSimulator(fixtures: fixturesFolder, logger: logger)
/// try await simulator.start()
/// // fetch "\(simulator.baseURL)/go/TrackConfirmAction?tLabels=9400100000000000000051"
/// try await simulator.stop()
/// ```
///
/// Beside the pages it plays the carriers' authenticated APIs at their real paths, from the same parcel world: USPS's
/// OAuth 2.0 and Tracking 3/3.2 (`/oauth2/v3/token`, `/tracking/v3r2/tracking`, `/tracking/v3/tracking/{n}`), 17TRACK
/// v2.2 (`/track/v2.2/{operation}`) and the EMS partner interface (`/partner/api/public/p/track/query/{en|cn}/{n}`),
/// with the credentials in ``testCredentials``.
///
/// All network work runs on the simulator's own event-loop threads and all file reading, page generation and API
/// work on its own thread pool, so the simulator keeps answering even when the code under test blocks Swift's
/// cooperative threads.
public final class CarrierSimulator: Sendable {
    private let fixturesDirectory: URL
    private let configuration: SimulatorConfiguration
    private let options: Options
    private let logger: Logger
    private let counters: StatisticsCounters
    private let faultDice: FaultDice?
    private let apis: APIServices
    private let lifecycle = Mutex<Lifecycle>(.stopped)

    /// Loads the routing file `simulator.json` from `fixtures` and prepares a simulator that serves that folder.
    ///
    /// - Parameters:
    ///   - fixtures: The fixtures folder: it holds `simulator.json` and one sub-folder of pages per carrier.
    ///   - options: Latency, threads, the loopback guard, generated pages and fault rates; see ``Options``.
    ///   - logger: Where the simulator logs: requests at `debug`, start and stop at `info`, misconfiguration at
    ///     `warning` and `error`.
    /// - Throws: ``CarrierSimulatorError`` of kind ``CarrierSimulatorError/Kind/routingFileUnreadable`` or
    ///   ``CarrierSimulatorError/Kind/invalidRoutingFile`` (the error names the file and, where it can, the key),
    ///   ``CarrierSimulatorError/Kind/invalidFaultRates``, ``CarrierSimulatorError/Kind/invalidAPIOptions``, or
    ///   ``CarrierSimulatorError/Kind/invalidAPIFixture`` (a file of `usps-api/`, `ems-eub/` that is not an answer).
    public init(fixtures: URL, options: Options = .init(), logger: Logger) throws {
        self.fixturesDirectory = fixtures
        self.configuration = try SimulatorConfiguration.load(fromFixturesDirectory: fixtures)
        try options.faultRates?.validate()
        try options.uspsAPI.validate()
        try options.track17.validate()
        self.options = options
        self.logger = logger
        let counters = StatisticsCounters()
        self.counters = counters
        // One sequence of fault draws for pages and API calls alike.
        let faultDice = options.faultRates.map(FaultDice.init(rates:))
        self.faultDice = faultDice
        self.apis = try APIServices(
            fixturesDirectory: fixtures, options: options, specialNumbers: self.configuration.specialNumbers,
            faultDice: faultDice, counters: counters
        )
        self.warnAboutMissingUnknownNumberPages()
    }

    deinit {
        // A simulator dropped without `stop()` must not leave its threads and listening socket behind.
        let leftOver = self.lifecycle.withLock { lifecycle -> RunningServer? in
            guard case .running(let server) = lifecycle else { return nil }
            lifecycle = .stopped
            return server
        }
        if let leftOver {
            leftOver.serverChannel.close(promise: nil)
            leftOver.threadPool.shutdownGracefully { _ in }
            leftOver.eventLoopGroup.shutdownGracefully { _ in }
        }
    }

    /// Starts listening and returns the bound port.
    ///
    /// - Parameters:
    ///   - host: The address to listen on. Unless ``Options/allowNonLoopbackHosts`` is set, it must be a loopback
    ///     address (`127.0.0.0/8`, `::1`) or a name resolving to one, such as `localhost`.
    ///   - port: The port to listen on; `0` lets the system choose a free one.
    /// - Returns: The port the simulator listens on.
    /// - Throws: ``CarrierSimulatorError`` of kind ``CarrierSimulatorError/Kind/alreadyRunning``,
    ///   ``CarrierSimulatorError/Kind/hostNotLoopback`` or ``CarrierSimulatorError/Kind/cannotListen``.
    @discardableResult
    public func start(host: String = "127.0.0.1", port: Int = 0) async throws -> Int {
        let address = try self.listeningAddress(host: host, port: port)
        try self.lifecycle.withLock { lifecycle in
            guard case .stopped = lifecycle else { throw CarrierSimulatorError.alreadyRunning() }
            lifecycle = .starting
        }

        let eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: self.options.eventLoopThreads)
        // Fixture files are read with blocking calls, which must never run on an event loop; pages are generated and
        // API calls answered there too.
        let threadPool = NIOThreadPool(numberOfThreads: max(2, self.options.eventLoopThreads))
        threadPool.start()

        let services = ConnectionServices(
            router: CarrierRouter(carriers: self.configuration.carriers),
            planner: ResponsePlanner(
                specialNumbers: self.configuration.specialNumbers,
                generatesPages: self.options.generatedPages != nil,
                faultDice: self.faultDice,
                counters: self.counters,
                pageBlocking: self.options.pageBlocking
            ),
            fixtureReader: FixtureReader(fixturesDirectory: self.fixturesDirectory),
            pageGenerator: self.options.generatedPages.map { PageGenerator(simulatedDate: $0.simulatedDate) },
            apis: self.apis,
            threadPool: threadPool,
            counters: self.counters,
            latency: TimeAmount(max(self.options.latency, .zero)),
            logger: self.logger
        )

        let serverChannel: any Channel
        do {
            serverChannel = try await ServerBootstrap(group: eventLoopGroup)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelOption(.maxMessagesPerRead, value: 16)
                .childChannelInitializer { channel in
                    services.counters.recordConnectionAccepted()
                    return channel.eventLoop.makeCompletedFuture {
                        // Pipelining and protocol errors are handled by `ConnectionHandler` itself, so that it can
                        // keep reading (and notice a client that gives up) while a response is held back.
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                            withPipeliningAssistance: false,
                            withErrorHandling: false
                        )
                        try channel.pipeline.syncOperations.addHandler(ConnectionHandler(services: services))
                    }
                }
                .bind(to: address)
                .get()
        } catch {
            try? await threadPool.shutdownGracefully()
            try? await eventLoopGroup.shutdownGracefully()
            self.lifecycle.withLock { $0 = .stopped }
            throw CarrierSimulatorError.cannotListen(host: host, port: port, detail: "\(error)")
        }

        let boundAddress = serverChannel.localAddress ?? address
        let boundPort = boundAddress.port ?? port
        let server = RunningServer(
            eventLoopGroup: eventLoopGroup,
            threadPool: threadPool,
            serverChannel: serverChannel,
            port: boundPort,
            baseURL: Self.baseURL(for: boundAddress, port: boundPort)
        )
        self.lifecycle.withLock { $0 = .running(server) }
        self.logger.info(
            "carrier simulator listening",
            metadata: [
                "url": "\(server.baseURL)", "fixtures": "\(self.fixturesDirectory.path)",
                "generated-pages": "\(self.options.generatedPages.map { "\($0.simulatedDate)" } ?? "off")",
                "fault-rates": "\(self.options.faultRates.map { "\($0) seed \($0.seed)" } ?? "off")",
                "usps-page-block": "\(self.options.pageBlocking.usps.map { "\($0)" } ?? "off")",
                "chinapost-page-block": "\(self.options.pageBlocking.chinaPost.map { "\($0)" } ?? "off")",
            ]
        )
        return boundPort
    }

    /// The address clients use, such as `http://127.0.0.1:40123`, while the simulator runs; empty before
    /// ``start(host:port:)`` and after ``stop()``.
    public var baseURL: String {
        self.lifecycle.withLock { lifecycle in
            guard case .running(let server) = lifecycle else { return "" }
            return server.baseURL
        }
    }

    /// The port the simulator listens on, or `nil` when it is not running.
    public var port: Int? {
        self.lifecycle.withLock { lifecycle in
            guard case .running(let server) = lifecycle else { return nil }
            return server.port
        }
    }

    /// Stops listening, closes every open connection (including those held open by a `timeout` fault) and
    /// releases the simulator's threads. Does nothing when the simulator is not running; it can be started again.
    public func stop() async throws {
        let server = self.lifecycle.withLock { lifecycle -> RunningServer? in
            guard case .running(let server) = lifecycle else { return nil }
            lifecycle = .stopping
            return server
        }
        guard let server else { return }
        defer { self.lifecycle.withLock { $0 = .stopped } }

        try? await server.serverChannel.close()
        // The thread pool goes first: reads still in flight complete on event loops that are still running.
        try await server.threadPool.shutdownGracefully()
        // Shutting the group down closes every connection still open.
        try await server.eventLoopGroup.shutdownGracefully()
        self.logger.info("carrier simulator stopped", metadata: ["url": "\(server.baseURL)"])
    }

    /// What the simulator has done since it was created, for tests and benchmarks.
    public var statistics: Statistics {
        self.counters.snapshot()
    }

    private func listeningAddress(host: String, port: Int) throws -> SocketAddress {
        guard (0...65_535).contains(port) else {
            throw CarrierSimulatorError.cannotListen(host: host, port: port, detail: "the port must be 0...65535")
        }
        let address: SocketAddress
        do {
            address = try SocketAddress.makeAddressResolvingHost(host, port: port)
        } catch {
            throw CarrierSimulatorError.cannotListen(host: host, port: port, detail: "\(error)")
        }
        guard self.options.allowNonLoopbackHosts || address.isLoopback else {
            throw CarrierSimulatorError.hostNotLoopback(host: host)
        }
        return address
    }

    private static func baseURL(for address: SocketAddress, port: Int) -> String {
        let ipAddress = address.ipAddress ?? "127.0.0.1"
        switch address {
        case .v6:
            return "http://[\(ipAddress)]:\(port)"
        case .v4, .unixDomainSocket:
            return "http://\(ipAddress):\(port)"
        }
    }

    /// A missing unknown-number page is not fatal (a carrier may be added before its pages), but every lookup of
    /// an unknown number on that carrier will then get a 500, so say so once, up front.
    private func warnAboutMissingUnknownNumberPages() {
        for carrier in self.configuration.carriers {
            let page = self.fixturesDirectory.appendingPathComponent(carrier.unknownNumberFixture)
            if !FileManager.default.fileExists(atPath: page.path) {
                self.logger.warning(
                    "carrier's unknown-number page is missing",
                    metadata: ["carrier": "\(carrier.id)", "file": "\(page.path)"]
                )
            }
        }
    }
}
