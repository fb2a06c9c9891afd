import NIOCore

extension CarrierSimulator {
    /// How the simulator behaves beyond what its routing file says.
    public struct Options: Sendable, Hashable {
        /// Time added before every response, after the request has been read. Negative values count as zero.
        public var latency: Duration

        /// How many event-loop threads serve connections. At least 1.
        public var eventLoopThreads: Int

        /// Whether ``CarrierSimulator/start(host:port:)`` may listen on an address that is not a loopback address.
        ///
        /// Off by default so the simulator can never become a public server by accident.
        public var allowNonLoopbackHosts: Bool

        /// Generate a page for any valid number that has no fixture, instead of the unknown-number page.
        ///
        /// Off (`nil`) by default, so fixture tests keep getting "not found" for unknown numbers. The order of
        /// precedence is: special number, fixture file, generated page, unknown-number page.
        public var generatedPages: GeneratedPagesOptions?

        /// Faults injected by rate into ordinary page responses and the APIs' tracking calls; `nil` (the default)
        /// injects none.
        public var faultRates: FaultRates?

        /// The simulated USPS API: token lifetime and hourly quota.
        public var uspsAPI: USPSAPIOptions

        /// The simulated 17TRACK API: request rate, quota and how soon a registered number has information.
        public var track17: Track17Options

        /// Bot protection in front of the USPS and China Post pages; off by default.
        public var pageBlocking: PageBlocking

        /// The default number of event-loop threads: one per processor core.
        public static var defaultEventLoopThreads: Int {
            System.coreCount
        }

        /// Creates options; every parameter has a default suitable for tests.
        ///
        /// - Parameters:
        ///   - latency: Time added before every response; zero by default.
        ///   - eventLoopThreads: Event-loop threads; one per core by default, at least 1.
        ///   - allowNonLoopbackHosts: Whether a non-loopback listening address is allowed; `false` by default.
        ///   - generatedPages: Pages for numbers without a fixture; off by default.
        ///   - faultRates: Faults injected by rate; none by default.
        ///   - uspsAPI: The USPS API's token lifetime and quota; USPS's own by default.
        ///   - track17: 17TRACK's rate, quota and registration delay; 17TRACK's own by default.
        ///   - pageBlocking: Bot protection on the page routes; off by default.
        public init(
            latency: Duration = .zero,
            eventLoopThreads: Int = Options.defaultEventLoopThreads,
            allowNonLoopbackHosts: Bool = false,
            generatedPages: GeneratedPagesOptions? = nil,
            faultRates: FaultRates? = nil,
            uspsAPI: USPSAPIOptions = USPSAPIOptions(),
            track17: Track17Options = Track17Options(),
            pageBlocking: PageBlocking = PageBlocking()
        ) {
            self.latency = latency
            self.eventLoopThreads = max(1, eventLoopThreads)
            self.allowNonLoopbackHosts = allowNonLoopbackHosts
            self.generatedPages = generatedPages
            self.faultRates = faultRates
            self.uspsAPI = uspsAPI
            self.track17 = track17
            self.pageBlocking = pageBlocking
        }
    }
}
