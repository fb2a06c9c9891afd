import ArgumentParser
import Foundation
import ShipTrackBatch
import ShipTrackCarriers
import ShipTrackConfiguration
import ShipTrackEstimate
import ShipTrackHTTP
import ShipTrackModel

/// `shiptrack lookup NUMBER...`: ask each number's sources and show its timeline.
struct LookupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Ask the tracking sources about one or more numbers and show each timeline.",
        discussion: """
            The carrier is identified from the number unless --carrier names it. Its sources are asked in the \
            store's order of preference (the configuration file, else each carrier's own order): the first with \
            credentials answers, and one that is blocked, refuses the credentials or has spent its quota hands over \
            to the next. An ePacket that reached the US is also tracked at USPS and both legs are merged. With \
            --ordered-at (and --destination) each result also gets the store's delivery estimate and flags.
            Exit statuses: 0 found; 1 not found, or not yet (registered just now, no data yet); 2 invalid input; \
            3 fetch failed or the source reported an error; 4 answer layout not recognised; 5 answer read, but some \
            rows not understood; 6 blocked (bot protection); 7 credentials missing or refused, or no source \
            configured; 8 rate limited or quota exhausted; 64 usage. With several numbers, the highest.
            """)

    @Argument(help: "Tracking numbers (spaces and dashes are ignored).")
    var numbers: [String]

    @Option(name: .long, help: "The carrier, instead of identifying it from the number.")
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

    @Option(name: .long, help: "The state database (registrations with sources are remembered there).")
    var db: String?

    @Flag(name: .long, help: "Print JSON (field names documented in docs/tracking-model.md).")
    var json = false

    @OptionGroup var time: TimeOptions
    @OptionGroup var tracking: TrackingOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if orderedAt != nil, destination == nil { throw ValidationError("--ordered-at needs --destination") }
        if orderedAt == nil, shippedAt != nil || asOf != nil || policy != nil {
            throw ValidationError("--shipped-at, --as-of and --policy only apply with --ordered-at")
        }
    }

    mutating func run() async throws {
        let logger = logging.makeLogger()
        let registry = try tracking.loadRegistry()
        let store = try tracking.loadConfiguration()
        let estimation: LookupEstimation?
        let destinationCode: String?
        do {
            estimation = try orderedAt.map { orderedAt in
                try LookupEstimation(
                    orderedAt: orderedAt, shippedAt: shippedAt, asOf: asOf, destination: destination ?? "",
                    policyPath: policy ?? store.policy, time: time)
            }
            destinationCode = try destination.map { try (estimation?.countries ?? CountryTable.builtIn).resolve($0, field: "--destination").alpha2 }
        } catch let error as InputError {
            printError("shiptrack: \(error.renamingField { $0.hasPrefix("--") ? $0 : "--" + $0.replacingOccurrences(of: "_", with: "-") })")
            throw ExitStatus.invalidInput.exitCode
        } catch {
            printError("shiptrack: \(error)")
            throw ExitStatus.invalidInput.exitCode
        }
        let client = try tracking.httpClient(logger: logger, registry: registry)
        defer { client.shutdown() }
        // Registrations with sources such as 17TRACK are remembered in the state database, so a number looked up
        // today and checked tonight is registered (and paid for) once.
        let ledger = try? BatchStore(path: db ?? store.database.map { StoreConfiguration.expandingTilde($0) } ?? BatchStore.defaultPath)
        let sources = try tracking.sourceSet(
            registry: registry, configuration: store, fetcher: client, ledger: ledger, logger: logger)
        let tracker = Tracker(sources: sources, logger: logger)

        // Numbers are asked concurrently over the one multi handle (and batched where a source takes batches);
        // output keeps the order given.
        let carrierID = carrier.map { CarrierID($0) }
        let outcomes = await withTaskGroup(of: (Int, LookupOutcome).self) { group in
            for (index, number) in numbers.enumerated() {
                group.addTask { () async -> (Int, LookupOutcome) in
                    (index, await Self.lookUp(number, tracker: tracker, carrier: carrierID, destination: destinationCode))
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
                printError("shiptrack: \(sources.secrets.redact(error.description))")
                status = max(status, ExitStatus(error.outcome))
            } else if let result = outcome.result {
                if result.outcome == .layoutPartlyNotRecognised {
                    let unread = result.reading.unread.map(\.summary).joined(separator: "; ")
                    printError(
                        "shiptrack: \(result.trackingNumber): \(result.reading.rowsSeen - result.reading.rowsUnderstood) of \(result.reading.rowsSeen) event rows not understood (\(unread)): the timeline may be incomplete; the source's definition needs a look")
                }
                status = max(status, ExitStatus(result.outcome))
            }
        }
        if json {
            print(sources.secrets.redact(try LookupJSON.render(outcomes, estimates: estimates)))
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
            print(sources.secrets.redact(blocks.joined(separator: "\n")), terminator: "")
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

extension LookupCommand {
    /// One number's lookup. A source that says it is busy for a moment (rate limited, with a short or no
    /// `Retry-After`, as 17TRACK's per-second limit does when another process asked just before) is asked again after
    /// that moment, twice at most: a person waiting at the terminal would otherwise have to run the command again.
    static func lookUp(_ number: String, tracker: Tracker, carrier: CarrierID?, destination: String?) async -> LookupOutcome {
        var attempt = 0
        while true {
            attempt += 1
            do throws(TrackingError) {
                let result = try await tracker.track(number, carrier: carrier, destination: destination)
                return LookupOutcome(input: number, result: result, error: nil)
            } catch {
                let wait = error.retryAfter ?? .seconds(1)
                guard attempt < 3, error.outcome == .rateLimited, wait <= .seconds(10),
                    (try? await Task.sleep(for: wait)) != nil
                else {
                    return LookupOutcome(input: number, result: nil, error: error)
                }
            }
        }
    }
}
