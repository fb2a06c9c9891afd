public import ShipTrackHTTP

/// Fetches one page. The seam where unit tests substitute canned responses; production uses ``HTTPClient``.
public protocol PageFetching: Sendable {
    func fetch(_ request: HTTPRequest) async throws -> HTTPResponse
}

extension HTTPClient: PageFetching {
    public func fetch(_ request: HTTPRequest) async throws -> HTTPResponse { try await execute(request) }
}
