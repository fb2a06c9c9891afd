/// How persistently the batch asks: attempts and back-off. (How politely — each source's concurrency, rate and
/// calls per hour — is the sources' own limits, see `SourceSet.Configuration`.)
public struct FetchPolicy: Sendable {
    /// Requests per shipment at most (the first try included).
    public var maxAttempts = 4
    /// The first retry's delay before jitter; it doubles each attempt.
    public var baseBackoff: Duration = .milliseconds(500)
    /// No single wait is longer than this, `Retry-After` included.
    public var maxBackoff: Duration = .seconds(30)

    public init() {}
}
