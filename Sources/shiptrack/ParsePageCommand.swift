import ArgumentParser
import Foundation
import ShipTrackCarriers
import ShipTrackModel

/// `shiptrack parse-page`: read a saved carrier page with a definition, without fetching anything.
///
/// How a store fixes a changed carrier page: save the page, edit the definition, run this until the events
/// come out right. `make golden` uses it to write the fixtures' expected files.
struct ParsePageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse-page",
        abstract: "Read a saved tracking page with a carrier definition and print the normalized events as JSON.")

    @Option(name: .long, help: "The carrier whose definition reads the page.")
    var carrier: String

    @Option(name: .long, help: "The tracking number the page is for.")
    var number: String = ""

    @Option(name: .long, help: "The page's charset, when the page does not say (as an HTTP header would).")
    var charset: String?

    @Argument(help: "The saved page.", completion: .file())
    var page: String

    @OptionGroup var carrierOptions: CarrierOptions
    @OptionGroup var logging: LoggingOptions

    /// The golden-file form: the page's outcome and events, without anything that depends on the fetch.
    struct Reading: Encodable {
        let outcome: String
        let status: TrackingStatus?
        let events: [TrackingEvent]?
        let error: String?
    }

    func run() throws {
        let registry = try carrierOptions.loadRegistry()
        guard let engine = registry.engines[CarrierID(carrier)] else {
            printError("shiptrack: no carrier named \"\(carrier)\"")
            throw ExitStatus.invalidInput.exitCode
        }
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: page))) } catch {
            printError("shiptrack: \(page): \(error.localizedDescription)")
            throw ExitStatus.invalidInput.exitCode
        }
        let number = self.number.isEmpty ? URL(fileURLWithPath: page).deletingPathExtension().lastPathComponent : self.number
        let reading: Reading
        var status = ExitStatus.success
        do {
            switch try engine.read(page: bytes, charset: charset, context: page, number: number, logger: logging.makeLogger()) {
            case .events(let events):
                let ordered = events.sorted(by: TrackingEvent.newestFirst)
                reading = Reading(outcome: "events", status: ordered.first?.status, events: ordered, error: nil)
            case .noEvents(let noEventStatus):
                reading = Reading(outcome: "no_events", status: noEventStatus, events: [], error: nil)
            }
        } catch {
            reading = Reading(outcome: error.category.rawValue, status: nil, events: nil, error: error.detail)
            status = ExitStatus(error.category)
        }
        print(try LookupJSON.encode(reading))
        if status != .success { throw status.exitCode }
    }
}
