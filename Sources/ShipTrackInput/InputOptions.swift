public import ShipTrackEstimate

/// How to read an order file: its format, which headers hold the canonical columns, how to read countries and
/// times, and the limits that keep a hostile file from eating memory.
public struct InputOptions: Sendable {
    /// The format, or `nil` to choose it from the file's extension (`.csv`, `.jsonl`, `.ndjson`).
    public var format: InputFormat?
    /// Canonical column name → the header (CSV) or key (JSON Lines) that holds it, for files whose names differ
    /// (`["destination": "Shipping Country"]`). Columns not mapped are looked up by their canonical name. Build it
    /// from `--column` arguments with ``parseColumnMapping(_:)``.
    public var columnMapping: [String: String]
    /// The CSV separator, or `nil` to find it from the header: a comma, else `;` or a tab when the header's names
    /// are found only by splitting at that (a file a spreadsheet saved in a European locale, or a "text" export).
    public var separator: CSVSeparator?
    /// Resolves `destination`.
    public var countries: CountryTable
    /// Parses `ordered_at` and `shipped_at`; plain dates are read in its calendar's zone.
    public var timestamps: TimestampParser
    /// The longest field, in bytes (after removing quotes); a longer one is a row error.
    public var maxFieldBytes: Int
    /// The longest row (CSV record, or JSON Lines line), in bytes; a longer one is a row error and reading resumes on
    /// the line after the row's first line. Also the most memory a row can take.
    public var maxRecordBytes: Int
    /// Bytes asked of the file per read. Only tests have a reason to change it (tiny reads split every construct).
    public var readChunkBytes: Int

    /// 64 KiB.
    public static let defaultMaxFieldBytes = 64 * 1_024
    /// 256 KiB: a shop export's row carries dozens of columns (addresses, notes, line items) besides ours.
    public static let defaultMaxRecordBytes = 256 * 1_024
    /// 64 KiB.
    public static let defaultReadChunkBytes = 64 * 1_024

    public init(
        format: InputFormat? = nil,
        columnMapping: [String: String] = [:],
        separator: CSVSeparator? = nil,
        countries: CountryTable = .builtIn,
        timestamps: TimestampParser = TimestampParser(policy: .builtIn),
        maxFieldBytes: Int = InputOptions.defaultMaxFieldBytes,
        maxRecordBytes: Int = InputOptions.defaultMaxRecordBytes,
        readChunkBytes: Int = InputOptions.defaultReadChunkBytes
    ) {
        self.format = format
        self.columnMapping = columnMapping
        self.separator = separator
        self.countries = countries
        self.timestamps = timestamps
        self.maxFieldBytes = maxFieldBytes
        self.maxRecordBytes = maxRecordBytes
        self.readChunkBytes = readChunkBytes
    }

    /// Reads `--column` arguments, each `canonical=Header` (`destination=Shipping Country`), into a
    /// ``columnMapping``. The header is everything after the first `=`, spaces around it dropped.
    /// - Throws: ``ColumnMappingError`` naming the first bad item: no `=`, an empty side, a name that is not a
    ///   canonical column, or a column mapped twice.
    public static func parseColumnMapping(_ items: [String]) throws(ColumnMappingError) -> [String: String] {
        var mapping: [String: String] = [:]
        for item in items {
            guard let equals = item.firstIndex(of: "=") else {
                throw ColumnMappingError(
                    item: item, message: "expected canonical=Header, such as destination=Shipping Country")
            }
            let name = HeaderName.key(item[..<equals])
            let header = String(item[item.index(after: equals)...]).trimmedWhitespace
            guard !name.isEmpty else {
                throw ColumnMappingError(item: item, message: "names no canonical column before \"=\"")
            }
            guard let column = CanonicalColumn(name: name) else {
                throw ColumnMappingError(
                    item: item,
                    message: "\"\(name)\" is not a canonical column (\(CanonicalColumn.namesList))")
            }
            guard !header.isEmpty else {
                throw ColumnMappingError(item: item, message: "names no header after \"=\"")
            }
            guard mapping[column.rawValue] == nil else {
                throw ColumnMappingError(
                    item: item, message: "\(column) is already mapped to \"\(mapping[column.rawValue] ?? "")\"")
            }
            mapping[column.rawValue] = header
        }
        return mapping
    }
}
