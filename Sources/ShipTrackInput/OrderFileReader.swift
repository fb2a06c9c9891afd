/// Reads an order file (CSV or JSON Lines) as a stream of checked rows, one at a time, in constant memory.
///
/// ```swift
/// var reader = try OrderFileReader(path: "orders.csv", options: InputOptions())
/// while let record = try reader.next() {
///     switch record {
///     case .row(let row): ...
///     case .rejected(let error): print(error)  // orders.csv:17: destination: "Narnia" is not a known country …
///     }
/// }
/// ```
///
/// Opening reads the CSV header (or checks the first JSON Lines line), so a file that cannot be used at all fails
/// at once with an ``InputFileError``. After that a bad row is a ``InputRecord/rejected(_:)`` record and reading goes
/// on; only an I/O error ends it. The file is read in chunks of ``InputOptions/readChunkBytes`` into one buffer of
/// ``InputOptions/maxRecordBytes`` plus a chunk, whatever its size.
///
/// A reader is a cursor over one open file; the file is closed when the last copy goes. Copies share the cursor, so
/// read through one copy only.
public struct OrderFileReader {
    private let core: ReaderCore
    /// What ``next()`` returned so far. Counted here, in a struct, where the compiler checks exclusive access
    /// statically, rather than in the class, where each access is checked at run time.
    private var returned = Returned()
    /// Whether ``next()`` has returned `nil`.
    private var finished = false

    private struct Returned {
        var accepted = 0
        var rejected = 0
        var wrongFieldCount = 0
    }

    /// Opens `path` and reads its header. The format is ``InputOptions/format`` or, when that is `nil`, the
    /// extension's (`.csv`, `.jsonl`, `.ndjson`).
    /// - Throws: ``InputFileError``: unreadable file, unknown format, not text, no header, a required column absent.
    public init(path: String, options: InputOptions = InputOptions()) throws(InputFileError) {
        let format = try OrderFileReader.format(name: path, options: options)
        let input = try ChunkedInput(
            path: path, capacity: ReaderCore.bufferCapacity(options), chunkBytes: ReaderCore.chunkBytes(options))
        core = try ReaderCore(input: input, format: format, options: options)
    }

    /// Reads bytes already in memory as the file `name` (which names it in errors and, without an explicit format,
    /// gives the format by its extension).
    /// - Throws: ``InputFileError`` as ``init(path:options:)``.
    public init(contents: [UInt8], name: String, options: InputOptions = InputOptions()) throws(InputFileError) {
        let format = try OrderFileReader.format(name: name, options: options)
        let input = ChunkedInput(
            contents: contents, name: name, capacity: ReaderCore.bufferCapacity(options),
            chunkBytes: ReaderCore.chunkBytes(options))
        core = try ReaderCore(input: input, format: format, options: options)
    }

    /// The file as the caller named it.
    public var path: String { core.input.name }
    /// The file's format.
    public var format: InputFormat { core.format }
    /// The CSV header as written (trimmed); empty for JSON Lines.
    public var header: [String] { core.layout.header }
    /// Bytes read from the file so far (for progress).
    public var bytesRead: Int { core.input.bytesRead }
    /// The CSV separator in use (found from the header unless ``InputOptions/separator`` set it); `nil` for JSON
    /// Lines.
    public var separator: CSVSeparator? { core.statistics(finished: false).separator }

    /// Counts and hints so far: rows read, rejected and skipped as line items, physical lines, and what looks wrong
    /// with the file as a whole. Final once ``next()`` has returned `nil`.
    public var statistics: OrderFileStatistics {
        var statistics = core.statistics(finished: finished)
        statistics.rowsAccepted = returned.accepted
        statistics.rowsRejected = returned.rejected
        statistics.wrongFieldCountRows = returned.wrongFieldCount
        return statistics
    }

    /// How messages name a canonical column in this file: `destination`, or `destination (Ship Country)` when the
    /// column mapping points it at another header.
    public func fieldName(_ column: CanonicalColumn) -> String { core.layout.labels[column.index] }

    /// The next row, valid or rejected, or `nil` at the end of the file. Blank lines are skipped, and so are a shop
    /// export's line-item rows (the same order id as the row before, with no destination, tracking number, carrier or
    /// ship time), which only ``statistics`` counts.
    /// - Throws: ``InputFileError`` only when the file cannot be read any further (an I/O error).
    public mutating func next() throws(InputFileError) -> InputRecord? {
        let record = try core.next()
        switch record {
        case .row: returned.accepted += 1
        case .rejected(let error):
            returned.rejected += 1
            if error.code == .wrongFieldCount { returned.wrongFieldCount += 1 }
        case nil: finished = true
        }
        return record
    }

    private static func format(name: String, options: InputOptions) throws(InputFileError) -> InputFormat {
        if let format = options.format ?? InputFormat(path: name) { return format }
        let base = name.split(separator: "/").last.map(String.init) ?? name
        var found = "no extension"
        if let dot = base.lastIndex(of: ".") { found = "the extension \"\(base[dot...])\"" }
        throw InputFileError(
            code: .unknownFormat, file: name,
            message: "has \(found): cannot tell CSV from JSON Lines (name it .csv, .jsonl or .ndjson, or give the "
                + "format: csv or jsonl)")
    }
}
