/// Splits CSV records (RFC 4180) into fields, one record per call, working on bytes.
///
/// Fields are separated by ``separator`` (a comma unless the header said otherwise). Quoted fields may hold
/// separators, quotes written twice (`""`) and line breaks. Records end at LF, CRLF or a lone CR. Spaces and tabs
/// (spaces only when tabs separate) around unquoted fields and around the quotes of quoted fields are dropped. A quote
/// inside an unquoted field is kept as text (`5" screen`); text after a closing quote is kept but reported.
///
/// A quoted field over several lines is legal, but one whose lines look like rows of their own is far more likely a
/// quote opened by mistake and closed by some later row: it would swallow every row in between.
/// ``looksLikeSwallowedRows(_:count:)`` decides, and ``scan(_:from:to:atEnd:)`` answers ``Outcome/strayQuote`` for it.
///
/// ``scan(_:from:to:atEnd:)`` never consumes anything: when the buffered bytes end inside a record it answers
/// ``Outcome/needMore`` and the caller refills and scans the record again from its start.
struct CSVScanner {
    /// What one call found.
    enum Outcome {
        /// The bytes end inside a record: refill and call again.
        case needMore
        /// A whole record: its fields are in ``fields``; the next record starts at `next`.
        case record(next: Int, lineBreaks: Int, anyQuoted: Bool, textAfterQuote: Int?)
        /// The record is longer than the limit.
        case tooLong
        /// The file ends inside a quoted field.
        case unterminatedQuote
        /// A quoted field, opened `lineBreaksBefore` line breaks into the record in field `field`, holds
        /// `swallowedLines` line breaks and what look like whole rows: most likely a stray quote.
        case strayQuote(lineBreaksBefore: Int, field: Int, swallowedLines: Int)
    }

    /// A quoted field with more line breaks than this is taken for a stray quote whatever its lines look like: no
    /// note or address in an order file runs over a hundred lines.
    static let maxQuotedLineBreaks = 100

    /// The longest record, in bytes, without its line break.
    let maxRecordBytes: Int
    /// The current record's fields, unquoted and unescaped, back to back; `fieldEnds[i]` is where field `i` ends.
    let fields: UnsafeMutablePointer<UInt8>
    /// End offsets in ``fields`` of the current record's fields.
    private(set) var fieldEnds: [Int] = []
    /// Line breaks inside quoted fields of the current record (so not ending a row).
    private(set) var quotedLineBreaks = 0
    /// The byte between fields: `,`, or `;` or a tab when the header uses that.
    var separator = UInt8(ascii: ",")
    /// Separators in a whole row of this file (its column count less one), once the header is read; 0 until then,
    /// which turns the stray-quote check off.
    var separatorsPerRow = 0

    /// The capacity ``fields`` needs: a record's fields are never longer than its bytes.
    static func fieldsCapacity(maxRecordBytes: Int) -> Int { maxRecordBytes + 8 }

    init(maxRecordBytes: Int, fields: UnsafeMutablePointer<UInt8>) {
        self.maxRecordBytes = maxRecordBytes
        self.fields = fields
        fieldEnds.reserveCapacity(64)
    }

