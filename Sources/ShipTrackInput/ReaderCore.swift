/// The state of one open order file: its buffer, where it is, its layout, and the per-format parser.
final class ReaderCore {
    let input: ChunkedInput
    let format: InputFormat
    private(set) var layout: ColumnLayout
    /// The physical line the unconsumed bytes (`input.start`) begin on.
    private var line = 1
    /// Decoded fields of the current row (CSV fields, JSON values); deallocated in `deinit`.
    private let fields: UnsafeMutablePointer<UInt8>
    private var scanner: CSVScanner
    private let jsonParser: JSONLineParser
    private var builder: RowBuilder
    private let maxRecordBytes: Int
    /// The counts of what ``next()`` skips (the reader counts what it returns); ``OrderFileStatistics/physicalLines``
    /// is filled in when read. Touched only off the common path: every access to a class's property costs a runtime
    /// exclusivity check, which a per-row counter here would pay a million times.
    private var counts = OrderFileStatistics()

    static func chunkBytes(_ options: InputOptions) -> Int { max(1, options.readChunkBytes) }

    static func recordLimit(_ options: InputOptions) -> Int { max(16, options.maxRecordBytes) }

    /// The longest row, a line break's lookahead, and a chunk behind them.
    static func bufferCapacity(_ options: InputOptions) -> Int { recordLimit(options) + 8 + chunkBytes(options) }

    init(input: ChunkedInput, format: InputFormat, options: InputOptions) throws(InputFileError) {
        // The mapping is checked before anything is allocated; a CSV file's layout replaces this once its header is
        // read.
        let keysLayout = try ColumnLayout.jsonLines(mapping: options.columnMapping, file: input.name)
        self.input = input
        self.format = format
        maxRecordBytes = ReaderCore.recordLimit(options)
        fields = .allocate(
            capacity: max(
                CSVScanner.fieldsCapacity(maxRecordBytes: maxRecordBytes),
                JSONLineParser.fieldsCapacity(maxRecordBytes: maxRecordBytes)))
        scanner = CSVScanner(maxRecordBytes: maxRecordBytes, fields: fields)
        layout = keysLayout
        jsonParser = JSONLineParser(keys: keysLayout.keys, fields: fields)
        builder = RowBuilder(file: input.name, labels: keysLayout.labels, options: options)
        // Fully initialized from here: a throw below still runs `deinit`, which frees `fields`.
        switch format {
        case .csv:
            try readHeader(mapping: options.columnMapping, separator: options.separator)
            builder = RowBuilder(file: input.name, labels: layout.labels, options: options)
        case .jsonl:
            try checkFirstLine()
        }
    }

    deinit { fields.deallocate() }

    func next() throws(InputFileError) -> InputRecord? {
        switch format {
        case .csv: try nextCSV()
        case .jsonl: try nextJSONLine()
        }
    }

    /// The counts of what was skipped so far, with the lines read (every line once `finished`, the end reached).
    func statistics(finished: Bool) -> OrderFileStatistics {
        var statistics = counts
        statistics.invalidEmails = builder.invalidEmails
        // `line` is the line the unread bytes start on: every line before it has been read, and at the end a last
        // line without a line break has been read too.
        statistics.physicalLines = line - 1 + (finished && input.endsWithoutLineBreak ? 1 : 0)
        return statistics
    }

    // MARK: Start of the file

