import CarrierSimulator
import Foundation
import Testing

/// Starting, stopping and the loopback guard.
@Suite(.timeLimit(.minutes(1)))
struct StartStopTests {
    @Test func baseURLNamesTheBoundPortWhileRunning() async throws {
        let fixtures = try TemporaryFixtures()
        let simulator = try CarrierSimulator(fixtures: fixtures.directory, options: .init(eventLoopThreads: 1), logger: .quiet)
        #expect(simulator.baseURL == "")
        let port = try await simulator.start()
        #expect(port > 0)
        #expect(simulator.baseURL == "http://127.0.0.1:\(port)")
        #expect(simulator.port == port)
        try await simulator.stop()
        #expect(simulator.baseURL == "")
        #expect(simulator.port == nil)
    }

    @Test func refusesANonLoopbackHost() async throws {
        let fixtures = try TemporaryFixtures()
        let simulator = try CarrierSimulator(fixtures: fixtures.directory, options: .init(eventLoopThreads: 1), logger: .quiet)
        let error = await #expect(throws: CarrierSimulatorError.self) {
            try await simulator.start(host: "0.0.0.0")
        }
        #expect(error?.kind == .hostNotLoopback)
        #expect(simulator.baseURL == "")
    }

    @Test func startingTwiceFails() async throws {
        let fixtures = try TemporaryFixtures()
        let simulator = try CarrierSimulator(fixtures: fixtures.directory, options: .init(eventLoopThreads: 1), logger: .quiet)
        try await simulator.start()
        let error = await #expect(throws: CarrierSimulatorError.self) {
            try await simulator.start()
        }
        #expect(error?.kind == .alreadyRunning)
        try await simulator.stop()
    }

    @Test func aTakenPortIsReported() async throws {
        let fixtures = try TemporaryFixtures()
        let first = try CarrierSimulator(fixtures: fixtures.directory, options: .init(eventLoopThreads: 1), logger: .quiet)
        let second = try CarrierSimulator(fixtures: fixtures.directory, options: .init(eventLoopThreads: 1), logger: .quiet)
        let port = try await first.start()
        let error = await #expect(throws: CarrierSimulatorError.self) {
            try await second.start(port: port)
        }
        #expect(error?.kind == .cannotListen)
        try await first.stop()
    }

    @Test func canBeStartedAgainAfterStopping() async throws {
        let fixtures = try TemporaryFixtures()
        let simulator = try CarrierSimulator(fixtures: fixtures.directory, options: .init(eventLoopThreads: 1), logger: .quiet)
        try await simulator.start()
        try await simulator.stop()
        try await simulator.stop()  // A second stop does nothing.
        let port = try await simulator.start()
        let response = try await onBlockingThread {
            try RawHTTPConnection.exchange(port: port, RawHTTPConnection.get(uspsTarget("9400111899223197428490")))
        }
        #expect(response.text == TestPages.delivered)
        try await simulator.stop()
    }

    @Test func findsTheFixturesFolderInTheCurrentDirectoryFirstThenAboveTheExecutable() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("carrier-sim-locate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = root.appendingPathComponent("repo")
        let executable = repository.appendingPathComponent(".build/debug/carrier-sim")
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: repository.appendingPathComponent("Fixtures"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: executable.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: repository.appendingPathComponent("Fixtures/simulator.json"))

        let fromElsewhere = CarrierSimulator.defaultFixturesDirectory(currentDirectory: elsewhere, executablePath: executable.path)
        #expect(fromElsewhere?.standardizedFileURL.resolvingSymlinksInPath().path
            == repository.appendingPathComponent("Fixtures").standardizedFileURL.resolvingSymlinksInPath().path)

        let relative = CarrierSimulator.defaultFixturesDirectory(currentDirectory: repository, executablePath: ".build/debug/carrier-sim")
        #expect(relative?.lastPathComponent == "Fixtures")

        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("Fixtures"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: elsewhere.appendingPathComponent("Fixtures/simulator.json"))
        let fromCurrent = CarrierSimulator.defaultFixturesDirectory(currentDirectory: elsewhere, executablePath: executable.path)
        #expect(fromCurrent?.path == elsewhere.appendingPathComponent("Fixtures").path)

        #expect(CarrierSimulator.defaultFixturesDirectory(currentDirectory: root, executablePath: "/nonexistent/bin/carrier-sim") == nil)
    }
}
