import ShipTrackEstimate
public import ShipTrackInput

/// Reads arbitrary bytes as an order file and checks what the reader promises: it ends, every record starts on a
/// later line than the one before, no row is lost or invented, and the size of its reads changes nothing.
public enum OrderFileCheck {
    /// Options built once: the country table and timestamp parser are the expensive part.
    private static let base = InputOptions()

    /// The limits a run uses, chosen by the input's first byte: tiny ones reach the too-long paths with small inputs,
    /// one-byte reads split every construct across refills.
    public struct Limits: Sendable, CustomStringConvertible {
        public let chunkBytes: Int
        public let maxRecordBytes: Int
        public let maxFieldBytes: Int

        public init(selector: UInt8) {
            chunkBytes = [1, 2, 3, 7, 64, InputOptions.defaultReadChunkBytes][Int(selector & 0x07) % 6]
            maxRecordBytes = [16, 40, 200, InputOptions.defaultMaxRecordBytes][Int(selector >> 3) & 0x03]
            maxFieldBytes = [8, 30, InputOptions.defaultMaxFieldBytes, InputOptions.defaultMaxFieldBytes][
                Int(selector >> 5) & 0x03]
        }

        public var description: String {
            "chunk \(chunkBytes), max record \(maxRecordBytes), max field \(maxFieldBytes)"
        }

        func options(format: InputFormat, chunkBytes: Int? = nil) -> InputOptions {
            var options = OrderFileCheck.base
            options.format = format
            options.readChunkBytes = chunkBytes ?? self.chunkBytes
            options.maxRecordBytes = maxRecordBytes
            options.maxFieldBytes = maxFieldBytes
            return options
        }
    }

    /// What reading a whole file gave.
    enum Reading: Equatable {
        case refused(InputFileError)
        case records([InputRecord])

        var isRefused: Bool {
            if case .refused = self { return true }
            return false
        }
    }

    /// Reads `bytes` as `format` with `limits` and checks every promise; crashes (for libFuzzer) on a broken one.
    public static func check(_ bytes: [UInt8], format: InputFormat, limits: Limits) {
        let name = format == .csv ? "fuzz.csv" : "fuzz.jsonl"
        let reading = read(bytes, name: name, options: limits.options(format: format))
        // The same file read in one go must give the same records: a row lost or changed at a refill is a bug.
        let whole = read(bytes, name: name, options: limits.options(format: format, chunkBytes: max(1, bytes.count)))
        // Which of two problems refuses a file may depend on how much of it was buffered (a NUL byte far into a
        // first line that is not JSON anyway): that it is refused may not.
        FuzzCheck.require(
            reading == whole || (reading.isRefused && whole.isRefused),
            "reading in chunks (\(limits)) differs from reading in one go:\n\(reading)\nvs\n\(whole)")
        guard case .records(let records) = reading else { return }
        var previous = 0
        for record in records {
            FuzzCheck.require(record.line > previous, "record on line \(record.line) follows line \(previous)")
            previous = record.line
            if case .rejected(let error) = record {
                FuzzCheck.require(!error.message.isEmpty, "a rejection without a message on line \(error.line)")
                FuzzCheck.require(error.file == name, "a rejection names \(error.file), not \(name)")
            }
        }
        let lines = PhysicalLines(bytes, format: format)
        FuzzCheck.require(previous <= lines.count, "a record on line \(previous) of a \(lines.count)-line file")
        switch format {
        case .jsonl: checkJSONLines(records, lines: lines, limits: limits)
        case .csv: if !bytes.contains(UInt8(ascii: "\"")) { checkUnquotedCSV(records, lines: lines, limits: limits) }
        }
    }

    /// JSON Lines: each line with anything but white space is exactly one record, on that line; an over-long line is
    /// a `row_too_long` rejection, and reading goes on with the next line.
    private static func checkJSONLines(_ records: [InputRecord], lines: PhysicalLines, limits: Limits) {
        // A blank line too long to look at whole may be reported as too long; any other blank line is skipped.
        var expected: [Int] = []
        var optional: Set<Int> = []
        for (index, line) in lines.lines.enumerated() {
            if !line.isBlank {
                expected.append(index + 1)
            } else if line.length > limits.maxRecordBytes + 1 {
                optional.insert(index + 1)
            }
        }
        let found = records.map(\.line).filter { !optional.contains($0) }
        FuzzCheck.require(
            found == expected,
            "JSON Lines records on lines \(records.map(\.line)), but the file's non-blank lines are \(expected)")
        for record in records {
            let line = lines.lines[record.line - 1]
            // White space before the first line's text is skipped while looking for its "{", whatever its length.
            let length = record.line == expected.first ? line.length - line.leadingBlanks : line.length
            // The reader allows one byte beyond the limit for the CR of a CRLF.
            if length > limits.maxRecordBytes + 1 {
                FuzzCheck.require(isTooLong(record), "line \(record.line) of \(length) bytes is not row_too_long")
            } else {
                FuzzCheck.require(!isTooLong(record), "line \(record.line) of \(length) bytes is row_too_long")
            }
        }
    }

    /// CSV without quotes, where a record is a physical line: every non-blank line after the header is one record
    /// on that line, and only an over-long line is `row_too_long`.
    private static func checkUnquotedCSV(_ records: [InputRecord], lines: PhysicalLines, limits: Limits) {
        // The reader accepted a header, so it is the first line with text (blank lines before it are skipped).
        guard let header = lines.lines.firstIndex(where: { !$0.isBlankCSV }) else {
            FuzzCheck.fail("a CSV file without a header line was read")
        }
        let byLine = Dictionary(records.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, line) in lines.lines.enumerated() where index > header {
            let number = index + 1
            let record = byLine[number]
            if line.isBlankCSV {
                // Blank lines are skipped, unless too long to look at whole (then a rejection says so).
                if line.length <= limits.maxRecordBytes {
                    FuzzCheck.require(record == nil, "blank line \(number) gave a record")
                }
                continue
            }
            guard let record else { FuzzCheck.fail("line \(number) (\(line.length) bytes) gave no record") }
            // The scanner looks two bytes past the limit for a line break.
            if line.length > limits.maxRecordBytes + 2 {
                FuzzCheck.require(isTooLong(record), "line \(number) of \(line.length) bytes is not row_too_long")
            } else if line.length <= limits.maxRecordBytes {
                FuzzCheck.require(!isTooLong(record), "line \(number) of \(line.length) bytes is row_too_long")
            }
        }
        for record in records {
            FuzzCheck.require(record.line > header + 1, "a record on line \(record.line), the header's or before it")
        }
    }

    private static func isTooLong(_ record: InputRecord) -> Bool {
        if case .rejected(let error) = record { return error.code == .rowTooLong }
        return false
    }

    /// Every record of `bytes`, or the error refusing the file. Reading must end: a reader that keeps returning
    /// records past one per byte is stuck.
    private static func read(_ bytes: [UInt8], name: String, options: InputOptions) -> Reading {
        var reader: OrderFileReader
        do { reader = try OrderFileReader(contents: bytes, name: name, options: options) } catch {
            return .refused(error)
        }
        var records: [InputRecord] = []
        while true {
            let record: InputRecord?
            do { record = try reader.next() } catch {
                FuzzCheck.fail("reading from memory failed after \(records.count) records: \(error)")
            }
            guard let record else { break }
            records.append(record)
            FuzzCheck.require(records.count <= bytes.count + 1, "more records than bytes: the reader does not advance")
        }
        return .records(records)
    }
}