    /// The bytes of field `index` of the current record.
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return UnsafeBufferPointer(start: fields + start, count: fieldEnds[index] - start)
    }

    /// Whether the current record is a blank line: one empty, unquoted field.
    func isBlank(anyQuoted: Bool) -> Bool { !anyQuoted && fieldEnds.count == 1 && fieldEnds[0] == 0 }

    /// Scans the record starting at `start` in `bytes[start..<end]`; `atEnd` says no bytes follow `end`.
    mutating func scan(_ bytes: UnsafePointer<UInt8>, from start: Int, to end: Int, atEnd: Bool) -> Outcome {
        let quote = UInt8(ascii: "\"")
        let comma = separator
        let space = UInt8(ascii: " ")
        // Blanks trimmed around fields: spaces and tabs, or only spaces when tabs separate.
        let tab = separator == UInt8(ascii: "\t") ? space : UInt8(ascii: "\t")
        let lineFeed = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        // Two bytes of room for a CRLF after a record of exactly the limit.
        let capped = end - start > maxRecordBytes + 2
        let limit = capped ? start + maxRecordBytes + 2 : end
        // Whether running out of bytes at `limit` means the end of the file (rather than refill, or too long).
        let limitIsEndOfFile = atEnd && !capped
        /// What running out of bytes means when the file has not ended.
        var outOfBytes: Outcome { capped ? .tooLong : .needMore }

        fieldEnds.removeAll(keepingCapacity: true)
        var index = start
        var written = 0
        var lineBreaks = 0
        var anyQuoted = false
        var textAfterQuote: Int? = nil

        while true {
            while index < limit, bytes[index] == space || bytes[index] == tab { index += 1 }
            if index < limit, bytes[index] == quote {
                anyQuoted = true
                index += 1
                let fieldStart = written
                let lineBreaksBefore = lineBreaks
                quoted: while true {
                    guard index < limit else { return limitIsEndOfFile ? .unterminatedQuote : outOfBytes }
                    let byte = bytes[index]
                    if byte == quote {
                        if index + 1 < limit {
                            guard bytes[index + 1] == quote else {
                                index += 1
                                break quoted
                            }
                            fields[written] = quote
                            written += 1
                            index += 2
                            continue
                        }
                        guard limitIsEndOfFile else { return outOfBytes }
                        index += 1
                        break quoted
                    }
                    if byte == lineFeed {
                        lineBreaks += 1
                    } else if byte == carriageReturn {
                        if index + 1 < limit {
                            if bytes[index + 1] != lineFeed { lineBreaks += 1 }
                        } else {
                            guard limitIsEndOfFile else { return outOfBytes }
                            lineBreaks += 1
                        }
                    }
                    fields[written] = byte
                    written += 1
                    index += 1
                }
                if lineBreaks > lineBreaksBefore, separatorsPerRow > 0 {
                    let swallowed = lineBreaks - lineBreaksBefore
                    if swallowed > CSVScanner.maxQuotedLineBreaks
                        || looksLikeSwallowedRows(fields + fieldStart, count: written - fieldStart)
                        || (lineBreaksBefore == 0
                            && boundaryLinesAreRows(
                                fields + fieldStart, count: written - fieldStart, fieldsBefore: fieldEnds.count,
                                rest: bytes + index, restCount: limit - index))
                    {
                        return .strayQuote(
                            lineBreaksBefore: lineBreaksBefore, field: fieldEnds.count, swallowedLines: swallowed)
                    }
                }
                while index < limit, bytes[index] == space || bytes[index] == tab { index += 1 }
                if index < limit, textAfterQuote == nil {
                    let byte = bytes[index]
                    if byte != comma, byte != lineFeed, byte != carriageReturn { textAfterQuote = fieldEnds.count }
                }
            }
            // Unquoted text: a whole unquoted field, or nothing (or stray text) after a quoted one.
            let textStart = index
            while index < limit {
                let byte = bytes[index]
                if byte == comma || byte == lineFeed || byte == carriageReturn { break }
                index += 1
            }
            if index == limit && !limitIsEndOfFile { return outOfBytes }
            var textEnd = index
            while textEnd > textStart, bytes[textEnd - 1] == space || bytes[textEnd - 1] == tab { textEnd -= 1 }
            if textEnd > textStart {
                (fields + written).update(from: bytes + textStart, count: textEnd - textStart)
                written += textEnd - textStart
            }
            fieldEnds.append(written)

            guard index < limit else {
                quotedLineBreaks = lineBreaks
                return .record(
                    next: index, lineBreaks: lineBreaks, anyQuoted: anyQuoted, textAfterQuote: textAfterQuote)
            }
            let separator = bytes[index]
            if separator == comma {
                index += 1
                continue
            }
            if separator == lineFeed {
                index += 1
            } else if index + 1 < limit {
                index += bytes[index + 1] == lineFeed ? 2 : 1
            } else {
                guard limitIsEndOfFile else { return outOfBytes }
                index += 1
            }
            quotedLineBreaks = lineBreaks
            return .record(
                next: index, lineBreaks: lineBreaks + 1, anyQuoted: anyQuoted, textAfterQuote: textAfterQuote)
        }
    }

    /// Whether the line a quoted field opens on and the line it closes on would each be a whole row if the quote were
    /// text: the opening line's fields before the quote (`fieldsBefore`) and separators after it, and the closing
    /// line's separators before the closing quote and after it (in `rest`, up to the line's end), each make the row's
    /// column count. This catches a stray quote that swallows a single row, with no whole line inside it. A legal
    /// multi-line note or address never has both: its first line does not hold the rest of its row's separators and
    /// its last line the start of another's. `false` when the closing line's end is not buffered.
    func boundaryLinesAreRows(
        _ text: UnsafePointer<UInt8>, count: Int, fieldsBefore: Int, rest: UnsafePointer<UInt8>, restCount: Int
    ) -> Bool {
        let lineFeed = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var index = 0
        var openingSeparators = 0
        while index < count, text[index] != lineFeed, text[index] != carriageReturn {
            if text[index] == separator { openingSeparators += 1 }
            index += 1
        }
        guard fieldsBefore + 1 + openingSeparators == separatorsPerRow + 1 else { return false }
        var closingSeparators = 0
        var back = count
        while back > index, text[back - 1] != lineFeed, text[back - 1] != carriageReturn {
            if text[back - 1] == separator { closingSeparators += 1 }
            back -= 1
        }
        var after = 0
        while after < restCount, rest[after] != lineFeed, rest[after] != carriageReturn {
            if rest[after] == separator { closingSeparators += 1 }
            after += 1
        }
        guard after < restCount else { return false }
        return closingSeparators == separatorsPerRow
    }

    /// Whether a quoted field's text (`count` bytes at `text`, unescaped) reads as rows swallowed whole: at least one of
    /// the lines strictly inside it (neither the rest of the line the quote opened on nor the start of the line it
    /// closed on) holds a whole row's worth of separators, and so do at least half of them (blank ones aside).
    func looksLikeSwallowedRows(_ text: UnsafePointer<UInt8>, count: Int) -> Bool {
        let lineFeed = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var index = 0
        // Skip the rest of the line the quote opened on.
        while index < count, text[index] != lineFeed, text[index] != carriageReturn { index += 1 }
        var lines = 0
        var rowLike = 0
        while index < count {
            // At a line break: step over it (CRLF is one).
            if text[index] == carriageReturn, index + 1 < count, text[index + 1] == lineFeed { index += 1 }
            index += 1
            var separators = 0
            var blank = true
            while index < count, text[index] != lineFeed, text[index] != carriageReturn {
                let byte = text[index]
                if byte == separator {
                    separators += 1
                } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                    blank = false
                }
                index += 1
            }
            // The last line ends at the closing quote, not at a line break: part of a row, not one.
            guard index < count else { break }
            if blank && separators == 0 { continue }
            lines += 1
            if separators >= separatorsPerRow { rowLike += 1 }
        }
        return rowLike > 0 && rowLike * 2 >= lines
    }
}
