import ArgumentParser
import Foundation
import ShipTrackBatch
import ShipTrackCarriers
import ShipTrackConfiguration
import ShipTrackEstimate
import ShipTrackInput
import ShipTrackModel

/// `shiptrack show ORDER|NUMBER`: what the database knows about an order or a parcel, without asking any carrier.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show what the database knows about an order or a parcel: timeline, estimate, flags, checks. Nothing is fetched.",
        discussion: """
            For the customer who writes "where is my order?": the kept timeline of every parcel (the carriers' \
            words, their English meaning, local times), the estimate as of now from the kept answers, the flags, \
            flags marked handled, and each night's check. Exit status 1 when the database has no such order or \
            parcel.
            """)

    @Argument(help: "An order ID or a tracking number.")
    var key: String

    @Option(name: .long, help: "The SQLite state file (default: the configuration's, else \(BatchStore.defaultPath)).")
    var db: String?

    @Option(name: .long, help: "Estimate as of this time instead of now (ISO 8601 or a date).")
    var asOf: String?

    @Option(name: .long, help: "A store policy file replacing the built-in policy.", completion: .file())
    var policy: String?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @OptionGroup var tracking: TrackingOptions

    func run() throws {
        let store = try tracking.loadConfiguration()
        let registry = try tracking.loadRegistry()
        let files = StoreFiles(configuration: store)
        let policy: StorePolicy
        let asOf: Date
        do {
            policy = try files.policy(option: self.policy)
            asOf = try TimestampParser(policy: policy).parse(optional: self.asOf, field: "--as-of") ?? Date()
        } catch {
            printError("shiptrack: \(error)")
            throw ExitCode(2)
        }
        let path = files.databasePath(option: db)
        guard FileManager.default.fileExists(atPath: path) else {
            printError("shiptrack: no database at \(path) (run `shiptrack run ORDERS` first)")
            throw ExitCode(3)
        }
        let records: [OrderRecord]
        do {
            let database = try BatchStore(path: path, readOnly: true)
            records = try database.orderRecords(
                matching: key, estimator: Estimator(policy: policy, countries: .builtIn), registry: registry, asOf: asOf)
        } catch {
            printError("shiptrack: \(error)")
            throw ExitCode(3)
        }
        guard !records.isEmpty else {
            printError("shiptrack: no order or parcel \(key) in \(path)")
            throw ExitCode(1)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: (try? encoder.encode(records)) ?? Data("[]".utf8), as: UTF8.self))
            return
        }
        print(records.map { render($0, registry: registry, policy: policy) }.joined(separator: "\n"))
    }

    private func render(_ record: OrderRecord, registry: CarrierRegistry, policy: StorePolicy) -> String {
        let calendar = policy.calendar
        var lines = ["order \(record.orderID)"]
        let customer = [record.customerName, record.customerEmail.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ")
        if !customer.isEmpty { lines.append("  customer  \(customer)") }
        lines.append("  ordered   \(calendar.isoString(record.orderedAt)), to \(record.destination)")
        if let estimate = record.estimate {
            let flags = estimate.flags.map(\.kind.rawValue)
            lines.append("  flags     \(flags.isEmpty ? "none" : flags.joined(separator: ", "))")
        } else if let error = record.estimateError {
            lines.append("  estimate  \(error)")
        }
        for handled in record.handled {
            lines.append("  handled   \(handled.flag.rawValue) on \(calendar.isoString(handled.at))\(handled.note.isEmpty ? "" : ": \(handled.note)")")
        }
        for (index, parcel) in record.parcels.enumerated() {
            lines.append("")
            guard !parcel.trackingNumber.isEmpty else {
                lines.append("parcel \(index + 1): not shipped yet")
                continue
            }
            let carrier = parcel.carrier.map { registry.carriers[$0]?.name ?? $0.rawValue } ?? "unknown carrier"
            var status = parcel.status?.rawValue ?? "not answered yet"
            if let reason = parcel.reason { status += " (\(reason.rawValue))" }
            lines.append("parcel \(index + 1): \(parcel.trackingNumber)  \(carrier)  \(status)")
            if let checked = parcel.lastCheckedAt {
                let via = parcel.source.map { " via \(registry.sources[$0]?.definition.name ?? $0.rawValue)" } ?? ""
                lines.append("  last answer \(calendar.isoString(checked))\(via)")
            }
            if parcel.timelinePartial { lines.append("  ! a leg of this parcel could not be read at the last check") }
            if parcel.timeline.isEmpty { lines.append("  no events kept") }
            for event in parcel.timeline {
                let place = event.location.displayText
                var line = "  \(event.time.map(TimelineRenderer.format) ?? "(no date)       ")  \(place.isEmpty ? "-" : place)  \(event.description)"
                if let meaning = event.meaning, TimelineRenderer.needsTranslation(event.description, meaning) { line += "  (\(meaning))" }
                if let carrier = parcel.carrier, event.reportedBy != carrier { line += "  [\(event.reportedBy)]" }
                lines.append(line)
            }
            if let estimate = record.estimate, index < estimate.parcels.count {
                lines.append("  estimate:")
                for line in EstimateCommand.render(estimate.parcels[index], policy: policy).split(separator: "\n") {
                    lines.append("    " + line)
                }
            }
            if !parcel.checks.isEmpty {
                lines.append("  checks:")
                for check in parcel.checks.prefix(10) {
                    var line = "    run \(check.run)  \(calendar.isoString(check.at))  \(check.outcome.rawValue)"
                    if let source = check.source { line += " via \(source)" }
                    if check.attempts > 1 { line += ", \(check.attempts) attempts" }
                    if let detail = check.detail, check.outcome != .found { line += ": \(detail)" }
                    lines.append(line)
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
