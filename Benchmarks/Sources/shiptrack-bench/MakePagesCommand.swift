import ArgumentParser
import CarrierSimulator
import Foundation
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel

/// `shiptrack-bench make-pages`: writes the generated pages both parsing benchmarks read, and the request paths
/// the fetching benchmarks ask for.
struct MakePagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-pages",
        abstract: "Write realistic generated pages (20-60 KB, 10-30 events) for every carrier, and request paths.",
        discussion: """
            Writes OUT/<carrier>/ (pages, numbers.txt, spec.txt for the C reference) and OUT/paths.txt (the \\
            request path of every page, as ShipTrack builds it, for wrk and the fetch benchmark).
            """
    )

    @Option(help: "The folder of carrier definitions (Carriers/).")
    var carriers = "Carriers"

    @Option(help: "The simulated date, YYYY-MM-DD, as given to carrier-sim --generate --date.")
    var date: String

    @Option(help: "Pages per carrier.")
    var count = 200

    @Option(help: "Seed of the tracking numbers.")
    var seed: UInt64 = 6

    @Option(help: "The output folder.")
    var out: String

    /// The pages the issue calls realistic: a carrier page of a parcel well under way.
    static let pageBytes = 20_000...60_000
    static let pageEvents = 10...30

    func run() throws {
        guard let day = CalendarDay(date) else { throw ValidationError("--date: \"\(date)\" is not YYYY-MM-DD.") }
        let engines = try BenchCarriers.load(directory: carriers)
        let output = URL(fileURLWithPath: out, isDirectory: true)
        // Requests are built against a placeholder base, which is then cut off to leave the path.
        let placeholderBase = "http://placeholder.invalid"
        var paths: [String] = []
        for carrier in BenchCarriers.identifiers {
            guard let engine = engines[carrier] else { throw ValidationError("no definition for \(carrier) in \(carriers)") }
            var chosen: [(number: String, bytes: [UInt8])] = []
            var contentType: String?
            // Draw numbers until enough pages fall in the realistic range; most do, so a few rounds suffice.
            var round: UInt64 = 0
            while chosen.count < count, round < 20 {
                let numbers = CarrierSimulator.sampleTrackingNumbers(
                    carrier: carrier.rawValue, count: count * 4, seed: seed &+ round &* 7_919)
                for number in numbers where chosen.count < count {
                    guard let page = CarrierSimulator.generatedPage(carrier: carrier.rawValue, number: number, simulatedDate: day),
                        Self.pageBytes.contains(page.bytes.count), Self.pageEvents.contains(page.eventCount),
                        !chosen.contains(where: { $0.number == number })
                    else { continue }
                    chosen.append((number, page.bytes))
                    contentType = page.contentType
                }
                round += 1
            }
            guard chosen.count == count else {
                throw ValidationError("only \(chosen.count) realistic \(carrier) pages found, \(count) wanted")
            }
            try PageSet.write(
                chosen, engine: engine, charset: contentType.flatMap(Self.charset(ofContentType:)),
                to: output.appendingPathComponent(carrier.rawValue, isDirectory: true))
            paths += chosen.map { String(engine.request(for: $0.number, baseURL: placeholderBase).url.dropFirst(placeholderBase.count)) }
        }
        try Data((paths.joined(separator: "\n") + "\n").utf8).write(to: output.appendingPathComponent("paths.txt"))
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
