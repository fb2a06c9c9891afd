extension CarrierSimulator {
    /// Counts of what a simulator has done since it was created, for tests and benchmarks.
    public struct Statistics: Sendable, Hashable, CustomStringConvertible {
        /// TCP connections accepted. With working keep-alive this stays well below ``requestsServed``.
        public var connectionsAccepted: Int

        /// Complete requests that were routed and given a response plan, fault plans included (a `timeout`
        /// request counts though it is never answered). Requests rejected before routing (unparseable, or with
        /// an over-long body) do not count.
        public var requestsServed: Int

        /// Pages generated for numbers without a fixture (see ``Options/generatedPages``).
        public var pagesGenerated: Int

        /// Responses replaced by a fault drawn by rate (see ``Options/faultRates``).
        public var randomFaultsInjected: Int

        /// Creates statistics with the given counts.
        public init(connectionsAccepted: Int = 0, requestsServed: Int = 0, pagesGenerated: Int = 0, randomFaultsInjected: Int = 0) {
            self.connectionsAccepted = connectionsAccepted
            self.requestsServed = requestsServed
            self.pagesGenerated = pagesGenerated
            self.randomFaultsInjected = randomFaultsInjected
        }

        public var description: String {
            "\(self.connectionsAccepted) connections, \(self.requestsServed) requests, \(self.pagesGenerated) pages generated, "
                + "\(self.randomFaultsInjected) random faults"
        }
    }
}
