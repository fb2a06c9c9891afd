import Foundation
import ShipTrackEstimate
import ShipTrackInput
import ShipTrackTestSupport
import Testing

/// The counts and hints the batch reads after the last row.
struct ReaderStatisticsTests {
    /// Reads `text` to the end and returns the reader's statistics.
    static func statistics(_ text: String, name: String = "orders.csv", options: InputOptions = InputOptions()) throws
        -> OrderFileStatistics
    {
        var reader = try OrderFileReader(contents: Array(text.utf8), name: name, options: options)
        while try reader.next() != nil {}
        return reader.statistics
    }

    @Test(arguments: Support.chunkSizes)
    func countsRowsLinesAndLineItems(chunk: Int) throws {
        let text = """

            order_id,tracking_number,destination,ordered_at,note
            SO1,LX1,US,2026-03-02,"two
            lines"
            SO1,,,2026-03-02,line item

            SO2,LX2,Narnia,2026-03-02,
            SO3,LX3,US
            """
        let statistics = try Self.statistics(text, options: Support.options(chunk: chunk))
        #expect(statistics.physicalLines == 8)
        #expect(statistics.rowsAccepted == 1)
        #expect(statistics.rowsRejected == 2)
        #expect(statistics.lineItemRowsSkipped == 1)
        #expect(statistics.rowsRead == 4)
        #expect(statistics.wrongFieldCountRows == 1)
        #expect(statistics.blankLines == 2)
        #expect(statistics.lineBreaksInQuotedFields == 1)
        #expect(statistics.separator == .comma)
        #expect(!statistics.separatorDetected)
        #expect(statistics.mostRowsRejected)
        #expect(statistics.hints == [.mostRowsRejected(rejected: 2, rows: 3)])
    }

    @Test func aFinalLineBreakDoesNotCountAsALine() throws {
        #expect(try Self.statistics(Support.header + "\n1,LX1,,US,2026-03-02,\n").physicalLines == 2)
        #expect(try Self.statistics(Support.header + "\n1,LX1,,US,2026-03-02,").physicalLines == 2)
        #expect(try Self.statistics(Support.header + "\r\n1,LX1,,US,2026-03-02,\r\n\r\n").physicalLines == 3)
    }

    @Test func rowsThatDoNotSplitIntoTheHeadersColumnsAreHinted() throws {
        // Semicolons in a file whose header uses commas: every row is one field short of the header.
        let text = "order_id,tracking_number,destination,ordered_at\nSO1;LX1;US;2026-03-02\nSO2;LX2;US;2026-03-02\n"
        let statistics = try Self.statistics(text)
        #expect(statistics.hints == [.mostRowsRejected(rejected: 2, rows: 2), .fieldCountsDisagree(rows: 2, of: 2)])
    }

    @Test func aGoodFileHasNoHints() throws {
        let statistics = try Self.statistics(
            Support.header + "\n1,LX1,,US,2026-03-02,\n2,LX2,,Narnia,2026-03-02,\n3,LX3,,DE,2026-03-02,\n")
        #expect(statistics.rowsRejected == 1)
        #expect(statistics.hints.isEmpty)
        #expect(!statistics.mostRowsRejected)
    }

    @Test func aStrayQuoteIsCountedAndHinted() throws {
        let text = UnbalancedQuoteTests.file(count: 111, opensAt: 10, closesAt: 111)
        let statistics = try Self.statistics(text)
        #expect(statistics.strayQuotes == 1)
        #expect(statistics.rowsAccepted == 110)
        #expect(statistics.rowsRejected == 1)
        #expect(statistics.physicalLines == 112)
        #expect(statistics.hints == [.strayQuotes(1)])
    }

    @Test func manyLinesInQuotedFieldsAreHinted() throws {
        // Legal CSV, but 24 lines inside quotes for 2 rows is worth a word.
        let note = (1...12).map { "line \($0)" }.joined(separator: "\n")
        let text = "order_id,tracking_number,destination,ordered_at,note\n"
            + "SO1,LX1,US,2026-03-02,\"\(note)\"\nSO2,LX2,US,2026-03-02,\"\(note)\"\n"
        let statistics = try Self.statistics(text)
        #expect(statistics.rowsAccepted == 2)
        #expect(statistics.lineBreaksInQuotedFields == 22)
        #expect(statistics.hints == [.fewRowsForLines(rows: 2, lines: 25)])
    }

    @Test func aDetectedSeparatorIsReportedAndAConfiguredOneIsNot() throws {
        let text = "order_id;tracking_number;destination;ordered_at\nSO1;LX1;US;2026-03-02\n"
        let detected = try Self.statistics(text)
        #expect(detected.separator == .semicolon)
        #expect(detected.separatorDetected)
        #expect(detected.hints == [.separatorDetected(.semicolon)])
        #expect(detected.hints.first?.description == "this file uses ';' separators (read as such)")
        let configured = try Self.statistics(text, options: InputOptions(separator: .semicolon))
        #expect(configured.separator == .semicolon)
        #expect(configured.hints.isEmpty)
        // A separator given that the file does not use is not second-guessed.
        #expect(Support.fileError(text, options: InputOptions(separator: .comma))?.code == .missingColumn)
    }

    @Test func jsonLinesCountToo() throws {
        let text = """
            {"order_id": "1", "destination": "US", "ordered_at": "2026-03-02"}

            {"order_id": "1", "item": "bulb"}
            {"order_id": "2", "destination": "Narnia", "ordered_at": "2026-03-02"}
            """
        let statistics = try Self.statistics(text, name: "orders.jsonl")
        #expect(statistics.physicalLines == 4)
        #expect(statistics.blankLines == 1)
        #expect(statistics.rowsAccepted == 1)
        #expect(statistics.rowsRejected == 1)
        #expect(statistics.lineItemRowsSkipped == 1)
        #expect(statistics.separator == nil)
    }

    @Test func theShopifyExportCountsItsLineItems() throws {
        let mapping = try InputOptions.parseColumnMapping(LineItemRowTests.shopifyMapping)
        var reader = try OrderFileReader(path: LineItemRowTests.shopifyExport, options: InputOptions(columnMapping: mapping))
        while try reader.next() != nil {}
        let statistics = reader.statistics
        #expect(statistics.rowsAccepted == 6)
        #expect(statistics.lineItemRowsSkipped == 7)
        #expect(statistics.rowsRejected == 0)
        #expect(statistics.physicalLines == 15)
        #expect(statistics.hints.isEmpty)
    }
}
