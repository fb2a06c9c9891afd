import ArgumentParser
import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackModel

/// `shiptrack-bench parse`: the Swift side of the parsing ratio. Reads a page folder into memory, then runs the
/// carrier engine over every page, on one thread, until the time is up; prints the same fields as the C reference.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse a folder of pages with the carrier engine, single-threaded, and print pages and bytes per second."
    )

    @Option(help: "The folder of carrier definitions (Carriers/).")
    var carriers = "Carriers"

    @Option(help: "The carrier whose engine reads the pages.")
    var carrier: String

    @Option(help: "The page folder written by make-pages.")
    var pages: String

    @Option(name: .customLong("min-seconds"), help: "Repeat passes over the pages until this much time has passed.")
    var minimumSeconds = 1.0

    func run() throws {
        let engines = try BenchCarriers.load(directory: carriers)
        guard let engine = engines[CarrierID(carrier)] else { throw ValidationError("no carrier named \(carrier)") }
        let set = PageSet(directory: URL(fileURLWithPath: pages, isDirectory: true))
        let pageBytes = try set.pages()
        let numbers = try set.numbers()
        let charset = try set.headerCharset()
        guard !pageBytes.isEmpty, numbers.count == pageBytes.count else {
            throw ValidationError("\(pages): no pages, or numbers.txt does not match them")
        }
        // The engine logs only unusual pages; a no-op handler keeps the measurement free of terminal I/O.
        let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        let totalBytes = pageBytes.reduce(0) { $0 + $1.count }

        // One untimed pass warms caches and counts what is read, to compare with the C reference's pass.
        var events = 0
        for (page, number) in zip(pageBytes, numbers) {
            events += Self.eventCount(try engine.read(page: page, charset: charset, context: "bench", number: number, logger: logger))
        }

        var passes = 0
        var timedEvents = 0
        let wallStart = ProcessClock.wallSeconds
        let cpuStart = ProcessClock.cpuSeconds
        var elapsed = 0.0
        repeat {
            for (page, number) in zip(pageBytes, numbers) {
                timedEvents += Self.eventCount(
                    try engine.read(page: page, charset: charset, context: "bench", number: number, logger: logger))
            }
            passes += 1
            elapsed = ProcessClock.wallSeconds - wallStart
        } while elapsed < minimumSeconds
        let cpu = ProcessClock.cpuSeconds - cpuStart
        guard timedEvents == events * passes else { throw ValidationError("the engine read different events on different passes") }

        print(
            "pages=\(passes * pageBytes.count) bytes=\(passes * totalBytes) seconds=\(MeasurementRecord.value(elapsed)) "
                + "cpu_seconds=\(MeasurementRecord.value(cpu)) events=\(events)")
    }

    private static func eventCount(_ reading: PageReading) -> Int {
        switch reading {
        case .events(let events): events.count
        case .noEvents: 0
        }
    }
}
