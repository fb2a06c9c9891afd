import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel
import Testing

/// Bad answers from a carrier each give one clear error with the right category, through the fetching seam.
@Suite("Lookup of bad carrier answers")
struct TrackerBadInputTests {
    static let number = "9400100000000000000013"
    let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    private func track(_ response: HTTPResponse?, number: String = TrackerBadInputTests.number) async throws
        -> Result<TrackingResult, TrackingError>
    {
        let fetcher = CannedFetcher(answers: response.map { [number: $0] } ?? [:])
        let tracker = Tracker(registry: try CarrierRegistry.builtIn(), fetcher: fetcher, logger: logger)
        do throws(TrackingError) {
            return .success(try await tracker.track(number))
        } catch {
            return .failure(error)
        }
    }

    private func failure(_ response: HTTPResponse?) async throws -> TrackingError {
        guard case .failure(let error) = try await track(response) else {
            Issue.record("expected a failure")
            throw CancellationError()
        }
        #expect(error.trackingNumber == Self.number)
        return error
    }

    @Test("HTTP error statuses are fetch failures; 5xx and 429 may be retried, 404 not", arguments: [404, 500, 503, 429])
    func httpStatus(status: Int) async throws {
        let error = try await failure(
            CannedFetcher.page("<html>busy</html>", status: status, headers: [("Retry-After", "7")]))
        #expect(error.category == .fetchFailed)
        #expect(error.httpStatus == status)
        #expect(error.isRetryable == (status != 404))
        #expect(error.retryAfterSeconds == 7)
        #expect(error.description.contains("HTTP \(status)"))
    }

    @Test("An empty body is a fetch failure, not a quiet pending")
    func emptyBody() async throws {
        let error = try await failure(CannedFetcher.page("  \r\n"))
        #expect(error.category == .fetchFailed)
        #expect(error.detail.contains("empty page"))
    }

    @Test("A body that is not HTML, or a changed layout, is 'page not recognised'", arguments: [
        "{\"error\": \"rate limited\"}",
        "\u{1F}\u{8B}\u{08}\u{00} binary junk \u{00}\u{01}",
        "<html><body><section class='history-v3'><li>Delivered</li></section></body></html>",
    ])
    func notRecognised(body: String) async throws {
        let error = try await failure(CannedFetcher.page(body))
        #expect(error.category == .pageNotRecognised)
        #expect(error.detail.contains("layout not recognised"))
    }

    @Test("A layout-changed fixture is not recognised")
    func changedLayoutFixture() async throws {
        let error = try await failure(try CannedFetcher.fixture("usps", "9400100000000000000143.html"))
        #expect(error.category == .pageNotRecognised)
    }

    @Test("The not-found page is 'not found' with the carrier's words")
    func notFound() async throws {
        let error = try await failure(try CannedFetcher.fixture("usps", "not-found.html"))
        #expect(error.category == .notFound)
        #expect(error.detail.contains("Tracking is not available"))
        #expect(!error.isRetryable)
    }

    @Test("An unreachable carrier is a fetch failure")
    func unreachable() async throws {
        let error = try await failure(nil)
        #expect(error.category == .fetchFailed)
    }

    @Test("Invalid, empty and unknown-shape numbers are invalid input, before any fetch", arguments: [
        "", "   ", "9400100000000000000014", "HELLO", "12345",
    ])
    func invalidNumbers(number: String) async throws {
        guard case .failure(let error) = try await track(nil, number: number) else {
            Issue.record("\(number) should be refused")
            return
        }
        #expect(error.category == .invalidInput)
    }

    @Test("A carrier name that does not exist is invalid input naming the known ones")
    func unknownCarrier() async throws {
        let tracker = Tracker(registry: try CarrierRegistry.builtIn(), fetcher: CannedFetcher(answers: [:]), logger: logger)
        await #expect(throws: TrackingError.self) { try await tracker.track(Self.number, carrier: "dhl") }
        do throws(TrackingError) {
            _ = try await tracker.track(Self.number, carrier: "dhl")
        } catch {
            #expect(error.category == .invalidInput)
            #expect(error.detail.contains("usps"))
        }
    }

    @Test("A truncated page keeps the rows it has; a page cut before any row is not recognised")
    func truncatedPages() async throws {
        let whole = String(decoding: try CannedFetcher.fixture("usps", "9400100000000000000051.html").body, as: UTF8.self)
        let cutMidway = String(whole.prefix(upTo: whole.range(of: "Processed Through Facility")!.lowerBound))
        guard case .success(let partial) = try await track(CannedFetcher.page(cutMidway)) else {
            Issue.record("a page cut after some rows should still give those rows")
            return
        }
        #expect(partial.events.count == 4)
        let cutEarly = String(whole.prefix(upTo: whole.range(of: "tracking-progress-bar")!.lowerBound))
        let error = try await failure(CannedFetcher.page(cutEarly))
        #expect(error.category == .pageNotRecognised)
    }

    @Test("The label-created page is info_received with no events; duplicates are kept once")
    func labelCreatedAndDuplicates() async throws {
        guard case .success(let label) = try await track(try CannedFetcher.fixture("usps", "9400100000000000000013.html")) else {
            Issue.record("label page should read")
            return
        }
        #expect(label.status == .infoReceived)
        #expect(label.events.isEmpty)

        let whole = String(decoding: try CannedFetcher.fixture("usps", "9400100000000000000068.html").body, as: UTF8.self)
        let row = "<div class=\"tb-step\"><p class=\"tb-status-detail\">Out for Delivery</p><p class=\"tb-location\">AUSTIN, TX 78701</p><p class=\"tb-date\">June 2, 2023, 8:05 am</p></div>"
        let doubled = whole.replacingOccurrences(of: "<footer", with: row + row + "<footer")
        guard case .success(let result) = try await track(CannedFetcher.page(doubled)) else {
            Issue.record("page should read")
            return
        }
        #expect(result.events.count == 4)
        #expect(result.status == .attemptFail)
        #expect(result.reason == .noticeLeft)
    }
}
