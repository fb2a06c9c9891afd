/// The layout of an order file.
public enum InputFormat: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Comma-separated values with a header row (RFC 4180).
    case csv
    /// JSON Lines: one JSON object per line.
    case jsonl

    /// `csv` or `jsonl`.
    public var description: String { rawValue }

    /// The format a name gives on the command line: `csv`, `jsonl`, or `ndjson` for JSON Lines (any case).
    public init?(name: String) {
        switch HeaderName.key(name) {
        case "csv": self = .csv
        case "jsonl", "ndjson", "json-lines", "jsonlines": self = .jsonl
        default: return nil
        }
    }

    /// The format a file's extension implies: `.csv`, `.jsonl` or `.ndjson` (any case), else `nil`.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "csv": self = .csv
        case "jsonl", "ndjson": self = .jsonl
        default: return nil
        }
    }
}
