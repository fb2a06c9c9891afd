public import ShipTrackHTTP

/// Sends one request. The seam where unit tests substitute canned responses; production uses ``HTTPClient``.
///
/// Limits (concurrency, rate, calls per hour) are applied above this seam, per source, so every caller — a lookup,
/// the nightly run, a token request — is held to them alike.
public protocol PageFetching: Sendable {
    func fetch(_ request: HTTPRequest) async throws -> HTTPResponse
}

extension HTTPClient: PageFetching {
    public func fetch(_ request: HTTPRequest) async throws -> HTTPResponse { try await execute(request) }
}
