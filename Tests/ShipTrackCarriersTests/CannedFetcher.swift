import Foundation
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackTestSupport

/// A page fetcher answering from a table: the seam unit tests use instead of the network.
struct CannedFetcher: PageFetching {
    /// What to answer for a URL containing a key.
    let answers: [String: HTTPResponse]
    var requests: [String] { [] }

    func fetch(_ request: HTTPRequest) async throws -> HTTPResponse {
        for (fragment, response) in answers where request.url.contains(fragment) {
            var response = response
            response.effectiveURL = request.url
            return response
        }
        throw URLError(.cannotFindHost)
    }

    static func page(_ body: String, status: Int = 200, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers, body: Array(body.utf8), effectiveURL: "")
    }

    static func fixture(_ carrier: String, _ name: String) throws -> HTTPResponse {
        let url = RepositoryPaths.fixtures.appendingPathComponent(carrier).appendingPathComponent(name)
        return HTTPResponse(statusCode: 200, headers: [], body: Array(try Data(contentsOf: url)), effectiveURL: "")
    }
}
