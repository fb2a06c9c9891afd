import ArgumentParser
import Foundation
import ShipTrackCarriers
import ShipTrackModel
import ShipTrackNumbers

/// `shiptrack carriers`: list the carriers in use, or check a folder of carrier definitions.
struct CarriersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carriers",
        abstract: "List the carriers in use, or check a folder of carrier definitions.",
        discussion: """
            With --check DIR every *.json file in DIR is decoded and checked (number formats, sources, follow-on \
            legs) and its own test numbers are verified; the first problem is reported with its file and key, and \
            the exit status is 2. Sources have their own command: shiptrack sources.
            """)

    @Option(name: .long, help: "Check the definitions in this folder instead of listing.", completion: .directory)
    var check: String?

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @OptionGroup var tracking: TrackingOptions

    struct Listing: Encodable {
        let id: String
        let name: String
        let origin: String
        let sources: [String]
        let trackingPage: String?
        let followOnLegs: [String]

        enum CodingKeys: String, CodingKey {
            case id, name, origin, sources
            case trackingPage = "tracking_page"
            case followOnLegs = "follow_on_legs"
        }
    }

    func run() throws {
        let registry: CarrierRegistry
        var ids: [CarrierID]
        do {
            if let check {
                let folder = URL(fileURLWithPath: check, isDirectory: true)
                ids = try CarrierRegistry.loadCarriers(folder).map(\.0.id)
                // Test numbers are checked across the folder together with the built-ins it would replace.
                registry = try CarrierRegistry.load(carriersFrom: folder, sourcesFrom: nil)
                if let first = registry.identifier.testNumberProblems().first {
                    printError("shiptrack: \(first)")
                    throw ExitStatus.invalidInput.exitCode
                }
            } else {
                registry = try tracking.registry()
                ids = registry.carrierIDs
            }
        } catch let error as CarrierDefinitionError {
            printError("shiptrack: \(error)")
            throw ExitStatus.invalidInput.exitCode
        }
        ids.sort()
        let listings = ids.compactMap { id in
            registry.carriers[id].map { carrier in
                Listing(
                    id: id.rawValue, name: carrier.name, origin: registry.carrierOrigins[id] ?? "",
                    sources: carrier.sources.map(\.rawValue), trackingPage: carrier.trackingPage,
                    followOnLegs: (carrier.followOnLegs ?? []).map(\.carrier.rawValue))
            }
        }
        if json {
            print(try LookupJSON.encode(listings))
        } else {
            for listing in listings {
                let legs = listing.followOnLegs.isEmpty ? "" : "  then \(listing.followOnLegs.joined(separator: ", "))"
                print("\(listing.id)  \(listing.name)  sources: \(listing.sources.joined(separator: " > "))\(legs)  [\(listing.origin)]")
            }
            if check != nil { print("\(listings.count) definition(s) OK") }
        }
    }
}
