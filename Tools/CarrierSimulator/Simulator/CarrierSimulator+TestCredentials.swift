extension CarrierSimulator {
    /// The credentials the simulated APIs accept: public test values, valid only against the simulator.
    public struct TestCredentials: Sendable, Hashable {
        /// USPS OAuth client whose tokens carry the `tracking` scope.
        public let uspsClientID = "shiptrack-test-client"
        /// The secret of both USPS test clients.
        public let uspsClientSecret = "shiptrack-test-secret"
        /// USPS OAuth client of an app without the Tracking product: its tokens lack `tracking`, and tracking calls
        /// made with them answer 401 "The client application identifier is invalid."
        public let uspsClientIDWithoutTracking = "shiptrack-test-notracking"
        /// The 17TRACK API key (header `17token`).
        public let track17APIKey = "shiptrack-test-17token"
        /// A 17TRACK key whose account whitelists other IP addresses: every call answers -18010001.
        public let track17APIKeyFromOtherIP = "shiptrack-test-17token-otherip"
        /// The EMS partner interface token (header `authenticate`).
        public let emsToken = "shiptrack-test-ems-token"
        /// The `version` header the EMS partner interface expects.
        public let emsVersion = "international_eub_us_1.1"

        /// The environment variables ShipTrack reads its credentials from, with the simulator's values, in the
        /// order `carrier-sim` prints them.
        public var environment: [(name: String, value: String)] {
            [
                ("USPS_CLIENT_ID", self.uspsClientID), ("USPS_CLIENT_SECRET", self.uspsClientSecret),
                ("TRACK17_API_KEY", self.track17APIKey), ("EMS_EUB_TOKEN", self.emsToken),
            ]
        }
    }

    /// The credentials the simulated APIs accept.
    public static let testCredentials = TestCredentials()
}
