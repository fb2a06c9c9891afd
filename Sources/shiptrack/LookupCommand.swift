import ArgumentParser
import Foundation
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackHTTP
import ShipTrackModel

/// `shiptrack lookup NUMBER...`: fetch and show each number's timeline.
struct LookupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Fetch and show the tracking timeline of one or more numbers.",
        discussion: """
            The carrier is identified from the number unless --carrier names it. An ePacket to the US is also \
            looked up at USPS (give --destination US) and both legs are merged into one timeline. With \
            --ordered-at (and --destination) each result also gets the store's delivery estimate and flags.
            Exit statuses: 0 found, 1 not found at the carrier, 2 invalid input, 3 fetch failed, \
            4 carrier page not recognised; with several numbers, the highest.
            """)

    @Argument(help: "Tracking numbers (spaces and dashes are ignored).")
    var numbers: [String]

    @Option(name: .long, help: "The carrier to ask, instead of identifying it from the number.")
    var carrier: String?

    @Option(name: .long, help: "Destination country (ISO code or name): decides follow-on legs and the estimate.")
    var destination: String?

    @Option(name: .long, help: "When the order was placed: adds the delivery estimate and flags (needs --destination).")
    var orderedAt: String?

    @Option(name: .long, help: "When the parcel was shipped, for the estimate.")
    var shippedAt: String?

    @Option(name: .long, help: "Estimate as of this time instead of now, for reproducible results.")
    var asOf: String?

    @Option(name: .long, help: "A store policy file replacing the built-in policy.", completion: .file())
    var policy: String?

    @Flag(name: .long, help: "Print JSON (field names documented in docs/tracking-model.md).")
    var json = false

    @OptionGroup var time: TimeOptions
    @OptionGroup var carrierOptions: CarrierOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if orderedAt != nil, destination == nil { throw ValidationError("--ordered-at needs --destination") }
        if orderedAt == nil, shippedAt != nil || asOf != nil || policy != nil {
            throw ValidationError("--shipped-at, --as-of and --policy only apply with --ordered-at")
        }
    }

    mutating func run() async throws {
        let logger = logging.makeLogger()
        let registry = try carrierOptions.loadRegistry()
        let estimation: LookupEstimation?
        let destinationCode: String?
        do {
            estimation = try orderedAt.map { orderedAt in
                try LookupEstimation(
                    orderedAt: orderedAt, shippedAt: shippedAt, asOf: asOf, destination: destination ?? "",
                    policyPath: policy, time: time)
            }
            destinationCode = try destination.map { try (estimation?.countries ?? CountryTable.builtIn).resolve($0, field: "--destination").alpha2 }
        } catch let error as InputError {
            printError("shiptrack: \(error.renamingField { $0.hasPrefix("--") ? $0 : "--" + $0.replacingOccurrences(of: "_", with: "-") })")
            throw ExitStatus.invalidInput.exitCode
        } catch {
            printError("shiptrack: \(error)")
            throw ExitStatus.invalidInput.exitCode
        }
        let client = try carrierOptions.httpClient(logger: logger)
        defer { client.shutdown() }
        let tracker = Tracker(
            registry: registry, fetcher: client, baseURLs: try carrierOptions.baseURLs(), logger: logger)

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

        let estimates = outcomes.map { estimation?.estimate(for: $0) }
        var status = ExitStatus.success
        for outcome in outcomes {
            if let error = outcome.error {
                printError("shiptrack: \(error)")
                status = max(status, ExitStatus(error.category))
            }
        }
        if json {
            print(try LookupJSON.render(outcomes, estimates: estimates))
        } else {
            let renderer = TimelineRenderer(registry: registry)
            var blocks: [String] = []
            for (outcome, estimate) in zip(outcomes, estimates) {
                var block = outcome.result.map(renderer.render) ?? ""
                if let estimate, let estimation {
                    if block.isEmpty { block = "\(TrackingNumberText.normalized(outcome.input))  (no tracking data)\n" }
                    block += estimation.render(estimate) + "\n"
                }
                if !block.isEmpty { blocks.append(block) }
            }
            print(blocks.joined(separator: "\n"), terminator: "")
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
