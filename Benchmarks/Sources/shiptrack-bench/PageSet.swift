import Foundation
import ShipTrackCarriers

/// A folder of generated pages for one carrier, shared by the Swift and the C parsing benchmarks:
/// `NNN.html` or `NNN.xml` pages, `numbers.txt` (the page's tracking number, one a line, in page order) and
/// `spec.txt` (what the C reference needs from the carrier definition, one directive a line).
struct PageSet {
    static let specFileName = "spec.txt"
    static let numbersFileName = "numbers.txt"

    let directory: URL

    /// Writes `pages` for `engine` into the folder, with the C reference's spec.
    static func write(
        _ pages: [(number: String, bytes: [UInt8])], engine: CarrierEngine, charset: String?, to directory: URL
    ) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pageRecipe = engine.definition.page
        let fileExtension = pageRecipe.format == "xml" ? "xml" : "html"
        for (index, page) in pages.enumerated() {
            let name = String(format: "%03d.%@", index, fileExtension)
            try Data(page.bytes).write(to: directory.appendingPathComponent(name))
        }
        try Data((pages.map(\.number).joined(separator: "\n") + "\n").utf8)
            .write(to: directory.appendingPathComponent(numbersFileName))
        try Data(spec(for: engine, charset: charset).utf8).write(to: directory.appendingPathComponent(specFileName))
    }

    /// The directives `parse_pages.c` reads: the definition's format, the HTTP header's charset and the
    /// definition's fallback (from which it picks each page's encoding as the engine does), its event row, field
    /// and page-state XPaths, verbatim.
    static func spec(for engine: CarrierEngine, charset: String?) -> String {
        let page = engine.definition.page
        var lines = ["format \(page.format)"]
        if let charset { lines.append("header_charset \(charset)") }
        if let fallback = page.charset { lines.append("fallback_charset \(fallback)") }
        lines.append("rows \(page.eventRows)")
        lines += page.fields.time.map { "time \($0)" }
        lines += page.fields.description.map { "description \($0)" }
        lines += (page.fields.location ?? []).map { "location \($0)" }
        lines += (page.fields.eventCode ?? []).map { "event_code \($0)" }
        for state in page.pageStates {
            lines.append("state \(state.when)")
            if let message = state.message { lines.append("message \(message)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The pages in file-name order, read into memory.
    func pages() throws -> [[UInt8]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".xml") }
            .sorted()
        return try names.map { [UInt8](try Data(contentsOf: directory.appendingPathComponent($0))) }
    }

    /// The tracking number of each page, in the same order as ``pages()``.
    func numbers() throws -> [String] {
        try String(contentsOf: directory.appendingPathComponent(Self.numbersFileName), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    /// The charset of the pages' HTTP `Content-Type`, if it names one: what the engine is handed with each page.
    func headerCharset() throws -> String? {
        let spec = try String(contentsOf: directory.appendingPathComponent(Self.specFileName), encoding: .utf8)
        let key = "header_charset "
        return spec.split(separator: "\n").first { $0.hasPrefix(key) }.map { String($0.dropFirst(key.count)) }
    }
}
