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

        /// Page requests answered with a bot-protection page (Akamai deny, challenge or redirect; China Post
        /// CAPTCHA) instead of the tracking page, by option or special number.
        public var pagesBlocked: Int

        /// What the carrier APIs did.
        public var api: APIStatistics

        /// Creates statistics with the given counts.
        public init(
            connectionsAccepted: Int = 0, requestsServed: Int = 0, pagesGenerated: Int = 0, randomFaultsInjected: Int = 0,
            pagesBlocked: Int = 0, api: APIStatistics = APIStatistics()
        ) {
            self.connectionsAccepted = connectionsAccepted
            self.requestsServed = requestsServed
            self.pagesGenerated = pagesGenerated
            self.randomFaultsInjected = randomFaultsInjected
            self.pagesBlocked = pagesBlocked
            self.api = api
        }

        public var description: String {
            "\(self.connectionsAccepted) connections, \(self.requestsServed) requests, \(self.pagesGenerated) pages generated, "
                + "\(self.randomFaultsInjected) random faults, \(self.pagesBlocked) pages blocked; \(self.api)"
        }
    }

    /// An API endpoint, for per-endpoint request counts.
    public enum APIEndpointName: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        case uspsToken = "POST /oauth2/v3/token"
        case uspsTrackingBatch = "POST /tracking/v3r2/tracking"
        case uspsTrackingSingle = "GET /tracking/v3/tracking/{number}"
        case track17Register = "POST /track/v2.2/register"
        case track17GetTrackInfo = "POST /track/v2.2/gettrackinfo"
        case track17GetQuota = "POST /track/v2.2/getquota"
        case track17StopTrack = "POST /track/v2.2/stoptrack"
        case track17Retrack = "POST /track/v2.2/retrack"
        case track17ChangeCarrier = "POST /track/v2.2/changecarrier"
        /// Any other `/track/v2.2/` operation (answered 404).
        case track17Other = "POST /track/v2.2/{other}"
        case emsTrackQuery = "GET /partner/api/public/p/track/query/{language}/{number}"

        public var description: String {
            self.rawValue
        }
    }

    /// Counts of the carrier APIs' work, so tests can check how a client spends requests and quota ("one token
    /// for a night of 1,000 shipments", "10,000 shipments in at most 286 requests").
    public struct APIStatistics: Sendable, Hashable, CustomStringConvertible {
        /// Requests per endpoint, whatever their answer (errors, 401, 429 and faults included).
        public var requests: [APIEndpointName: Int]
        /// USPS access tokens issued (token requests that succeeded).
        public var uspsTokensIssued: Int
        /// USPS tracking calls (v3r2 and v3) that passed authentication and the quota, and so spent quota.
        public var uspsTrackingCalls: Int
        /// Tracking numbers asked for in those calls (items of v3r2 bodies, one per v3 call).
        public var uspsNumbersRequested: Int
        /// The most numbers asked for in one USPS tracking call.
        public var uspsLargestCall: Int
        /// USPS calls answered 401 (no, unknown or expired token, or a token without tracking scope).
        public var uspsUnauthorized: Int
        /// USPS calls answered 429 because the client's hourly quota was used up.
        public var uspsQuotaExceeded: Int
        /// 17TRACK (number, carrier) pairs newly registered.
        public var track17Registrations: Int
        /// 17TRACK quota units spent (one per new registration).
        public var track17QuotaUnitsSpent: Int
        /// Tracking numbers asked for in 17TRACK `gettrackinfo` calls.
        public var track17NumbersQueried: Int
        /// The most numbers in one 17TRACK call.
        public var track17LargestCall: Int
        /// 17TRACK calls answered 429 (more than the allowed requests per second).
        public var track17RateLimited: Int

        public init(
            requests: [APIEndpointName: Int] = [:], uspsTokensIssued: Int = 0, uspsTrackingCalls: Int = 0,
            uspsNumbersRequested: Int = 0, uspsLargestCall: Int = 0, uspsUnauthorized: Int = 0, uspsQuotaExceeded: Int = 0,
            track17Registrations: Int = 0, track17QuotaUnitsSpent: Int = 0, track17NumbersQueried: Int = 0,
            track17LargestCall: Int = 0, track17RateLimited: Int = 0
        ) {
            self.requests = requests
            self.uspsTokensIssued = uspsTokensIssued
            self.uspsTrackingCalls = uspsTrackingCalls
            self.uspsNumbersRequested = uspsNumbersRequested
            self.uspsLargestCall = uspsLargestCall
            self.uspsUnauthorized = uspsUnauthorized
            self.uspsQuotaExceeded = uspsQuotaExceeded
            self.track17Registrations = track17Registrations
            self.track17QuotaUnitsSpent = track17QuotaUnitsSpent
            self.track17NumbersQueried = track17NumbersQueried
            self.track17LargestCall = track17LargestCall
            self.track17RateLimited = track17RateLimited
        }

        /// Requests to `endpoint` (0 when none).
        public func requests(to endpoint: APIEndpointName) -> Int {
            self.requests[endpoint] ?? 0
        }

        /// All API requests.
        public var totalRequests: Int {
            self.requests.values.reduce(0, +)
        }

        public var description: String {
            "\(self.totalRequests) API requests (\(self.requests(to: .uspsToken)) USPS token, "
                + "\(self.uspsTrackingCalls) USPS tracking calls for \(self.uspsNumbersRequested) numbers, "
                + "\(self.uspsQuotaExceeded) USPS 429, \(self.track17Registrations) 17TRACK registrations, "
                + "\(self.track17RateLimited) 17TRACK 429, \(self.requests(to: .emsTrackQuery)) EMS queries)"
        }
    }
}
