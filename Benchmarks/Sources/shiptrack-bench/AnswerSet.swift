import Foundation
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel

/// A folder of one source's answers, shared by the Swift and the C parsing benchmarks: `NNN.html`, `NNN.xml` or
/// `NNN.json` (the bodies as the source sent them), `asked.txt` (per answer, in file order: the HTTP status, the
/// `Content-Type` charset or `-`, then the `number:carrier` pairs the request asked about) and, for HTML and XML,
/// `spec.txt` (what `parse_pages.c` needs from the source definition, one directive a line).
struct AnswerSet {
    static let specFileName = "spec.txt"
    static let askedFileName = "asked.txt"

    /// One answer as the batch receives it.
    struct Answer {
        var body: [UInt8]
        var status: Int
        var charset: String?
        var asked: [AskedNumber]

        /// The response the engine is handed, as the HTTP client would make it.
        func response(url: String) -> HTTPResponse {
            HTTPResponse(
                statusCode: status,
                headers: charset.map { [(name: "Content-Type", value: "text/plain; charset=\($0)")] } ?? [],
                body: body, effectiveURL: url)
        }
    }

    let directory: URL

    init(directory: URL) { self.directory = directory }
    init(path: String) { directory = URL(fileURLWithPath: path, isDirectory: true) }

    /// Writes `answers` of `engine`'s source, with the C reference's spec for markup formats.
    func write(_ answers: [Answer], engine: SourceEngine) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let format = engine.definition.answer.format
        var asked: [String] = []
        for (index, answer) in answers.enumerated() {
            try Data(answer.body).write(to: directory.appendingPathComponent(String(format: "%03d.%@", index, format)))
            asked.append(
                ([String(answer.status), answer.charset ?? "-"] + answer.asked.map { "\($0.number):\($0.carrier.rawValue)" })
                    .joined(separator: " "))
        }
        try Data((asked.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent(Self.askedFileName))
        if format != "json" {
            let charsets = Set(answers.map { $0.charset ?? "" })
            try Data(Self.spec(for: engine, headerCharset: charsets.count == 1 ? answers.first?.charset : nil).utf8)
                .write(to: directory.appendingPathComponent(Self.specFileName))
        }
    }

    /// The answers in file order, read into memory.
    func answers() throws -> [Answer] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".xml") || $0.hasSuffix(".json") }
            .sorted()
        let lines = try String(contentsOf: directory.appendingPathComponent(Self.askedFileName), encoding: .utf8)
            .split(separator: "\n")
        guard lines.count == names.count else {
            throw BenchError("\(directory.path): \(names.count) answers but \(lines.count) lines in \(Self.askedFileName)")
        }
        return try zip(names, lines).map { name, line in
            let words = line.split(separator: " ").map(String.init)
            guard words.count >= 3, let status = Int(words[0]) else {
                throw BenchError("\(directory.path)/\(Self.askedFileName): \"\(line)\" is not STATUS CHARSET NUMBER:CARRIER...")
            }
            let asked = words.dropFirst(2).map { word in
                let parts = word.split(separator: ":", maxSplits: 1)
                return AskedNumber(number: String(parts[0]), carrier: CarrierID(String(parts.count > 1 ? parts[1] : "")))
            }
            return Answer(
                body: [UInt8](try Data(contentsOf: directory.appendingPathComponent(name))), status: status,
                charset: words[1] == "-" ? nil : words[1], asked: asked)
        }
    }

    /// The directives `parse_pages.c` reads, verbatim from the definition: the XPaths the engine evaluates on an
    /// answer that is read normally (whole-answer rules that a 200 reaches, markers, rows, every field, the states of
    /// an answer without events), the byte tests of those rules, and what it needs to pick the encoding as the
    /// engine does.
    static func spec(for engine: SourceEngine, headerCharset: String?) -> String {
        let definition = engine.definition
        let answer = definition.answer
        var lines = ["format \(answer.format)"]
        if let headerCharset { lines.append("header_charset \(headerCharset)") }
        if let fallback = answer.charset { lines.append("fallback_charset \(fallback)") }
        for rule in definition.responses ?? [] {
            // A rule for other statuses, or for a refused redirect, is passed over before any test of the body.
            if let statuses = rule.httpStatus, !statuses.contains(200) { continue }
            if rule.redirected == true { continue }
            let contains = rule.bodyContains ?? []
            let equals = rule.bodyEquals ?? []
            lines += contains.map { "body_contains \($0)" }
            lines += equals.map { "body_equals \($0)" }
            // A rule's XPath is asked only once its byte tests hold, which they never do for a tracking answer.
            if contains.isEmpty, equals.isEmpty, let when = rule.when { lines.append("response_when \(when)") }
        }
        lines += (answer.markers ?? []).map { "marker \($0)" }
        lines.append("rows \(answer.eventRows)")
        let fields = answer.fields
        let named: [(String, [String]?)] = [
            ("description", fields.description), ("time", fields.time), ("time_utc", fields.timeUTC),
            ("event_code", fields.eventCode), ("leg", fields.leg), ("location", fields.location), ("city", fields.city),
            ("state", fields.state), ("postal_code", fields.postalCode), ("country", fields.country),
            ("utc_offset", fields.utcOffset),
        ]
        for (name, queries) in named {
            lines += (queries ?? []).map { "field \(name) \($0)" }
        }
        for state in answer.noEvents ?? [] {
            lines.append("state \(state.when)")
            if let message = state.message { lines.append("message \(message)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
