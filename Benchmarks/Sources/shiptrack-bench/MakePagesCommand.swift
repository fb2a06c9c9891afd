import ArgumentParser
import CarrierSimulator
import Foundation
import ShipTrackCarriers
import ShipTrackModel

/// `shiptrack-bench make-pages`: writes the generated answers the parsing benchmarks read that need no server (the
/// USPS and China Post pages, the EMS EUB interface's XML), and the request paths the fetching benchmarks ask for.
struct MakePagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-pages",
        abstract: "Write realistic generated pages (20-60 KB, 10-30 events) and EMS EUB answers, and request paths.",
        discussion: """
            Writes OUT/usps-page/, OUT/chinapost-page/ (ePacket numbers) and OUT/ems-eub/ (answers, asked.txt, \\
            spec.txt for the C reference), OUT/requests.txt (SOURCE CARRIER NUMBER PATH of every page, the path as \\
            ShipTrack builds it, for the fetch benchmarks and the Python peer) and OUT/paths.txt (the paths, for wrk).
            """
    )

    @Option(help: "The folder of carrier definitions (Carriers/).")
    var carriers = "Carriers"

    @Option(help: "The folder of tracking source definitions (TrackingSources/).")
    var sources = "TrackingSources"

    @Option(help: "The simulated date, YYYY-MM-DD, as given to carrier-sim --generate --date.")
    var date: String

    @Option(help: "Answers per source.")
    var count = 200

    @Option(help: "Seed of the tracking numbers.")
    var seed: UInt64 = 6

    @Option(help: "The output folder.")
    var out: String

    /// The pages the issue calls realistic: a carrier page of a parcel well under way.
    static let pageBytes = 20_000...60_000
    static let pageEvents = 10...30

    /// The sources whose answers the simulator's generator makes in-process, with the generator's name for them.
    static let generated: [(source: SourceID, carrier: CarrierID, generator: String)] = [
        ("usps-page", "usps", "usps"), ("chinapost-page", "epacket", "epacket"), ("ems-eub", "ems", "ems"),
    ]

    func run() throws {
        guard let day = CalendarDay(date) else { throw ValidationError("--date: \"\(date)\" is not YYYY-MM-DD.") }
        let registry = try BenchSources.registry(carriers: carriers, sources: sources)
        let output = URL(fileURLWithPath: out, isDirectory: true)
        var requests: [String] = []
        for (source, carrier, generator) in Self.generated {
            let engine = try BenchSources.engine(source, in: registry)
            let isPage = engine.definition.kind == .page
            let chosen = try Self.choose(count: count, carrier: carrier, generator: generator, day: day, seed: seed) { page in
                (!isPage || Self.pageBytes.contains(page.bytes.count)) && Self.pageEvents.contains(page.eventCount)
            }
            let answers = chosen.map { number, page in
                AnswerSet.Answer(
                    body: page.bytes, status: 200, charset: Self.charset(ofContentType: page.contentType),
                    asked: [AskedNumber(number: number, carrier: carrier)])
            }
            try AnswerSet(directory: output.appendingPathComponent(source.rawValue, isDirectory: true)).write(answers, engine: engine)
            if isPage {
                requests += chosen.map { "\(source) \(carrier) \($0.number) \(BenchSources.pagePath(engine, number: $0.number))" }
            }
        }
        // Interleaved, so every moment asks a mix of page sizes and sources, as a night does.
        requests = FetchCommand.interleaved(requests, groups: 2)
        try Data((requests.joined(separator: "\n") + "\n").utf8).write(to: output.appendingPathComponent(PageRequest.fileName))
        let paths = requests.map { $0.split(separator: " ", maxSplits: 3)[3] }
        try Data((paths.joined(separator: "\n") + "\n").utf8).write(to: output.appendingPathComponent("paths.txt"))
    }

    /// `count` distinct numbers of `carrier` whose generated page passes `accept`, the same for the same seed.
    static func choose(
        count: Int, carrier: CarrierID, generator: String, day: CalendarDay, seed: UInt64,
        accept: (GeneratedPage) -> Bool
    ) throws -> [(number: String, page: GeneratedPage)] {
        var chosen: [(number: String, page: GeneratedPage)] = []
        var seen = Set<String>()
        // Draw numbers until enough pages fall in the realistic range; most do, so a few rounds suffice.
        var round: UInt64 = 0
        while chosen.count < count, round < 20 {
            let numbers = CarrierSimulator.sampleTrackingNumbers(carrier: carrier.rawValue, count: count * 4, seed: seed &+ round &* 7_919)
            for number in numbers where chosen.count < count && !seen.contains(number) {
                guard let page = CarrierSimulator.generatedPage(carrier: generator, number: number, simulatedDate: day),
                    accept(page)
                else { continue }
                seen.insert(number)
                chosen.append((number, page))
            }
            round += 1
        }
        guard chosen.count == count else {
            throw ValidationError("only \(chosen.count) realistic \(carrier) answers found, \(count) wanted")
        }
        return chosen
    }

    /// The `charset` parameter of a `Content-Type`, as the HTTP client hands it to the engine.
    static func charset(ofContentType contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" {
                return parts[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\""))
            }
        }
        return nil
    }
}
