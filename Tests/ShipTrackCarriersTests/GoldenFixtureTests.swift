import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackModel
import ShipTrackTestSupport
import Testing

/// Every fixture page read by its carrier's definition must give exactly its `.expected.json` beside it.
/// The expected files are written on purpose by `make golden`, never by a test.
@Suite("Golden fixtures")
struct GoldenFixtureTests {
    struct Expected: Decodable {
        let outcome: String
        let status: TrackingStatus?
        let events: [TrackingEvent]?
        let error: String?
    }

    static let registry = try! CarrierRegistry.builtIn()

    @Test("Fixture page reads as expected", arguments: RepositoryPaths.fixturePages())
    func fixture(page: URL) throws {
        let carrier = CarrierID(page.deletingLastPathComponent().lastPathComponent)
        let engine = try #require(Self.registry.engines[carrier])
        let base = page.deletingPathExtension()
        let expectedURL = base.appendingPathExtension("expected.json")
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: expectedURL))
        let charsetFile = base.appendingPathExtension("charset")
        let charset = (try? String(contentsOf: charsetFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes = Array(try Data(contentsOf: page))
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

        do {
            let reading = try engine.read(
                page: bytes, charset: charset, context: page.path, number: base.lastPathComponent, logger: logger)
            switch reading {
            case .events(let events):
                #expect(expected.outcome == "events", "\(page.lastPathComponent): got events, expected \(expected.outcome)")
                let actual = events.sorted(by: TrackingEvent.newestFirst)
                let wanted = expected.events ?? []
                #expect(actual.count == wanted.count, "\(page.lastPathComponent): event count")
                for (index, (got, want)) in zip(actual, wanted).enumerated() {
                    compare(got, want, at: "\(page.lastPathComponent) event \(index)")
                }
                #expect(actual.first?.status == expected.status)
            case .noEvents(let status):
                #expect(expected.outcome == "no_events")
                #expect(status == expected.status)
            }
        } catch {
            #expect(error.category.rawValue == expected.outcome, "\(page.lastPathComponent): \(error)")
            #expect(error.detail == expected.error)
        }
    }

    /// Field by field, so a failure names the field that changed.
    private func compare(_ got: TrackingEvent, _ want: TrackingEvent, at place: String) {
        #expect(got.time == want.time, "\(place): time")
        #expect(got.status == want.status, "\(place): status")
        #expect(got.reason == want.reason, "\(place): reason")
        #expect(got.description == want.description, "\(place): description")
        #expect(got.location == want.location, "\(place): location")
        #expect(got.eventCode == want.eventCode, "\(place): event code")
        #expect(got.reportedBy == want.reportedBy, "\(place): reported by")
        #expect(got.statusUnrecognised == want.statusUnrecognised, "\(place): status recognised")
    }

    @Test("Every fixture page has an expected file")
    func everyPageHasExpectation() {
        for page in RepositoryPaths.fixturePages() {
            let expected = page.deletingPathExtension().appendingPathExtension("expected.json")
            #expect(FileManager.default.fileExists(atPath: expected.path), "\(page.path) has no expected file")
        }
        #expect(!RepositoryPaths.fixturePages().isEmpty)
    }
}
