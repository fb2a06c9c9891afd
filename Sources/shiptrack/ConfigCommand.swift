import ArgumentParser
import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackConfiguration
import ShipTrackEstimate
import ShipTrackHTTP
import ShipTrackInput
import ShipTrackModel
import ShipTrackReport

/// `shiptrack config check`: reads the store's configuration and everything it names, as a run would, and reports
/// the first problem with its file and key.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "The store's configuration file (see docs/configuration.md).",
        subcommands: [ConfigCheckCommand.self])
}

struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the configuration and the files it names (policy, templates, credentials); nothing is fetched.",
        discussion: "Exit status 0 when a run could start with it; 2 naming the file, key and problem otherwise.")

    @OptionGroup var tracking: TrackingOptions

    func run() throws {
        let store = try tracking.loadConfiguration()
        let registry = try tracking.loadRegistry()
        let file = store.file ?? "(no configuration file: built-in defaults)"
        func fail(_ key: String, _ message: String) -> ExitCode {
            printError("shiptrack: \(store.file ?? "configuration"): \(key): \(message)")
            return ExitCode(2)
        }
        do { _ = try StoreFiles(configuration: store).policy(option: nil) } catch { throw fail("policy", "\(error)") }
        if let templates = store.reports.templates {
            do { _ = try MessageTemplates.load(contentsOf: URL(fileURLWithPath: StoreConfiguration.expandingTilde(templates))) } catch {
                throw fail("reports.templates", "\(error)")
            }
        }
        do { _ = try InputOptions.parseColumnMapping(store.orders.columns.map { "\($0.key)=\($0.value)" }) } catch {
            throw fail("orders.columns", "\(error)")
        }
        let setup = try tracking.sourceConfiguration(registry: registry, configuration: store)
        let sources: SourceSet
        do {
            // A client is made so the sources can be built as a run builds them; nothing is sent.
            let client = try HTTPClient(logger: Logger(label: "shiptrack.config-check"))
            sources = try SourceSet(registry: registry, configuration: setup, fetcher: client, logger: Logger(label: "shiptrack.config-check"))
        } catch let error as SourceSetupError {
            throw fail("sources", "\(error)")
        } catch {
            throw fail("sources", "\(error)")
        }
        print("\(file): OK")
        for carrier in registry.carrierIDs {
            let chain = sources.chain(for: carrier).map(\.id.rawValue)
            let wanted = sources.preferences[carrier]?.map(\.rawValue) ?? []
            let missing = wanted.filter { !chain.contains($0) }
            var line = "  \(carrier): asks \(chain.isEmpty ? "no configured source" : chain.joined(separator: " then "))"
            if !missing.isEmpty { line += " (not configured: \(missing.joined(separator: ", ")))" }
            print(line)
        }
    }
}