    /// Skips a UTF-8 byte order mark; refuses a UTF-16 one (a spreadsheet's "Unicode text").
    private func skipByteOrderMark() throws(InputFileError) {
        try input.ensureAvailable(3)
        let bytes = input.bytes + input.start
        if input.available >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw InputFileError(
                code: .notText, file: input.name, line: 1,
                message: "is UTF-16 text: save it as UTF-8 (CSV UTF-8 in a spreadsheet)")
        }
        if input.available >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { input.start += 3 }
    }

    /// The error for a file whose first bytes are not text, or `nil` when they have no NUL byte.
    private func binaryFileError(scanning count: Int) -> InputFileError? {
        let scanned = UnsafeBufferPointer(start: input.bytes + input.start, count: min(count, input.available))
        guard let offset = scanned.firstIndex(of: 0) else { return nil }
        return InputFileError(
            code: .notText, file: input.name, line: line,
            message: "is not a text file (a NUL byte at byte \(offset + 1) of line \(line)): expected CSV or JSON Lines"
        )
    }

    /// Reads the header: the first non-blank record. With no separator configured, a comma unless the header's
    /// columns are found only by splitting at `;` or a tab.
    private func readHeader(mapping: [String: String], separator configured: CSVSeparator?) throws(InputFileError) {
        try skipByteOrderMark()
        // Blank lines first (they are blank whatever the separator).
        while true {
            guard case .record(let next, let lineBreaks, let anyQuoted, _) = try scanHeader() else { break }
            guard scanner.isBlank(anyQuoted: anyQuoted) else { break }
            input.start = next
            line += lineBreaks
            counts.blankLines += 1
        }
        var first = input.start
        while first < input.end, input.bytes[first] == UInt8(ascii: " ") || input.bytes[first] == UInt8(ascii: "\t") {
            first += 1
        }
        if first < input.end, input.bytes[first] == UInt8(ascii: "{") {
            throw InputFileError(
                code: .malformedHeader, file: input.name, line: line,
                message: "the header row starts with \"{\": this looks like JSON Lines (name the file .jsonl "
                    + "or give the format jsonl)")
        }
        let candidates = configured.map { [$0] } ?? CSVSeparator.allCases
        // The first candidate whose header gives a layout wins; else the error of the one that splits the header
        // into the most columns (a `;` file with a mistyped header gets its suggestions).
        var best: (error: InputFileError, columns: Int)? = nil
        for candidate in candidates {
            scanner.separator = candidate.byte
            let outcome = try scanHeader()
            guard case .record(let next, let lineBreaks, _, let textAfterQuote) = outcome else {
                if candidate == candidates[0] { throw headerError(outcome) }
                continue
            }
            let result = headerLayout(textAfterQuote: textAfterQuote, mapping: mapping)
            switch result {
            case .success(let found):
                layout = found
                input.start = next
                line += lineBreaks
                scanner.separatorsPerRow = max(0, found.header.count - 1)
                counts.separator = candidate
                counts.separatorDetected = configured == nil && candidate != .comma
                return
            case .failure(let error):
                let columns = scanner.fieldEnds.count
                if best == nil || columns > best?.columns ?? 0 { best = (error, columns) }
            }
        }
        // Only a failure reaches here, and every failure is kept in `best`.
        throw best?.error
            ?? InputFileError(code: .missingHeader, file: input.name, message: "has no header row")
    }

    /// Scans the record at the start of the unread bytes with the scanner's separator, refilling until it is whole.
    private func scanHeader() throws(InputFileError) -> CSVScanner.Outcome? {
        while true {
            if input.available == 0 {
                if input.atEnd {
                    throw InputFileError(
                        code: .missingHeader, file: input.name,
                        message: "is empty: expected a header row naming the columns (order_id, tracking_number, "
                            + "destination, ordered_at, …)")
                }
                try input.refill()
                continue
            }
            let outcome = scanner.scan(input.bytes, from: input.start, to: input.end, atEnd: input.atEnd)
            switch outcome {
            case .needMore: try input.refill()
            case .record(let next, _, _, _):
                if let error = binaryFileError(scanning: next - input.start) { throw error }
                return outcome
            case .tooLong, .unterminatedQuote, .strayQuote: throw headerError(outcome)
            }
        }
    }

    /// Why a header record could not be scanned.
    private func headerError(_ outcome: CSVScanner.Outcome?) -> InputFileError {
        if case .tooLong = outcome {
            return binaryFileError(scanning: maxRecordBytes)
                ?? InputFileError(
                    code: .malformedHeader, file: input.name, line: line,
                    message: "the header row is longer than \(maxRecordBytes) bytes: is this a CSV file?")
        }
        return binaryFileError(scanning: input.available)
            ?? InputFileError(
                code: .malformedHeader, file: input.name, line: line,
                message: "the header row opens a quoted field that never closes")
    }

    /// The layout the scanned header row gives, or why it cannot be used.
    private func headerLayout(textAfterQuote: Int?, mapping: [String: String]) -> Result<ColumnLayout, InputFileError> {
        if let column = textAfterQuote {
            return .failure(
                InputFileError(
                    code: .malformedHeader, file: input.name, line: line,
                    message: "header column \(column + 1) has text after its closing quote"))
        }
        var names: [String] = []
        for index in scanner.fieldEnds.indices {
            guard let name = ByteText.string(scanner.field(index)) else {
                return .failure(
                    InputFileError(
                        code: .notText, file: input.name, line: line,
                        message: "is not UTF-8 text: column \(index + 1) of the header row has invalid bytes "
                            + "(save the file as UTF-8)"))
            }
            names.append(name)
        }
        return Result { () throws(InputFileError) in
            try ColumnLayout.csv(header: names, mapping: mapping, file: input.name, line: line)
        }
    }

    /// Refuses a `.jsonl` file whose first non-blank line is not a JSON object, or that is not text.
    private func checkFirstLine() throws(InputFileError) {
        try skipByteOrderMark()
        while true {
            try input.ensureAvailable(1)
            guard input.available > 0 else { return }
            let first = input.bytes[input.start]
            if ByteText.isBlank(first) {
                // Consume blank lines (and leading blanks of the first line, which JSON ignores anyway).
                if first == UInt8(ascii: "\n") {
                    line += 1
                    counts.blankLines += 1
                }
                input.start += 1
                continue
            }
            // Look at the rest of the line, up to a few kilobytes: only those, however much more happens to be
            // buffered, so whether a file is refused does not depend on how its reads were split.
            let window = min(4_096, maxRecordBytes)
            var lineEnd: Int? = nil
            while true {
                let buffered = UnsafeBufferPointer(start: input.bytes + input.start, count: input.available)
                if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                    lineEnd = newline
                    break
                }
                if input.atEnd || input.available >= window { break }
                try input.refill()
            }
            if let error = binaryFileError(scanning: min(lineEnd ?? input.available, window)) { throw error }
            guard first == UInt8(ascii: "{") else {
                let shown =
                    first >= 0x20 && first < 0x7F
                    ? "\"\(Character(Unicode.Scalar(first)))\""
                    : "byte 0x"
                        + String(first, radix: 16, uppercase: true)
                throw InputFileError(
                    code: .notJSONLines, file: input.name, line: line,
                    message: "is not JSON Lines: the first line starts with \(shown), not \"{\" (one JSON object "
                        + "per line expected)")
            }
            return
        }
    }

    // MARK: Rows

    private func nextCSV() throws(InputFileError) -> InputRecord? {
        while true {
            if input.available == 0 {
                if input.atEnd { return nil }
                try input.refill()
                continue
            }
            switch scanner.scan(input.bytes, from: input.start, to: input.end, atEnd: input.atEnd) {
            case .needMore:
                try input.refill()
            case .tooLong:
                let rowLine = line
                try skipToNextLine()
                return .rejected(
                    RowError(
                        code: .rowTooLong, file: input.name, line: rowLine,
                        message: "is longer than \(maxRecordBytes) bytes (skipped up to the next line; an unclosed "
                            + "quote makes a row run on)"))
            case .unterminatedQuote:
                let rowLine = line
                try skipToNextLine()
                return .rejected(
                    RowError(
                        code: .malformedCSV, file: input.name, line: rowLine,
                        message: "has a quoted field that never closes (skipped up to the next line)"))
            case .strayQuote(let lineBreaksBefore, let field, let swallowedLines):
                // Read the quote as a mistake: skip the line it opened on and read the lines it swallowed as rows.
                let quoteLine = line + lineBreaksBefore
                for _ in 0...lineBreaksBefore { try skipToNextLine() }
                counts.strayQuotes += 1
                return .rejected(
                    RowError(
                        code: .malformedCSV, file: input.name, line: quoteLine,
                        column: layout.positions.firstIndex(of: field).map { CanonicalColumn.allCases[$0] },
                        field: fieldLabel(field),
                        message: "opens a quoted field that runs over the next \(swallowedLines) line"
                            + "\(swallowedLines == 1 ? "" : "s"), which read as rows of their own: the quote is taken "
                            + "for a mistake, this line is skipped and the lines after it are read as rows (close the "
                            + "quote on this line, or write a quote inside a field as two)"))
            case .record(let next, let lineBreaks, let anyQuoted, let textAfterQuote):
                let rowLine = line
                input.start = next
                line += lineBreaks
                if scanner.isBlank(anyQuoted: anyQuoted) {
                    counts.blankLines += 1
                    continue
                }
                if anyQuoted, case let quoted = scanner.quotedLineBreaks, quoted > 0 {
                    counts.lineBreaksInQuotedFields += quoted
                }
                if let problem = csvProblem(line: rowLine, textAfterQuote: textAfterQuote) { return .rejected(problem) }
                // One access to the builder for the slots and the line-item check: every access to a class's
                // property is checked at run time, and records are large enough that wrapping them costs too.
                if builder.fillSlots(positions: layout.positions, fieldEnds: scanner.fieldEnds, fields: fields) {
                    counts.lineItemRowsSkipped += 1
                    continue
                }
                return builder.build(line: rowLine, fields: fields)
            }
        }
    }

    /// Why the current CSV record cannot be a row at all (its quoting, field count or a field's length), or `nil`.
    private func csvProblem(line: Int, textAfterQuote: Int?) -> RowError? {
        let columnCount = layout.header.count
        if let column = textAfterQuote {
            return RowError(
                code: .malformedCSV, file: input.name, line: line, field: fieldLabel(column),
                message: "has text after its closing quote (quote the whole field and double any quote inside it)")
        }
        let fieldCount = scanner.fieldEnds.count
        guard fieldCount == columnCount else {
            return RowError(
                code: .wrongFieldCount, file: input.name, line: line,
                message: "has \(fieldCount) field\(fieldCount == 1 ? "" : "s"); the header has \(columnCount)")
        }
        var previousEnd = 0
        for (index, end) in scanner.fieldEnds.enumerated() {
            let length = end - previousEnd
            if length > builder.maxFieldBytes {
                return RowError(
                    code: .fieldTooLong, file: input.name, line: line,
                    column: layout.positions.firstIndex(of: index).map { CanonicalColumn.allCases[$0] },
                    field: fieldLabel(index),
                    message: "is \(length) bytes long; the limit is \(builder.maxFieldBytes)")
            }
            previousEnd = end
        }
        return nil
    }

    /// How messages name CSV column `position`: the canonical label, or the header as written.
    private func fieldLabel(_ position: Int) -> String {
        if let canonical = layout.positions.firstIndex(of: position) { return layout.labels[canonical] }
        return position < layout.header.count ? layout.header[position] : "column \(position + 1)"
    }

    private func nextJSONLine() throws(InputFileError) -> InputRecord? {
        while true {
            let buffered = UnsafeBufferPointer(
                start: input.bytes + input.start, count: min(input.available, maxRecordBytes + 2))
            let lineEnd: Int
            let next: Int
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                lineEnd = input.start + newline
                next = lineEnd + 1
            } else if buffered.count > maxRecordBytes + 1 {
                let rowLine = line
                try skipToNextLine()
                return .rejected(
                    RowError(
                        code: .rowTooLong, file: input.name, line: rowLine,
                        message: "is longer than \(maxRecordBytes) bytes (skipped)"))
            } else if !input.atEnd {
                try input.refill()
                continue
            } else if input.available == 0 {
                return nil
            } else {
                lineEnd = input.end
                next = input.end
            }
            let rowLine = line
            let start = input.start
            input.start = next
            // A last line without a line break ends the file, not a line: as the CSV scanner counts.
            if next > lineEnd { line += 1 }
            let content = ByteText.trimmed(UnsafeBufferPointer(start: input.bytes + start, count: lineEnd - start))
            guard content.count > 0 else {
                counts.blankLines += 1
                continue
            }
            builder.clearSlots()
            do {
                try jsonParser.parse(input.bytes, from: start, to: lineEnd, slots: &builder.slots)
            } catch {
                return .rejected(
                    RowError(
                        code: error.code, file: input.name, line: rowLine, column: error.column,
                        field: error.column.map { layout.labels[$0.index] }, message: error.message))
            }
            if builder.isLineItemRow(fields: fields) {
                counts.lineItemRowsSkipped += 1
                continue
            }
            return builder.build(line: rowLine, fields: fields)
        }
    }

    // MARK: Recovering

    /// Skips from the start of the current row to the start of the next physical line (LF, CRLF or a lone CR; in
    /// JSON Lines only LF, as a CR inside a line is JSON white space), reading and discarding as much as it takes, so
    /// an over-long or broken row costs at most its first line.
    private func skipToNextLine() throws(InputFileError) {
        let crEndsLine = format == .csv
        while true {
            let buffered = UnsafeBufferPointer(start: input.bytes + input.start, count: input.available)
            guard
                let index = buffered.firstIndex(where: {
                    $0 == UInt8(ascii: "\n") || ($0 == UInt8(ascii: "\r") && crEndsLine)
                })
            else {
                input.discardAll()
                if input.atEnd { return }
                try input.refill()
                continue
            }
            if buffered[index] == UInt8(ascii: "\r") {
                if index + 1 < buffered.count {
                    input.start += index + (buffered[index + 1] == UInt8(ascii: "\n") ? 2 : 1)
                } else if input.atEnd {
                    input.start += index + 1
                } else {
                    // The CR ends the buffer: keep it and look at what follows.
                    input.start += index
                    try input.refill()
                    continue
                }
            } else {
                input.start += index + 1
            }
            line += 1
            return
        }
    }
}
