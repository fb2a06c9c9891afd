import CarrierSimulator
import Foundation
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel

/// The simulator's generated orders and pages, used in-process (no sockets) to give the estimator benchmark
/// shipments like a real night's. Kept apart from `ShipTrackEstimate`, whose `CalendarDay` shares the name of the
/// simulator's.
struct GeneratedWorld: Sendable {
    let simulatedDate: String
    private let day: CalendarDay

    init(simulatedDate: String) throws {
        guard let day = CalendarDay(simulatedDate) else { throw BenchError("\"\(simulatedDate)\" is not a date YYYY-MM-DD") }
        self.simulatedDate = simulatedDate
        self.day = day
    }

    /// The orders file `carrier-sim make-orders` writes for these options, as text.
    func ordersCSV(count: Int, seed: UInt64) throws -> String {
        try OrderFileGenerator(options: .init(shipmentCount: count, simulatedDate: day, seed: seed)).text()
    }

    /// A fetcher answering every carrier's request with the page the simulator would serve.
    var pageFetcher: GeneratedPageFetcher { GeneratedPageFetcher(day: day) }

    /// Base URLs that tell ``GeneratedPageFetcher`` which of the simulator's generators a request is for: the USPS
    /// page, or the China Post page (ePacket and EMS numbers alike).
    static let baseURLs = BaseURLs(perSource: [
        "usps-page": "http://usps.generated.invalid", "chinapost-page": "http://epacket.generated.invalid",
    ])
}

/// Serves generated pages from memory in place of the network: the generator from the host name of
/// ``GeneratedWorld/baseURLs``, the number from the end of the query.
struct GeneratedPageFetcher: PageFetching {
    fileprivate let day: CalendarDay

    func fetch(_ request: HTTPRequest) async throws -> HTTPResponse {
        let afterScheme = request.url.dropFirst("http://".count)
        let carrier = afterScheme.prefix { $0 != "." }
        let number = request.url.split(separator: "=").last.map(String.init) ?? ""
        guard let page = CarrierSimulator.generatedPage(carrier: String(carrier), number: number, simulatedDate: day) else {
            return HTTPResponse(statusCode: 404, headers: [], body: [], effectiveURL: request.url)
        }
        return HTTPResponse(
            statusCode: 200, headers: [(name: "Content-Type", value: page.contentType)], body: page.bytes,
            effectiveURL: request.url)
    }
}

/// A benchmark set-up failure, with what to do about it.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
