import CarrierSimulator
import Dispatch
import Foundation
import Logging

extension Logger {
    /// A logger that drops everything, so expected warnings do not clutter test output.
    static let quiet = Logger(label: "carrier-sim-tests") { _ in SwiftLogNoOpLogHandler() }
}

/// Starts a simulator on `127.0.0.1`, port 0, serving `fixtures`, runs `body` with it and its port, and stops it.
func withSimulator<Result>(
    _ fixtures: TemporaryFixtures,
    options: CarrierSimulator.Options = CarrierSimulator.Options(eventLoopThreads: 1),
    _ body: (CarrierSimulator, Int) async throws -> Result
) async throws -> Result {
    try await withSimulator(directory: fixtures.directory, options: options, body)
}

/// Like `withSimulator(_:options:_:)`, serving the fixtures folder `directory` (such as the repository's).
func withSimulator<Result>(
    directory: URL,
    options: CarrierSimulator.Options = CarrierSimulator.Options(eventLoopThreads: 1),
    _ body: (CarrierSimulator, Int) async throws -> Result
) async throws -> Result {
    let simulator = try CarrierSimulator(fixtures: directory, options: options, logger: .quiet)
    let port = try await simulator.start()
    do {
        let result = try await body(simulator, port)
        try await simulator.stop()
        return result
    } catch {
        try? await simulator.stop()
        throw error
    }
}

/// Runs blocking socket work on a Dispatch thread, so it never holds one of Swift concurrency's few
/// cooperative threads (two on a two-core machine) while it waits.
func onBlockingThread<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Swift.Result { try work() })
        }
    }
}

/// The USPS tracking page for `number`, as a request target.
func uspsTarget(_ number: String) -> String {
    "\(TestRoutingFile.uspsPath)?tLabels=\(number)"
}
