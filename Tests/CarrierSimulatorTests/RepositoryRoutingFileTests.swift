import Foundation
import ShipTrackTestSupport
import Testing

@testable import CarrierSimulator

/// Checks of the repository's own `Fixtures/simulator.json` against the pages beside it.
@Suite
struct RepositoryRoutingFileTests {
    static let fixtures = RepositoryPaths.fixtures

    @Test func loads() throws {
        _ = try CarrierSimulator(fixtures: Self.fixtures, logger: .quiet)
    }

    /// A page for a number whose fault ignores pages would never be served: the number must be moved.
    @Test func noSpecialNumberHidesAPageOfItsOwn() throws {
        let configuration = try SimulatorConfiguration.load(fromFixturesDirectory: Self.fixtures)
        for (number, behaviour) in configuration.specialNumbers {
            switch behaviour.fault {
            case nil, .gzip?, .truncated?:
                continue  // These serve the number's own page (or the named file).
            case .status?, .empty?, .garbage?, .timeout?, .reset?, .oversized?, .pageBlock?:
                for carrier in configuration.carriers {
                    let page = Self.fixtures.appendingPathComponent(carrier.fixture(for: number))
                    #expect(
                        !FileManager.default.fileExists(atPath: page.path),
                        "\(carrier.fixture(for: number)) is hidden by the special number \(number)"
                    )
                }
            }
        }
    }
}
