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
        let tracker = try TestSources.tracker(response.map { [number: $0] } ?? [:])
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

    @Test("HTTP error statuses are fetch failures; 5xx may be retried, 404 not", arguments: [404, 500, 503])
    func httpStatus(status: Int) async throws {
        let error = try await failure(
            CannedFetcher.page("<html>busy</html>", status: status, headers: [("Retry-After", "7")]))
        #expect(error.outcome == .fetchFailed)
        #expect(error.httpStatus == status)
        #expect(error.isRetryable == (status != 404))
        #expect(error.retryAfterSeconds == 7)
        #expect(error.description.contains("HTTP \(status)"))
    }

    @Test("429 is 'rate limited' with the wait the source asked for, and may be retried")
    func rateLimited() async throws {
        let error = try await failure(CannedFetcher.page("slow down", status: 429, headers: [("Retry-After", "7")]))
        #expect(error.outcome == .rateLimited)
        #expect(error.isRetryable)
        #expect(error.retryAfterSeconds == 7)
    }

    @Test("An empty body is a fetch failure, not a quiet pending")
    func emptyBody() async throws {
        let error = try await failure(CannedFetcher.page("  \r\n"))
        #expect(error.outcome == .fetchFailed)
        #expect(error.detail.contains("empty answer"))
    }

    @Test("Bytes that are no page at all are a garbled answer, worth retrying, never 'blocked'", arguments: [
        "{\"error\": \"rate limited\"}",
        "\u{1F}\u{8B}\u{08}\u{00} binary junk \u{00}\u{01}",
    ])
    func garbled(body: String) async throws {
        let error = try await failure(CannedFetcher.page(body))
        #expect(error.outcome == .layoutNotRecognised)
        #expect(error.isRetryable)
    }

    @Test("A page that is not a tracking page (none of the definition's markers) is 'blocked', with what to do")
    func notATrackingPage() async throws {
        let error = try await failure(
            CannedFetcher.page("<html><body><section class='history-v3'><li>Delivered</li></section></body></html>"))
        #expect(error.outcome == .blocked)
        #expect(error.detail.contains("not a tracking page"))
        #expect(error.advice?.contains("USPS API") == true)
        #expect(!error.isRetryable)
    }

    @Test("A layout-changed fixture is not recognised")
    func changedLayoutFixture() async throws {
        let error = try await failure(try CannedFetcher.fixture("usps", "9400100000000000000143.html"))
        #expect(error.outcome == .layoutNotRecognised)
    }

    @Test("The not-found page is 'not found' with the carrier's words")
    func notFound() async throws {
        let error = try await failure(try CannedFetcher.fixture("usps", "not-found.html"))
        #expect(error.outcome == .notFound)
        #expect(error.detail.contains("Tracking is not available"))
        #expect(!error.isRetryable)
    }

    @Test("An unreachable carrier is a fetch failure")
    func unreachable() async throws {
        let error = try await failure(nil)
        #expect(error.outcome == .fetchFailed)
    }

    @Test("Invalid, empty and unknown-shape numbers are invalid input, before any fetch", arguments: [
        "", "   ", "9400100000000000000014", "HELLO", "12345",
    ])
    func invalidNumbers(number: String) async throws {
        guard case .failure(let error) = try await track(nil, number: number) else {
            Issue.record("\(number) should be refused")
            return
        }
        #expect(error.outcome == .invalidInput)
    }

    @Test("A carrier name that does not exist is invalid input naming the known ones")
    func unknownCarrier() async throws {
        let tracker = try TestSources.tracker([:])
        await #expect(throws: TrackingError.self) { try await tracker.track(Self.number, carrier: "dhl") }
        do throws(TrackingError) {
            _ = try await tracker.track(Self.number, carrier: "dhl")
        } catch {
            #expect(error.outcome == .invalidInput)
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
        // Four whole rows, and the cut one as an undated row (nothing tells it from a real undated row); the status
        // is still the newest whole row's.
        #expect(partial.events.count == 5)
        #expect(partial.status == .delivered)
        #expect(partial.events.last?.time == nil)
        let cutEarly = String(whole.prefix(upTo: whole.range(of: "tracking-progress-bar")!.lowerBound))
        let error = try await failure(CannedFetcher.page(cutEarly))
        #expect(error.outcome == .layoutNotRecognised || error.outcome == .blocked)
    }

    @Test("The label-created page is info_received, its undated step kept; duplicates are kept once")
    func labelCreatedAndDuplicates() async throws {
        guard case .success(let label) = try await track(try CannedFetcher.fixture("usps", "9400100000000000000013.html")) else {
            Issue.record("label page should read")
            return
        }
        #expect(label.status == .infoReceived)
        #expect(label.events.count == 1)
        #expect(label.events.first?.time == nil, "the step has no date: kept, in the carrier's place")

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
