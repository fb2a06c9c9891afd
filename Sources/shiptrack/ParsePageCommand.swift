import ArgumentParser
import Foundation
import ShipTrackCarriers
import ShipTrackModel
import ShipTrackNumbers

/// `shiptrack parse-page`: read a saved answer (a page, an XML or JSON reply) with a source definition, without
/// fetching anything.
///
/// How a store fixes a changed source: save the answer, edit the definition, run this until the events come out
/// right. `make golden` uses it to write the fixtures' expected files.
struct ParsePageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse-page",
        abstract: "Read a saved answer with a source definition and print the normalized events as JSON.",
        discussion: """
            The output is always JSON (--json is accepted for symmetry with the other commands). Exit statuses as \
            for lookup: 0 read, 1 not found or not yet, 2 invalid input, 3 an error reply, 4 layout not recognised, \
            5 some rows not understood, 6 blocked, 7 unauthorized, 8 rate limited.
            """)

    @Option(name: .long, help: "The source whose definition reads the answer (usps-page, usps-api, 17track, ...).")
    var source: String?

    @Option(name: .long, help: "The parcel's carrier; with no --source, its last page source reads the answer.")
    var carrier: String?

    @Option(name: .long, help: "The tracking number the answer is for (default: the file name; an answer about several numbers is read for each).")
    var number: String?

    @Option(name: .long, help: "The answer's charset, when it does not say (as an HTTP header would).")
    var charset: String?

    @Option(name: .customLong("status"), help: "Read the answer as if it came with this HTTP status (default 200).")
    var httpStatus: Int = 200

    @Option(name: .long, parsing: .singleValue, help: "Read the answer as if it came with this header (\"Name: value\"); repeatable.")
    var header: [String] = []

    @Flag(name: .long, help: "Print JSON (the default and only form).")
    var json = false

    @Argument(help: "The saved answer.", completion: .file())
    var page: String

    @OptionGroup var tracking: TrackingOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if source == nil, carrier == nil { throw ValidationError("give --source (or --carrier)") }
        guard (100...599).contains(httpStatus) else { throw ValidationError("--status must be an HTTP status from 100 to 599") }
        for item in header where !item.contains(":") { throw ValidationError("--header \"\(item)\" is not Name: value") }
    }

    /// The golden-file form: the answer's outcome and events, without anything that depends on the fetch.
    struct Reading: Encodable {
        let number: String?
        let outcome: String
        let status: TrackingStatus?
        let events: [TrackingEvent]?
        let reading: ReadingQuality?
        let notes: [String]?
        let error: String?
    }

    func run() throws {
        let registry = try tracking.loadRegistry()
        let carrierID = carrier.map { CarrierID($0) } ?? source.flatMap { registry.sources[SourceID($0)]?.definition.serves.keys.sorted().first }
        let sourceID = source.map { SourceID($0) }
            ?? carrierID.flatMap { carrier in
                registry.defaultSources(for: carrier).last { registry.sources[$0]?.definition.kind == .page }
                    ?? registry.defaultSources(for: carrier).first
            }
        guard let sourceID, let engine = registry.sources[sourceID], let carrierID else {
            printError("shiptrack: no source named \"\(source ?? carrier ?? "")\" (known: \(registry.sourceIDs.map(\.rawValue).joined(separator: ", ")))")
            throw ExitStatus.invalidInput.exitCode
        }
        guard engine.definition.serves[carrierID] != nil else {
            printError("shiptrack: \(sourceID) does not serve \(carrierID)")
            throw ExitStatus.invalidInput.exitCode
        }
        let bytes: [UInt8]
        do { bytes = try BoundedFile.read(page, limit: engine.maxBytes) } catch {
            printError("shiptrack: \(page): \(error)")
            throw ExitStatus.invalidInput.exitCode
        }
        let fileName = URL(fileURLWithPath: page).deletingPathExtension().lastPathComponent
        let asked = number ?? (engine.definition.track.body?.item == nil ? fileName : nil)
        var readings: [Reading] = []
        var status = ExitStatus.success
        let headers = header.map { item -> (name: String, value: String) in
            let colon = item.firstIndex(of: ":")!
            return (String(item[..<colon]).trimmingCharacters(in: .whitespaces),
                    String(item[item.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        // Each number of a batch answer is read as its own carrier's (17TRACK answers for ePacket, EMS and USPS).
        let carrierOf: (String) -> CarrierID? = { number in
            if case .identified(let found, _) = registry.identifier.identify(number).verdict,
                engine.definition.serves[found] != nil
            {
                return found
            }
            return nil
        }
        switch engine.read(
            saved: bytes, charset: charset, context: page, number: asked, carrier: carrierID, status: httpStatus,
            headers: headers, carrierOf: carrierOf, logger: logging.makeLogger())
        {
        case .whole(let error):
            readings.append(Reading(number: asked, outcome: error.outcome.rawValue, status: nil, events: nil, reading: nil, notes: nil, error: error.detail))
            status = ExitStatus(error.outcome)
        case .items(let items):
            for (number, result) in items {
                switch result {
                case .success(.events(let events, let quality, let notes)):
                    let ordered = Timeline.ordered(events, legOrder: [carrierID])
                    let outcome: TrackingOutcome = quality.unread.isEmpty ? .found : .layoutPartlyNotRecognised
                    readings.append(Reading(
                        number: number, outcome: outcome.rawValue, status: ordered.first?.status, events: ordered,
                        reading: quality, notes: notes.isEmpty ? nil : notes, error: nil))
                    status = max(status, ExitStatus(outcome))
                case .success(.noEvents(let noEventStatus, let notes)):
                    readings.append(Reading(
                        number: number, outcome: "no_events", status: noEventStatus, events: [], reading: nil,
                        notes: notes.isEmpty ? nil : notes, error: nil))
                case .failure(let error):
                    readings.append(Reading(number: number, outcome: error.outcome.rawValue, status: nil, events: nil, reading: nil, notes: nil, error: error.detail))
                    status = max(status, ExitStatus(error.outcome))
                }
            }
        }
        if readings.count == 1 {
            print(try LookupJSON.encode(readings[0]))
        } else {
            print(try LookupJSON.encode(readings))
        }
        if status != .success { throw status.exitCode }
    }
}

/// Reads a file refusing one larger than a limit before reading it all (a 500 MB file must not take 1 GB).
enum BoundedFile {
    struct TooLarge: Error, CustomStringConvertible {
        let size: Int
        let limit: Int
        var description: String { "is \(size) bytes, more than the definition's \(limit)-byte limit" }
    }

    static func read(_ path: String, limit: Int) throws -> [UInt8] {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let size = Int(try handle.seekToEnd())
        if size > limit { throw TooLarge(size: size, limit: limit) }
        try handle.seek(toOffset: 0)
        // Read one byte past the limit: a file that grew since the size was taken is still refused.
        let data = try handle.read(upToCount: limit + 1) ?? Data()
        if data.count > limit { throw TooLarge(size: data.count, limit: limit) }
        return Array(data)
    }
}
