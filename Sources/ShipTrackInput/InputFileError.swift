/// An order file that cannot be read at all: nothing in it is processed.
///
/// Printed as `orders.csv: cannot be read (No such file or directory)` or, when a line is at fault,
/// `orders.csv:1: no column "Ship Country" for destination (mapped with destination=Ship Country); …`.
public struct InputFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem, so callers can react without parsing the message.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The file cannot be opened or read (missing, a directory, no permission, an I/O error).
        public static let unreadable = Code("unreadable")
        /// No format was given and the extension is not `.csv`, `.jsonl` or `.ndjson`.
        public static let unknownFormat = Code("unknown_format")
        /// The file is not UTF-8 text: NUL bytes, invalid UTF-8 or a UTF-16 byte order mark at the start.
        public static let notText = Code("not_text")
        /// A CSV file with no header row (empty, or only blank lines).
        public static let missingHeader = Code("missing_header")
        /// A CSV header row that cannot be read: broken quoting, or longer than the row limit.
        public static let malformedHeader = Code("malformed_header")
        /// A required canonical column is not in the CSV header.
        public static let missingColumn = Code("missing_column")
        /// A header the reader needs appears more than once, so which column holds the value is ambiguous.
        public static let duplicateColumn = Code("duplicate_column")
        /// The column mapping names something that is not a canonical column, or maps to an empty header.
        public static let invalidColumnMapping = Code("invalid_column_mapping")
        /// A `.jsonl` file whose first line is not a JSON object.
        public static let notJSONLines = Code("not_json_lines")
    }

    public let code: Code
    /// The file as the caller named it.
    public let file: String
    /// The line at fault, when one is (the header line).
    public let line: Int?
    /// What is wrong.
    public let message: String

    public init(code: Code, file: String, line: Int? = nil, message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.message = message
    }

    /// `orders.csv: cannot be read (…)`, or `orders.csv:1: …` when a line is at fault.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
