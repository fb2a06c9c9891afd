import ArgumentParser
import CarrierSimulator
import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel
import Synchronization

/// `shiptrack-bench make-answers`: records the JSON answers of the USPS API and 17TRACK from a running simulator,
/// asked the way a night asks them (the source's client: token, registration, full batches), for the parsing
/// benchmarks.
struct MakeAnswersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-answers",
        abstract: "Record full-batch answers of the JSON sources (usps-api, 17track) from a running carrier-sim.",
        discussion: """
            Writes OUT/usps-api/ and OUT/17track/ (NNN.json and asked.txt). Every number asked has a generated \\
            parcel with 10-30 events. The simulator must run with --generate for the same --date, with its USPS quota \\
            off (--usps-quota 0), its 17TRACK rate limit off (--track17-rate 0) and no registration delay \\
            (--track17-registration-delay-ms 0), and a 17TRACK quota for every number.
            """
    )

    @Option(help: "The folder of carrier definitions (Carriers/).")
    var carriers = "Carriers"

    @Option(help: "The folder of tracking source definitions (TrackingSources/).")
    var sources = "TrackingSources"

    @Option(help: "The simulated date, YYYY-MM-DD, as given to carrier-sim --generate --date.")
    var date: String

    @Option(help: "Full answers per source.")
    var count = 40

    @Option(help: "Seed of the tracking numbers.")
    var seed: UInt64 = 16

    @Option(name: .customLong("base-url"), help: "The simulator, http://127.0.0.1:PORT.")
    var baseURL: String

    @Option(help: "The output folder.")
    var out: String

    func run() async throws {
        guard let day = CalendarDay(date) else { throw ValidationError("--date: \"\(date)\" is not YYYY-MM-DD.") }
        let registry = try BenchSources.registry(carriers: carriers, sources: sources)
        let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        let client = try HTTPClient(logger: logger)
        defer { client.shutdown() }
        let recorder = RecordingFetcher(client: client)
        var configuration = SourceSet.Configuration()
        configuration.secrets = SecretStore(
            values: Dictionary(uniqueKeysWithValues: CarrierSimulator.testCredentials.environment.map { ($0.name, $0.value) }),
            origin: "carrier-sim's test credentials")
        configuration.baseURLs = BaseURLs(all: baseURL)
        configuration.allLimits = SourceLimits(concurrency: 4, requestsPerSecond: 0)
        configuration.ledger = InMemoryRegistrationLedger()
        let set = try SourceSet(registry: registry, configuration: configuration, fetcher: recorder, logger: logger)

        for parse in ParseCase.all where parse.numbersPerAnswer > 1 {
            guard let source = set.clients[parse.source] else { throw BenchError("\(parse.source) is not available") }
            let chosen = try MakePagesCommand.choose(
                count: count * parse.numbersPerAnswer, carrier: parse.carrier, generator: parse.carrier.rawValue, day: day,
                seed: seed
            ) { MakePagesCommand.pageEvents.contains($0.eventCount) }
            let numbers = chosen.map(\.number)
            recorder.clear()
            // All at once, so the client's batcher fills every batch.
            let failures = await withTaskGroup(of: Int.self) { group in
                for number in numbers {
                    group.addTask {
                        do {
                            _ = try await source.track(AskedNumber(number: number, carrier: parse.carrier))
                            return 0
                        } catch {
                            return 1
                        }
                    }
                }
                return await group.reduce(0, +)
            }
            guard failures == 0 else { throw BenchError("\(parse.source): \(failures) of \(numbers.count) numbers failed") }
            let trackPath = String(source.engine.definition.track.path.prefix { $0 != "?" })
            let wanted = Set(numbers)
            let answers = recorder.records.filter { $0.request.url.contains(trackPath) }.compactMap { request, response in
                let asked = Self.numbers(inBody: request.body ?? [], among: wanted)
                return asked.count == parse.numbersPerAnswer
                    ? AnswerSet.Answer(
                        body: response.body, status: response.statusCode, charset: response.charset,
                        asked: asked.map { AskedNumber(number: $0, carrier: parse.carrier) })
                    : nil
            }
            guard answers.count >= count else {
                throw BenchError("\(parse.source): only \(answers.count) full answers of \(parse.numbersPerAnswer) numbers recorded")
            }
            try AnswerSet(directory: URL(fileURLWithPath: out, isDirectory: true).appendingPathComponent(parse.source.rawValue))
                .write(Array(answers.prefix(count)), engine: source.engine)
        }
    }

    /// The numbers a JSON request body asks about, in its order: every string value of its items that is one of ours.
    static func numbers(inBody body: [UInt8], among wanted: Set<String>) -> [String] {
        guard let items = try? JSONSerialization.jsonObject(with: Data(body)) as? [[String: Any]] else { return [] }
        return items.compactMap { item in item.values.compactMap { $0 as? String }.first(where: wanted.contains) }
    }
}

/// Fetches through an `HTTPClient` and keeps every request with its response.
final class RecordingFetcher: PageFetching {
    let client: HTTPClient
    private let stored = Mutex<[(request: HTTPRequest, response: HTTPResponse)]>([])

    init(client: HTTPClient) { self.client = client }

    func fetch(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await client.execute(request)
        stored.withLock { $0.append((request, response)) }
        return response
    }

    var records: [(request: HTTPRequest, response: HTTPResponse)] { stored.withLock { $0 } }

    func clear() { stored.withLock { $0.removeAll() } }
}
