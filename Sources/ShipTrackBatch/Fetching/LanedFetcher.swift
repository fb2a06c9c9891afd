import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel

/// The batch's page fetcher: every request, of every leg, waits in its own carrier's lane, so a carrier sees at
/// most its configured concurrency and rate even when another carrier's lookup asks it (USPS for an ePacket).
struct LanedFetcher: PageFetching {
    let client: HTTPClient
    let lanes: [CarrierID: CarrierLane]
    let defaultLane: CarrierLane

    func fetch(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await defaultLane.run { try await client.execute(request) }
    }

    func fetch(_ request: HTTPRequest, carrier: CarrierID) async throws -> HTTPResponse {
        let lane = lanes[carrier] ?? defaultLane
        let response = try await lane.run { try await client.execute(request) }
        // A carrier that asks us to slow down is asked nothing more until it said to come back, by any shipment.
        if response.statusCode == 429 || response.statusCode == 503, let seconds = response.retryAfterSeconds {
            lane.pause(for: .seconds(min(max(0, seconds), 300)))
        }
        return response
    }
}
