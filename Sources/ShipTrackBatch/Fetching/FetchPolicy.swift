public import ShipTrackModel

/// How politely and how persistently the batch asks carriers.
public struct FetchPolicy: Sendable {
    /// Per-carrier limits; carriers not listed use `defaultLimits`.
    public var limits: [CarrierID: CarrierLimits] = [:]
    /// Limits for carriers without their own: 4 transfers at once, 4 requests per second. Real carrier sites ban
    /// impatient clients; raise these for the simulator or a carrier's API.
    public var defaultLimits = CarrierLimits(concurrency: 4, requestsPerSecond: 4)
    /// Requests per shipment at most (the first try included).
    public var maxAttempts = 4
    /// The first retry's delay before jitter; it doubles each attempt.
    public var baseBackoff: Duration = .milliseconds(500)
    /// No single wait is longer than this, `Retry-After` included.
    public var maxBackoff: Duration = .seconds(30)

    public init() {}

    /// The limits in force for `carrier`.
    public func limits(for carrier: CarrierID) -> CarrierLimits { limits[carrier] ?? defaultLimits }
}

/// Limits for one carrier.
public struct CarrierLimits: Sendable, Hashable {
    /// Transfers in flight at once.
    public var concurrency: Int
    /// Requests started per second; `nil` or 0 means no rate limit.
    public var requestsPerSecond: Double?

    public init(concurrency: Int, requestsPerSecond: Double?) {
        self.concurrency = concurrency
        self.requestsPerSecond = requestsPerSecond
    }
}
