import ArgumentParser
import CarrierSimulator
import Foundation
import Logging

/// `carrier-sim serve`: runs the carrier simulator until SIGINT or SIGTERM, for `make demo`, load tests and manual
/// testing.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Play the carriers' tracking sites and APIs on a loopback address, serving pages from Fixtures/.",
        discussion: """
            Routes page requests with Fixtures/simulator.json and plays the USPS API (/oauth2/v3/token, \
            /tracking/v3r2/tracking, /tracking/v3/tracking/N), 17TRACK (/track/v2.2/OPERATION) and the EMS partner \
            interface (/partner/api/public/p/track/query/en|cn/N) at their real paths. On start it prints \
            "carrier-sim listening on http://HOST:PORT", then the test credentials the APIs accept, one \
            NAME=value line each (USPS_CLIENT_ID, USPS_CLIENT_SECRET, TRACK17_API_KEY, EMS_EUB_TOKEN), and runs \
            until SIGINT or SIGTERM, then stops cleanly and exits 0. Logs go to standard error.

            With --generate, a valid ePacket, EMS or USPS number without a fixture gets a generated page, the same \
            for the same number and --date; precedence: special number, fixture, generated page, not-found page. \
            The APIs answer from the same parcel world. With --fault-rate, that share of page requests and API \
            tracking calls (never special numbers) gets a fault instead, drawn per request from a sequence seeded by \
            --seed, so a retried number usually succeeds.
            """
    )

    @Option(help: "The fixtures folder holding simulator.json. Default: ./Fixtures, else the repository's Fixtures above this executable.")
    var fixtures: String?

    @Option(help: "The address to listen on; must be a loopback address unless --allow-non-loopback is given.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free port.")
    var port = 0

    @Option(name: .customLong("latency-ms"), help: "Milliseconds added before every response.")
    var latencyMilliseconds = 0

    @Option(name: .customLong("port-file"), help: "A file to write the bound port to (written atomically).")
    var portFile: String?

    @Option(help: "Event-loop threads (default: one per core).")
    var threads: Int?

    @Flag(name: .customLong("allow-non-loopback"), help: "Allow listening on a non-loopback address. Dangerous: this is test infrastructure.")
    var allowNonLoopback = false

    @Flag(help: "Log every request to standard error.")
    var verbose = false

    @Flag(help: "Generate a page for any valid number that has no fixture, instead of the not-found page.")
    var generate = false

    @Option(help: "The simulated date of generated pages, YYYY-MM-DD (default: today in UTC). Needs --generate.")
    var date: String?

    @Option(
        name: .customLong("fault-rate"),
        help: ArgumentHelp(
            "Faults injected by rate into page responses and API tracking calls, such as 500=0.01,503=0.01,429=0.01,timeout=0.005,truncated=0.005,garbage=0.005,reset=0.005.",
            valueName: "NAME=RATE,..."
        )
    )
    var faultRate: String?

    @Option(help: "Seed of the fault draws (default 1). Needs --fault-rate.")
    var seed: UInt64?

    @Option(name: .customLong("retry-after"), help: "Retry-After seconds of 503 and 429 faults by rate (default 1). Needs --fault-rate.")
    var retryAfterSeconds: Int?

    @Option(name: .customLong("usps-token-lifetime"), help: "Seconds a USPS access token is valid (USPS: 28799).")
    var uspsTokenLifetime = 28_799

    @Option(name: .customLong("usps-quota"), help: "USPS tracking calls per client per rolling window (USPS: 60); 0 for no quota.")
    var uspsQuota = 60

    @Option(name: .customLong("usps-quota-window"), help: "Seconds of the USPS quota's rolling window (USPS: 3600).")
    var uspsQuotaWindow = 3_600

    @Option(name: .customLong("track17-rate"), help: "17TRACK requests per second per key before HTTP 429 (17TRACK: 3); 0 for no limit.")
    var track17Rate = 3

    @Option(name: .customLong("track17-quota"), help: "17TRACK quota units of the test account (one per registered number).")
    var track17Quota = 10_000

    @Option(
        name: .customLong("track17-registration-delay-ms"),
        help: "Milliseconds after registration until 17TRACK has tracking information for a number (until then -18019909)."
    )
    var track17RegistrationDelayMilliseconds = 1_500

    @Option(
        name: .customLong("usps-page-block"),
        help: ArgumentHelp(
            "Answer every USPS page request as Akamai does: denied (403 Access Denied), challenge (200 JavaScript challenge), redirect-home (302 to https://www.usps.com/), redirect-root (302 to /), or off.",
            valueName: "MODE"
        )
    )
    var uspsPageBlock = "off"

    @Option(name: .customLong("chinapost-page-block"), help: ArgumentHelp("Answer every China Post page request with its slider CAPTCHA (captcha), or off.", valueName: "MODE"))
    var chinaPostPageBlock = "off"

    func validate() throws {
        guard (0...65_535).contains(self.port) else {
            throw ValidationError("--port must be 0...65535.")
        }
        guard self.latencyMilliseconds >= 0 else {
            throw ValidationError("--latency-ms must not be negative.")
        }
        if let threads = self.threads, threads < 1 {
            throw ValidationError("--threads must be at least 1.")
        }
        if self.date != nil && !self.generate {
            throw ValidationError("--date applies only with --generate.")
        }
        _ = try self.simulatedDate()
        if self.faultRate == nil && (self.seed != nil || self.retryAfterSeconds != nil) {
            throw ValidationError("--seed and --retry-after apply only with --fault-rate.")
        }
        _ = try self.faultRates()
        guard self.uspsTokenLifetime > 0, self.uspsQuotaWindow > 0 else {
            throw ValidationError("--usps-token-lifetime and --usps-quota-window must be positive.")
        }
        guard self.uspsQuota >= 0, self.track17Rate >= 0, self.track17Quota >= 0, self.track17RegistrationDelayMilliseconds >= 0 else {
            throw ValidationError("--usps-quota, --track17-rate, --track17-quota and --track17-registration-delay-ms must not be negative.")
        }
        _ = try self.pageBlocking()
    }

    private func pageBlocking() throws -> CarrierSimulator.PageBlocking {
        var blocking = CarrierSimulator.PageBlocking()
        if self.uspsPageBlock.lowercased() != "off" {
            guard let block = CarrierSimulator.USPSPageBlock(name: self.uspsPageBlock) else {
                throw ValidationError("--usps-page-block: \"\(self.uspsPageBlock)\" is not denied, challenge, redirect-home, redirect-root or off.")
            }
            blocking.usps = block
        }
        switch self.chinaPostPageBlock.lowercased() {
        case "off": break
        case "captcha": blocking.chinaPost = .captcha
        default: throw ValidationError("--chinapost-page-block: \"\(self.chinaPostPageBlock)\" is not captcha or off.")
        }
        return blocking
    }

    private func simulatedDate() throws -> CalendarDay {
        guard let date = self.date else { return CalendarDay.today() }
        guard let day = CalendarDay(date) else {
            throw ValidationError("--date: \"\(date)\" is not a date YYYY-MM-DD.")
        }
        return day
    }

    private func faultRates() throws -> CarrierSimulator.FaultRates? {
        guard let faultRate = self.faultRate else { return nil }
        do {
            return try CarrierSimulator.FaultRates(
                parsing: faultRate, seed: self.seed ?? 1, retryAfterSeconds: self.retryAfterSeconds ?? 1
            )
        } catch let error as CarrierSimulatorError {
            throw ValidationError("--fault-rate: \(error.detail).")
        }
    }

    func run() async throws {
        let verbose = self.verbose
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = verbose ? .debug : .notice
            return handler
        }
        let logger = Logger(label: "carrier-sim")

        var options = CarrierSimulator.Options(
            latency: .milliseconds(self.latencyMilliseconds),
            allowNonLoopbackHosts: self.allowNonLoopback,
            generatedPages: self.generate ? CarrierSimulator.GeneratedPagesOptions(simulatedDate: try self.simulatedDate()) : nil,
            faultRates: try self.faultRates(),
            uspsAPI: CarrierSimulator.USPSAPIOptions(
                tokenLifetime: .seconds(self.uspsTokenLifetime), callsPerWindow: self.uspsQuota == 0 ? nil : self.uspsQuota,
                quotaWindow: .seconds(self.uspsQuotaWindow)
            ),
            track17: CarrierSimulator.Track17Options(
                requestsPerSecond: self.track17Rate == 0 ? nil : self.track17Rate, quotaTotal: self.track17Quota,
                registrationDelay: .milliseconds(self.track17RegistrationDelayMilliseconds)
            ),
            pageBlocking: try self.pageBlocking()
        )
        if let threads = self.threads {
            options.eventLoopThreads = threads
        }
        let simulator = try CarrierSimulator(fixtures: try self.fixturesDirectory(), options: options, logger: logger)

        // Listen for signals before starting, so a stop requested right after the start is not lost.
        let signals = TerminationSignals()
        let boundPort = try await simulator.start(host: self.host, port: self.port)
        if let portFile = self.portFile {
            do {
                // `.atomic` writes a temporary file and renames it over the target, so a reader never sees half.
                try Data("\(boundPort)\n".utf8).write(to: URL(fileURLWithPath: portFile), options: .atomic)
            } catch {
                try await simulator.stop()
                throw ValidationError("cannot write --port-file \(portFile): \(error.localizedDescription)")
            }
        }
        // Unbuffered, so a script waiting for this line sees it at once. The credentials are the simulator's public
        // test values, printed so a demo can export them; they are valid nowhere else.
        var announcement = "carrier-sim listening on \(simulator.baseURL)\n"
        for (name, value) in CarrierSimulator.testCredentials.environment {
            announcement += "\(name)=\(value)\n"
        }
        FileHandle.standardOutput.write(Data(announcement.utf8))

        let signal = await signals.next()
        logger.notice("stopping", metadata: ["signal": "\(signal)"])
        try await simulator.stop()
    }

    private func fixturesDirectory() throws -> URL {
        let currentDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        if let fixtures = self.fixtures {
            return URL(fileURLWithPath: fixtures, isDirectory: true, relativeTo: currentDirectory).standardizedFileURL
        }
        guard
            let found = CarrierSimulator.defaultFixturesDirectory(
                currentDirectory: currentDirectory,
                executablePath: CommandLine.arguments.first
            )
        else {
            throw ValidationError(
                "No Fixtures/simulator.json in the current directory or above the executable; use --fixtures DIR."
            )
        }
        return found
    }
}
