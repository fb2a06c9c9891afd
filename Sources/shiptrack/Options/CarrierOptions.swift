import ArgumentParser
import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackHTTP

/// Options shared by every command that reads carrier definitions or fetches pages.
struct CarrierOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A folder of carrier definitions (*.json) replacing or adding to the built-in ones.",
            discussion: "Defaults to $\(CarrierRegistry.directoryEnvironmentVariable) when set."),
        completion: .directory)
    var carriers: String?

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            "Send requests to URL instead of the carriers' sites: URL for all, or carrier=URL; comma-separated.",
            discussion: "Defaults to $SHIPTRACK_BASE_URL when set (the simulator, a proxy)."))
    var baseURL: String?

    @Option(name: .long, help: "Seconds a whole page fetch may take.")
    var timeout: Double = 30

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
        if let text = baseURL ?? ProcessInfo.processInfo.environment["SHIPTRACK_BASE_URL"] {
            do { _ = try BaseURLs(parsing: text) } catch { throw ValidationError(error.description) }
        }
    }

    /// The built-in carriers plus any from `--carriers` or the environment; a bad definition is reported on
    /// stderr and ends the command with the invalid-input status.
    func loadRegistry() throws -> CarrierRegistry {
        do { return try registry() } catch {
            printError("shiptrack: \(error)")
            throw ExitStatus.invalidInput.exitCode
        }
    }

    /// The built-in carriers plus any from `--carriers` or the environment.
    func registry() throws -> CarrierRegistry {
        let directory = carriers ?? ProcessInfo.processInfo.environment[CarrierRegistry.directoryEnvironmentVariable]
        return try CarrierRegistry.load(overridesFrom: directory.map { URL(fileURLWithPath: $0, isDirectory: true) })
    }

    func baseURLs() throws -> BaseURLs {
        guard let text = baseURL ?? ProcessInfo.processInfo.environment["SHIPTRACK_BASE_URL"] else { return BaseURLs() }
        return try BaseURLs(parsing: text)
    }

    func httpClient(logger: Logger) throws -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.totalTimeout = .milliseconds(Int(timeout * 1_000))
        configuration.connectTimeout = .milliseconds(Int(min(timeout, 10) * 1_000))
        return try HTTPClient(configuration: configuration, logger: logger)
    }
}
