import Foundation

/// The one table `make bench` prints and writes: one row per figure, with its reference, ratio and target.
struct ResultsTable {
    struct Row {
        var figure: String
        var measuredCase: String
        var result: String
        var reference: String = ""
        var ratio: String = ""
        var target: String = ""
        var verdict: String = ""
        /// The median 1-minute load average when the case's measurements started (2 cores: above about 1 for one
        /// measuring process, another process was busy too).
        var load: String = ""
    }

    static let header = ["#", "figure", "case", "result (median)", "reference (median)", "ratio", "target", "verdict", "load"]

    var rows: [(section: Int, row: Row)] = []

    mutating func add(_ section: Int, _ row: Row) { rows.append((section, row)) }

    /// GitHub-flavoured Markdown, which reads as a plain table in a terminal too.
    var markdown: String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        var lines = [line(Self.header), line(Self.header.map { _ in "---" })]
        for (section, row) in rows {
            lines.append(
                line([
                    String(section), row.figure, row.measuredCase, row.result, row.reference, row.ratio, row.target,
                    row.verdict, row.load,
                ]))
        }
        return lines.joined(separator: "\n")
    }
}
