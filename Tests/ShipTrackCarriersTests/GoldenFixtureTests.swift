import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackModel
import ShipTrackNumbers
import ShipTrackTestSupport
import Testing

/// Every fixture answer read by its source's definition must give exactly its `.expected.json` beside it. Which
/// source reads which folder is `Fixtures/golden.json`; the expected files are written on purpose by `make golden`,
/// never by a test.
@Suite("Golden fixtures")
struct GoldenFixtureTests {
    struct Expected: Decodable {
        let number: String?
        let outcome: String
        let status: TrackingStatus?
        let events: [TrackingEvent]?
        let error: String?
    }

    struct Folder: Decodable {
        let folder: String
        let source: String
        let carrier: String
        let extensions: [String]
        let skip: [String]?
        let status: [String: Int]?
    }

    struct Manifest: Decodable { let folders: [Folder] }

    /// Every fixture answer with the folder entry that reads it.
    static func fixtures() -> [(URL, Folder)] {
        guard let data = try? Data(contentsOf: RepositoryPaths.fixtures.appendingPathComponent("golden.json")),
            let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
        else { return [] }
        var found: [(URL, Folder)] = []
        for folder in manifest.folders {
            let directory = RepositoryPaths.fixtures.appendingPathComponent(folder.folder)
            let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
            for file in files.sorted(by: { $0.path < $1.path })
            where folder.extensions.contains(file.pathExtension) && !file.lastPathComponent.hasSuffix(".expected.json")
                && !(folder.skip ?? []).contains(file.lastPathComponent)
            {
                found.append((file, folder))
            }
        }
        return found
    }

    static let registry = try! CarrierRegistry.builtIn()
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    @Test("Fixture answer reads as expected", arguments: fixtures().map { $0.0 })
    func fixture(page: URL) throws {
        let folder = try #require(Self.fixtures().first { $0.0 == page }?.1)
        let engine = try #require(Self.registry.sources[SourceID(folder.source)])
        let base = page.deletingPathExtension()
        let data = try Data(contentsOf: base.appendingPathExtension("expected.json"))
        let expected: [Expected]
        if let single = try? JSONDecoder().decode(Expected.self, from: data) {
            expected = [single]
        } else {
            expected = try JSONDecoder().decode([Expected].self, from: data)
        }
        let charset = (try? String(contentsOf: base.appendingPathExtension("charset"), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let number: String? = engine.definition.track.body?.item == nil ? base.lastPathComponent : nil
        let reading = engine.read(
            // The fixture's path from the repository's root, as `make golden` names it, so expected errors hold no
            // machine's folders.
            saved: Array(try Data(contentsOf: page)), charset: charset,
            context: String(page.path.dropFirst(RepositoryPaths.root.path.count + 1)), number: number,
            carrier: CarrierID(folder.carrier), status: folder.status?[page.lastPathComponent] ?? 200,
            carrierOf: { number in
                if case .identified(let found, _) = Self.registry.identifier.identify(number).verdict,
                    engine.definition.serves[found] != nil
                {
                    return found
                }
                return nil
            }, logger: Self.logger)
        let name = page.lastPathComponent
        switch reading {
        case .whole(let error):
            #expect(expected.count == 1, "\(name): one failure expected")
            #expect(error.outcome.rawValue == expected.first?.outcome, "\(name): \(error)")
            #expect(error.detail == expected.first?.error, "\(name)")
        case .items(let items):
            #expect(items.count == expected.count, "\(name): \(items.count) items, expected \(expected.count)")
            for ((itemNumber, result), want) in zip(items, expected) {
                let label = "\(name) \(itemNumber)"
                switch result {
                case .success(.events(let events, let quality, _)):
                    let outcome: TrackingOutcome = quality.unread.isEmpty ? .found : .layoutPartlyNotRecognised
                    #expect(want.outcome == outcome.rawValue, "\(label): got \(outcome), expected \(want.outcome)")
                    let actual = Timeline.ordered(events, legOrder: [CarrierID(folder.carrier)])
                    let wanted = want.events ?? []
                    #expect(actual.count == wanted.count, "\(label): event count")
                    for (index, (got, expectedEvent)) in zip(actual, wanted).enumerated() {
                        compare(got, expectedEvent, at: "\(label) event \(index)")
                    }
                    #expect(actual.first?.status == want.status, "\(label): status")
                case .success(.noEvents(let status, _)):
                    #expect(want.outcome == "no_events", "\(label)")
                    #expect(status == want.status, "\(label)")
                case .failure(let error):
                    #expect(error.outcome.rawValue == want.outcome, "\(label): \(error)")
                    #expect(error.detail == want.error, "\(label)")
                }
            }
        }
    }

    /// Field by field, so a failure names the field that changed.
    private func compare(_ got: TrackingEvent, _ want: TrackingEvent, at place: String) {
        #expect(got.time == want.time, "\(place): time")
        #expect(got.status == want.status, "\(place): status")
        #expect(got.reason == want.reason, "\(place): reason")
        #expect(got.description == want.description, "\(place): description")
        #expect(got.meaning == want.meaning, "\(place): meaning")
        #expect(got.location == want.location, "\(place): location")
        #expect(got.eventCode == want.eventCode, "\(place): event code")
        #expect(got.reportedBy == want.reportedBy, "\(place): reported by")
        #expect(got.statusUnrecognised == want.statusUnrecognised, "\(place): status recognised")
        #expect(got.position == want.position, "\(place): position")
    }

    @Test("Every fixture answer has an expected file")
    func everyPageHasExpectation() {
        for (page, _) in Self.fixtures() {
            let expected = page.deletingPathExtension().appendingPathExtension("expected.json")
            #expect(FileManager.default.fileExists(atPath: expected.path), "\(page.path) has no expected file")
        }
        #expect(!Self.fixtures().isEmpty)
    }
}
