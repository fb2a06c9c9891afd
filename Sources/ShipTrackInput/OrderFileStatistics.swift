/// What reading an order file has met so far: the counts a batch reports, and the hints it can act on (refuse to
/// replace good reports when most rows were rejected, say the separator looks wrong).
///
/// Read it from ``OrderFileReader/statistics`` at any time; the counts are final once ``OrderFileReader/next()``
/// has returned `nil`. Every row the reader reads is in exactly one of ``rowsAccepted``, ``rowsRejected`` and
/// ``lineItemRowsSkipped``.
public struct OrderFileStatistics: Hashable, Sendable {
    /// Physical lines read so far, as an editor counts them: the header, blank lines and the lines inside quoted
    /// fields included; all of the file's lines once reading has ended.
    public var physicalLines = 0
    /// Rows returned as ``InputRecord/row(_:)``.
    public var rowsAccepted = 0
    /// Rows returned as ``InputRecord/rejected(_:)``, including lines skipped for a stray quote.
    public var rowsRejected = 0
    /// Rows a shop export adds per extra line item (same order id as the row before, no shipping details): skipped
    /// silently, never returned.
    public var lineItemRowsSkipped = 0
    /// Rejected rows whose field count differs from the header's: many of them mean the separator or the quoting is
    /// wrong, not the rows.
    public var wrongFieldCountRows = 0
    /// Quotes read as mistakes: a quoted field that swallowed what looked like rows; each one's line was rejected
    /// and the lines after it read as rows (see docs/order-files.md).
    public var strayQuotes = 0
    /// Line breaks inside quoted fields (legal in CSV, but each makes the file one line longer than its rows).
    public var lineBreaksInQuotedFields = 0
    /// Blank lines skipped (before and after the header).
    public var blankLines = 0
    /// Accepted rows whose `customer_email` failed the loose check (``OrderRow/customerEmail``): the row was kept
    /// without its e-mail address.
    public var invalidEmails = 0
    /// The CSV separator in use; `nil` for JSON Lines.
    public var separator: CSVSeparator?
    /// Whether the separator was found by looking at the header (it is not a comma and none was configured).
    public var separatorDetected = false

    public init() {}

    /// Rows read: accepted, rejected and line-item rows (blank lines are not rows).
    public var rowsRead: Int { rowsAccepted + rowsRejected + lineItemRowsSkipped }

    /// What looks wrong with the file as a whole (or notable about it), in a fixed order.
    public var hints: [OrderFileHint] {
        var hints: [OrderFileHint] = []
        if separatorDetected, let separator { hints.append(.separatorDetected(separator)) }
        let data = rowsAccepted + rowsRejected
        if rowsRejected > 0, rowsRejected * 2 > data { hints.append(.mostRowsRejected(rejected: rowsRejected, rows: data)) }
        if wrongFieldCountRows > 0, wrongFieldCountRows * 2 > data {
            hints.append(.fieldCountsDisagree(rows: wrongFieldCountRows, of: data))
        }
        if lineBreaksInQuotedFields >= OrderFileStatistics.quotedLinesHintMinimum,
            lineBreaksInQuotedFields > rowsRead
        {
            hints.append(.fewRowsForLines(rows: rowsRead, lines: physicalLines))
        }
        if strayQuotes > 0 { hints.append(.strayQuotes(strayQuotes)) }
        if invalidEmails > 0 { hints.append(.invalidEmails(invalidEmails)) }
        return hints
    }

    /// Whether most rows were rejected: the batch should not replace good reports with this file's.
    public var mostRowsRejected: Bool {
        hints.contains { if case .mostRowsRejected = $0 { true } else { false } }
    }

    /// Fewer quoted line breaks than this never raise ``OrderFileHint/fewRowsForLines(rows:lines:)``: a few notes
    /// over several lines are normal.
    static let quotedLinesHintMinimum = 10
}

/// Something about an order file as a whole that the batch may want to say or act on.
public enum OrderFileHint: Hashable, Sendable, CustomStringConvertible {
    /// The file's separator is not a comma; it was found from the header.
    case separatorDetected(CSVSeparator)
    /// More than half of the rows (line-item rows aside) were rejected: the file, its mapping or its separator is
    /// probably wrong, not the rows.
    case mostRowsRejected(rejected: Int, rows: Int)
    /// More than half of the rows have a different field count than the header: the separator or the quoting looks
    /// wrong.
    case fieldCountsDisagree(rows: Int, of: Int)
    /// Far fewer rows than lines: quoted fields hold more line breaks than there are rows (an unbalanced quote?).
    case fewRowsForLines(rows: Int, lines: Int)
    /// Quotes were read as mistakes, each costing the line it opened on (see the row errors).
    case strayQuotes(Int)
    /// Rows were read without their e-mail address, which was not one (``OrderFileStatistics/invalidEmails``).
    case invalidEmails(Int)

    /// One sentence for people.
    public var description: String {
        switch self {
        case .separatorDetected(let separator):
            "this file uses \(separator) separators (read as such)"
        case .mostRowsRejected(let rejected, let rows):
            "\(rejected) of \(rows) rows were rejected: check the file, its column mapping and its separator"
        case .fieldCountsDisagree(let rows, let total):
            "\(rows) of \(total) rows have a different number of fields than the header: the separator or the "
                + "quoting looks wrong"
        case .fewRowsForLines(let rows, let lines):
            "only \(rows) rows in \(lines) lines: quoted fields run over many lines (an unbalanced quote?)"
        case .strayQuotes(let count):
            "\(count) quote\(count == 1 ? "" : "s") opened a field that swallowed whole rows; each was read as a "
                + "mistake and its line rejected, the rows after it read"
        case .invalidEmails(let count):
            "\(count) row\(count == 1 ? " has" : "s have") a customer e-mail that is not an address; "
                + "\(count == 1 ? "it was" : "they were") read without it"
        }
    }
}
