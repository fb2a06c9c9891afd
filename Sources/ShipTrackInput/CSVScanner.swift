/// Splits CSV records (RFC 4180) into fields, one record per call, working on bytes.
///
/// Quoted fields may hold commas, quotes written twice (`""`) and line breaks. Records end at LF, CRLF or a lone CR.
/// Spaces and tabs around unquoted fields and around the quotes of quoted fields are dropped. A quote inside an
/// unquoted field is kept as text (`5" screen`); text after a closing quote is kept but reported.
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
    }

    /// The longest record, in bytes, without its line break.
    let maxRecordBytes: Int
    /// The current record's fields, unquoted and unescaped, back to back; `fieldEnds[i]` is where field `i` ends.
    let fields: UnsafeMutablePointer<UInt8>
    /// End offsets in ``fields`` of the current record's fields.
    private(set) var fieldEnds: [Int] = []

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
        let comma = UInt8(ascii: ",")
        let space = UInt8(ascii: " ")
        let tab = UInt8(ascii: "\t")
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
            return .record(
                next: index, lineBreaks: lineBreaks + 1, anyQuoted: anyQuoted, textAfterQuote: textAfterQuote)
        }
    }
}
