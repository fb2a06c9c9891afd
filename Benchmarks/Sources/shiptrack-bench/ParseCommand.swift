import ArgumentParser
import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel

/// `shiptrack-bench parse`: the Swift side of the parsing ratio. Reads a folder of one source's answers into memory,
/// then has the source's engine read every answer, on one thread, until the time is up: the call a night makes on
/// each answer it receives (classification, parsing, markers, items, events). Prints the same fields as the C
/// reference.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read a folder of answers with the source's engine, single-threaded, and print answers and bytes per second."
    )

    @Option(help: "The folder of carrier definitions (Carriers/).")
    var carriers = "Carriers"

    @Option(help: "The folder of tracking source definitions (TrackingSources/).")
    var sources = "TrackingSources"

    @Option(help: "The source whose engine reads the answers.")
    var source: String

    @Option(help: "The answer folder written by make-pages or make-answers.")
    var answers: String

    @Option(name: .customLong("min-seconds"), help: "Repeat passes over the answers until this much time has passed.")
    var minimumSeconds = 1.0

    func run() throws {
        let registry = try BenchSources.registry(carriers: carriers, sources: sources)
        let engine = try BenchSources.engine(SourceID(source), in: registry)
        let set = try AnswerSet(path: answers).answers()
        guard !set.isEmpty else { throw ValidationError("\(answers): no answers") }
        // The responses exist before the engine sees them, as in a night (the HTTP client made them).
        let responses = set.enumerated().map { index, answer in answer.response(url: "http://bench.invalid/\(source)/\(index)") }
        // The engine logs only unusual answers; a no-op handler keeps the measurement free of terminal I/O.
        let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        let totalBytes = set.reduce(0) { $0 + $1.body.count }
        let numbers = set.reduce(0) { $0 + $1.asked.count }

        // One untimed pass warms caches and counts what is read, to compare with the C reference's pass.
        var first = Tally()
        for (response, answer) in zip(responses, set) {
            first.add(engine.read(answer: response, asked: answer.asked, logger: logger))
        }
        guard first.failures == 0 else {
            throw BenchError("\(source): \(first.failures) of \(numbers) numbers were not read (first: \(first.firstFailure ?? ""))")
        }

        var passes = 0
        var timed = Tally()
        let wallStart = ProcessClock.wallSeconds
        let cpuStart = ProcessClock.cpuSeconds
        var elapsed = 0.0
        repeat {
            for (response, answer) in zip(responses, set) {
                timed.add(engine.read(answer: response, asked: answer.asked, logger: logger))
            }
            passes += 1
            elapsed = ProcessClock.wallSeconds - wallStart
        } while elapsed < minimumSeconds
        let cpu = ProcessClock.cpuSeconds - cpuStart
        guard timed.events == first.events * passes else { throw ValidationError("the engine read different events on different passes") }

        print(
            "answers=\(passes * set.count) numbers=\(passes * numbers) bytes=\(passes * totalBytes) "
                + "seconds=\(MeasurementRecord.value(elapsed)) cpu_seconds=\(MeasurementRecord.value(cpu)) events=\(first.events)")
    }

    /// What one pass read.
    private struct Tally {
        var events = 0
        var failures = 0
        var firstFailure: String?

        mutating func add(_ reading: SavedAnswerReading) {
            switch reading {
            case .whole(let error):
                failures += 1
                firstFailure = firstFailure ?? error.description
            case .items(let items):
                for (_, result) in items {
                    switch result {
                    case .success(.events(let events, _, _)): self.events += events.count
                    case .success(.noEvents): break
                    case .failure(let error):
                        failures += 1
                        firstFailure = firstFailure ?? error.description
                    }
                }
            }
        }
    }
}
