extension CarrierSimulatorError {
    /// The kinds of ``CarrierSimulatorError``, as static members so new kinds never break a `switch`.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable, Hashable {
            case routingFileUnreadable = "routing file unreadable"
            case invalidRoutingFile = "invalid routing file"
            case alreadyRunning = "already running"
            case hostNotLoopback = "host not loopback"
            case cannotListen = "cannot listen"
            case invalidFaultRates = "invalid fault rates"
            case invalidOrderFileOptions = "invalid order file options"
            case invalidAPIOptions = "invalid API options"
            case invalidAPIFixture = "invalid API fixture"
        }

        private let code: Code

        private init(_ code: Code) {
            self.code = code
        }

        /// The routing file `simulator.json` is missing or cannot be read.
        public static let routingFileUnreadable = Kind(.routingFileUnreadable)

        /// The routing file is not valid JSON, misses a key, has an unknown key or a value out of range.
        public static let invalidRoutingFile = Kind(.invalidRoutingFile)

        /// `start` was called on a simulator that is already running.
        public static let alreadyRunning = Kind(.alreadyRunning)

        /// `start` was asked to listen on a non-loopback address without ``CarrierSimulator/Options/allowNonLoopbackHosts``.
        public static let hostNotLoopback = Kind(.hostNotLoopback)

        /// The host did not resolve, the port was out of range or already taken.
        public static let cannotListen = Kind(.cannotListen)

        /// A fault-rate specification names an unknown fault, a rate outside 0...1, or rates adding up to more than 1.
        public static let invalidFaultRates = Kind(.invalidFaultRates)

        /// The order file generator was given a negative count or an unknown format.
        public static let invalidOrderFileOptions = Kind(.invalidOrderFileOptions)

        /// An API option is out of range: a token lifetime or quota window that is not positive, a negative quota.
        public static let invalidAPIOptions = Kind(.invalidAPIOptions)

        /// A file in an API fixture folder (`usps-api/`, `17track/`, `ems-eub/`) cannot be read or is not the
        /// shape the API answers with.
        public static let invalidAPIFixture = Kind(.invalidAPIFixture)

        public var description: String {
            self.code.rawValue
        }
    }
}
