extension CarrierSimulator {
    /// How the simulated USPS API (OAuth 2.0 tokens, Tracking 3 and 3.2) behaves.
    public struct USPSAPIOptions: Sendable, Hashable {
        /// How long an access token is valid: `expires_in` of the token answer. USPS says 8 hours (28,799 s).
        public var tokenLifetime: Duration
        /// Tracking calls each client may make per ``quotaWindow`` (USPS's default product: 60 per hour), or
        /// `nil` for no quota. The window rolls: a call frees one hour after it was made.
        public var callsPerWindow: Int?
        /// The length of the rolling quota window: an hour, shorter in tests.
        public var quotaWindow: Duration

        /// Creates options; every parameter defaults to what USPS does.
        public init(tokenLifetime: Duration = .seconds(28_799), callsPerWindow: Int? = 60, quotaWindow: Duration = .seconds(3_600)) {
            self.tokenLifetime = tokenLifetime
            self.callsPerWindow = callsPerWindow
            self.quotaWindow = quotaWindow
        }

        /// Checks that the lifetime and window are positive and the quota not negative.
        public func validate() throws {
            guard self.tokenLifetime > .zero else {
                throw CarrierSimulatorError.invalidAPIOptions("the USPS token lifetime must be positive")
            }
            guard self.quotaWindow > .zero else {
                throw CarrierSimulatorError.invalidAPIOptions("the USPS quota window must be positive")
            }
            if let calls = self.callsPerWindow, calls < 0 {
                throw CarrierSimulatorError.invalidAPIOptions("the USPS quota must not be negative")
            }
        }
    }

    /// How the simulated 17TRACK API v2.2 behaves.
    public struct Track17Options: Sendable, Hashable {
        /// Requests per second one key may make before HTTP 429 (17TRACK allows 3), or `nil` for no limit.
        public var requestsPerSecond: Int?
        /// The account's quota: one unit is spent per newly registered (number, carrier).
        public var quotaTotal: Int
        /// How long after its registration a number first has tracking information; before that `gettrackinfo`
        /// rejects it with -18019909 ("no tracking info at the moment"), as the real service, which fetches
        /// asynchronously, does. Tests set zero.
        public var registrationDelay: Duration

        /// Creates options: 3 requests per second, a paid plan's 10,000 units, and 1.5 s until a registered number
        /// has information.
        public init(requestsPerSecond: Int? = 3, quotaTotal: Int = 10_000, registrationDelay: Duration = .milliseconds(1_500)) {
            self.requestsPerSecond = requestsPerSecond
            self.quotaTotal = quotaTotal
            self.registrationDelay = registrationDelay
        }

        /// Checks that the numbers are not negative.
        public func validate() throws {
            guard self.quotaTotal >= 0 else {
                throw CarrierSimulatorError.invalidAPIOptions("the 17TRACK quota must not be negative")
            }
            guard self.registrationDelay >= .zero else {
                throw CarrierSimulatorError.invalidAPIOptions("the 17TRACK registration delay must not be negative")
            }
            if let rate = self.requestsPerSecond, rate < 0 {
                throw CarrierSimulatorError.invalidAPIOptions("the 17TRACK request rate must not be negative")
            }
        }
    }
}
