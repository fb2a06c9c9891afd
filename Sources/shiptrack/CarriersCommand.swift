import ArgumentParser
import Foundation
import ShipTrackCarriers
import ShipTrackModel
import ShipTrackNumbers

/// `shiptrack carriers`: list the carriers in use, or check a folder of definitions.
struct CarriersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carriers",
        abstract: "List the carriers in use, or check a folder of carrier definitions.",
        discussion: """
            With --check DIR every *.json file in DIR is decoded and compiled (XPath, regular expressions, date \
            formats, zones) and its own test numbers are verified; the first problem is reported with its file and \
            key, and the exit status is 2.
            """)

    @Option(name: .long, help: "Check the definitions in this folder instead of listing.", completion: .directory)
    var check: String?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @OptionGroup var carrierOptions: CarrierOptions

    struct Listing: Encodable {
        let id: String
        let name: String
        let source: String
        let format: String
        let baseURL: String
        let followOnLegs: [String]

        enum CodingKeys: String, CodingKey {
            case id, name, source, format
            case baseURL = "base_url"
            case followOnLegs = "follow_on_legs"
        }
    }

    func run() throws {
        let engines: [CarrierEngine]
        do {
            if let check {
                engines = try CarrierRegistry.loadDirectory(URL(fileURLWithPath: check, isDirectory: true))
                // Test numbers are checked across the folder together with the built-ins it would replace.
                let registry = try CarrierRegistry.load(overridesFrom: URL(fileURLWithPath: check, isDirectory: true))
                let problems = registry.identifier.testNumberProblems()
                if let first = problems.first {
                    printError("shiptrack: \(first)")
                    throw ExitStatus.invalidInput.exitCode
                }
            } else {
                engines = try carrierOptions.registry().engines.values.sorted { $0.id < $1.id }
            }
        } catch let error as CarrierDefinitionError {
            printError("shiptrack: \(error)")
            throw ExitStatus.invalidInput.exitCode
        }
        let listings = engines.map { engine in
            Listing(
                id: engine.id.rawValue, name: engine.definition.name, source: engine.source,
                format: engine.definition.page.format, baseURL: engine.definition.request.baseURL,
                followOnLegs: (engine.definition.followOnLegs ?? []).map(\.carrier.rawValue))
        }
        if json {
            print(try LookupJSON.encode(listings))
        } else {
            for listing in listings {
                let legs = listing.followOnLegs.isEmpty ? "" : "  then \(listing.followOnLegs.joined(separator: ", "))"
                print("\(listing.id)  \(listing.name)  \(listing.format)  \(listing.baseURL)  [\(listing.source)]\(legs)")
            }
            if check != nil { print("\(listings.count) definition(s) OK") }
        }
    }
}
