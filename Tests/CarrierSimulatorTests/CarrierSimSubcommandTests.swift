import CarrierSimulator
import Foundation
import Testing

/// `carrier-sim make-orders`, `carrier-sim page` and the new serve options, run as the built executable.
@Suite(.timeLimit(.minutes(1)), .enabled(if: BuiltExecutable.carrierSim != nil))
struct CarrierSimSubcommandTests {
    struct Run: Sendable {
        var status: Int32
        var output: [UInt8]
    }

    static func run(_ arguments: [String]) async throws -> Run {
        let executable = try #require(BuiltExecutable.carrierSim)
        return try await onBlockingThread {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let bytes = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Run(status: process.terminationStatus, output: Array(bytes))
        }
    }

    @Test func makeOrdersWritesWhatTheLibraryWrites() async throws {
        let run = try await Self.run(["make-orders", "--count", "120", "--date", "2026-11-20", "--seed", "4", "--bad-rows", "5"])
        let expected = try OrderFileGenerator(
            options: .init(shipmentCount: 120, simulatedDate: CalendarDay("2026-11-20")!, seed: 4, badRowCount: 5)
        ).text()
        #expect(run.status == 0)
        #expect(String(decoding: run.output, as: UTF8.self) == expected)
    }

    @Test func makeOrdersWritesJSONLinesToAFile() async throws {
        let fixtures = try TemporaryFixtures()
        let file = fixtures.directory.appendingPathComponent("orders.jsonl")
        let run = try await Self.run(["make-orders", "--count", "30", "--date", "2026-11-20", "--output", file.path])
        #expect(run.status == 0)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("{\"order_id\":"))
    }

    @Test func pagePrintsTheGeneratedPage() async throws {
        let number = CarrierSimulator.sampleTrackingNumbers(carrier: "ems", count: 1, seed: 30)[0]
        let run = try await Self.run(["page", "--carrier", "ems", "--date", "2026-11-20", number])
        #expect(run.status == 0)
        #expect(run.output == CarrierSimulator.generatedPage(carrier: "ems", number: number, simulatedDate: CalendarDay("2026-11-20")!)?.bytes)
        #expect(try await Self.run(["page", "--carrier", "ems", "EA338102541CN"]).status == 1)
    }

    @Test(arguments: [
        ["--date", "2026-11-20"], ["--generate", "--date", "2026-02-30"], ["--fault-rate", "404=0.1"],
        ["--fault-rate", "500=0.7,503=0.7"], ["--seed", "3"], ["make-orders", "--count", "-1"], ["make-orders", "--format", "xml"],
    ])
    func refusesInvalidOptions(arguments: [String]) async throws {
        let fixtures = try TemporaryFixtures()
        let run = try await Self.run(arguments + ["--fixtures", fixtures.directory.path].filter { _ in arguments.first != "make-orders" })
        #expect(run.status == 64, "\(arguments)")
    }
}
