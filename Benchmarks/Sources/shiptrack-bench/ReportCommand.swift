import ArgumentParser
import Foundation

/// `shiptrack-bench report`: prints the table of one `make bench` run and writes it, with the machine's
/// description, into `BENCHMARKS.md` between the generated-block markers (text outside them is kept).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the results table and write it into BENCHMARKS.md."
    )

    @Option(help: "The record lines collected by scripts/bench.sh.")
    var results: String

    @Option(help: "The machine description, `key: value` lines.")
    var machine: String

    @Option(help: "The profile summary (Markdown, from Benchmarks/profile-summary.sh), written beside the table.")
    var profile: String?

    @Option(help: "The Markdown file to update.")
    var markdown = "BENCHMARKS.md"

    @Option(name: .customLong("elapsed-seconds"), help: "How long `make bench` has taken so far.")
    var elapsedSeconds: Double?

    @Option(name: .customLong("build-seconds"), help: "How much of that was the release build.")
    var buildSeconds: Double?

    static let beginMarker = "<!-- bench:begin: written by `make bench` (scripts/bench.sh); edit outside these markers -->"
    static let endMarker = "<!-- bench:end -->"

    func run() throws {
        let records = try String(contentsOfFile: results, encoding: .utf8).split(separator: "\n")
            .compactMap(MeasurementRecord.init(line:))
        let report = BenchmarkReport(records: records)
        let table = report.table.markdown
        print(table)

        let machineLines = try String(contentsOfFile: machine, encoding: .utf8).split(separator: "\n")
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        var block = [Self.beginMarker, ""]
        block.append("Latest `make bench` run. Machine:")
        block.append("")
        block += machineLines.map { "- \($0)" }
        block.append("")
        block.append(table)
        block.append("")
        block += settingsLines(report)
        if let profile, let text = try? String(contentsOfFile: profile, encoding: .utf8),
            !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        {
            block.append("### Profile of this run: where the CPU goes")
            block.append("")
            block.append(
                "`perf record -g` (cpu-clock sampling) of the release binaries; self time per library and per function, "
                    + "Swift names demangled.")
            block.append("")
            block.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
            block.append("")
        }
        block.append(Self.endMarker)
        try write(block.joined(separator: "\n"))
        FileHandle.standardError.write(Data("wrote \(markdown)\n".utf8))
    }

    /// How the figures were measured, from the settings the script recorded.
    private func settingsLines(_ report: BenchmarkReport) -> [String] {
        var lines: [String] = []
        let settings = report.all("settings").last?.fields ?? [:]
        if !settings.isEmpty {
            lines.append(
                "Settings: " + settings.sorted { $0.key < $1.key }.map { "`\($0.key)=\($0.value)`" }.joined(separator: ", ")
                    + ".")
        }
        lines.append(
            "Parsing and estimator rates are per CPU second of the one thread doing the work (the programs read "
                + "`CLOCK_PROCESS_CPUTIME_ID`), so they are per core; the other figures are wall time. Second nights "
                + "run once, after the last first night, over its database. The load column is the median 1-minute load "
                + "average when a case's measurements started: on 2 cores, a figure measured above about 1.5 shared "
                + "the machine with another busy process.")
        if let split = report.all("split", ["used": "yes"]).last {
            let lanes = split.fields.filter { $0.key.hasPrefix("lane.") }.sorted { $0.key < $1.key }
                .map { "\($0.key.dropFirst(5))=\($0.value)" }.joined(separator: " ")
            let bound = split.number("lane_bound").map { Format.percent($0) } ?? "?"
            lines.append(
                "Nights through the pages share \(split.fields["total"] ?? "?") transfers among the sources' lanes in "
                    + "proportion to the requests each lane carries (`--concurrency \(lanes)`; every leg waits in its own "
                    + "source's lane); with whole slots that split allows at most \(bound) of one shared pool's ideal. "
                    + "Nights through the APIs keep each interface's own concurrency and batches; only their rates are "
                    + "lifted (`--rate 0`), and the USPS API's 60 calls an hour raised by the store configuration.")
        }
        if let elapsedSeconds {
            let build = buildSeconds.map { ", of which the release build \(Format.duration($0))" } ?? ""
            lines.append("`make bench` took \(Format.figure(elapsedSeconds / 60)) min up to this report\(build).")
        }
        return lines.isEmpty ? [] : lines.flatMap { [$0, ""] }
    }

    private func write(_ block: String) throws {
        let url = URL(fileURLWithPath: markdown)
        var text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        if let begin = text.range(of: "<!-- bench:begin"), let end = text.range(of: Self.endMarker, range: begin.upperBound..<text.endIndex) {
            text.replaceSubrange(begin.lowerBound..<end.upperBound, with: block)
        } else {
            text = "# Benchmarks\n\nWhat `make bench` measures (issue 6) and what it found. The block below is rewritten by "
                + "every run; the analysis after it is written by hand.\n\n" + block + "\n" + (text.isEmpty ? "" : "\n" + text)
        }
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
