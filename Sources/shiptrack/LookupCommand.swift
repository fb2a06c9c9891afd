import ArgumentParser
import Foundation
import ShipTrackCarriers
import ShipTrackModel

/// `shiptrack lookup NUMBER...`: fetch and show each number's timeline.
struct LookupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Fetch and show the tracking timeline of one or more numbers.",
        discussion: """
            The carrier is identified from the number unless --carrier names it. An ePacket to the US is also \
            looked up at USPS (give --destination US) and both legs are merged into one timeline.
            Exit statuses: 0 found, 1 not found at the carrier, 2 invalid input, 3 fetch failed, \
            4 carrier page not recognised; with several numbers, the highest.
            """)

    @Argument(help: "Tracking numbers (spaces and dashes are ignored).")
    var numbers: [String]

    @Option(name: .long, help: "The carrier to ask, instead of identifying it from the number.")
    var carrier: String?

    @Option(name: .long, help: "Destination country (ISO code or name): decides follow-on legs and the estimate.")
    var destination: String?

    @Flag(name: .long, help: "Print JSON (field names documented in docs/tracking-model.md).")
    var json = false

    @OptionGroup var carrierOptions: CarrierOptions
    @OptionGroup var logging: LoggingOptions

    mutating func run() async throws {
        let logger = logging.makeLogger()
        let registry = try carrierOptions.loadRegistry()
        let client = try carrierOptions.httpClient(logger: logger)
        defer { client.shutdown() }
        let tracker = Tracker(
            registry: registry, fetcher: client, baseURLs: try carrierOptions.baseURLs(), logger: logger)
        let destinationCode = destination.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }

        // Numbers are fetched concurrently over the one multi handle; output keeps the order given.
        let carrierID = carrier.map { CarrierID($0) }
        let outcomes = await withTaskGroup(of: (Int, LookupOutcome).self) { group in
            for (index, number) in numbers.enumerated() {
                group.addTask { () async -> (Int, LookupOutcome) in
                    do throws(TrackingError) {
                        let result = try await tracker.track(number, carrier: carrierID, destination: destinationCode)
                        return (index, LookupOutcome(input: number, result: result, error: nil))
                    } catch {
                        return (index, LookupOutcome(input: number, result: nil, error: error))
                    }
                }
            }
            var collected = [LookupOutcome?](repeating: nil, count: numbers.count)
            for await (index, outcome) in group { collected[index] = outcome }
            return collected.compactMap { $0 }
        }

        var status = ExitStatus.success
        for outcome in outcomes {
            if let error = outcome.error {
                printError("shiptrack: \(error)")
                status = max(status, ExitStatus(error.category))
            }
        }
        if json {
            print(try LookupJSON.render(outcomes))
        } else {
            let renderer = TimelineRenderer(registry: registry)
            print(outcomes.compactMap { $0.result.map(renderer.render) }.joined(separator: "\n"), terminator: "")
        }
        if status != .success { throw status.exitCode }
    }
}

/// What happened to one number of a lookup.
struct LookupOutcome: Sendable {
    let input: String
    let result: TrackingResult?
    let error: TrackingError?
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
