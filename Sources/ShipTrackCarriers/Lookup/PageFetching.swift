public import ShipTrackHTTP
public import ShipTrackModel

/// Fetches one page. The seam where unit tests substitute canned responses; production uses ``HTTPClient``, and
/// the nightly batch a fetcher that applies each carrier's limits.
public protocol PageFetching: Sendable {
    func fetch(_ request: HTTPRequest) async throws -> HTTPResponse

    /// Fetches a page of `carrier`'s, so a fetcher can apply that carrier's limits (every leg of a multi-carrier
    /// timeline comes through here with its own carrier).
    func fetch(_ request: HTTPRequest, carrier: CarrierID) async throws -> HTTPResponse
}

extension PageFetching {
    public func fetch(_ request: HTTPRequest, carrier: CarrierID) async throws -> HTTPResponse {
        try await fetch(request)
    }
}

extension HTTPClient: PageFetching {
    public func fetch(_ request: HTTPRequest) async throws -> HTTPResponse { try await execute(request) }
}
