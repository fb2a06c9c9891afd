import Foundation
import ShipTrackEstimate
import ShipTrackInput
import Testing

/// RFC 4180 and what spreadsheets write: quotes, embedded separators and line breaks, CRLF, a BOM, blank lines.
/// Every case is read with chunks of 1, 2, 3 and 7 bytes too, so each construct is split across reads.
struct CSVFormatTests {
    @Test(arguments: Support.chunkSizes)
    func readsRowsWithEveryField(chunk: Int) throws {
        let text = """
            \(Support.header)
            1001,LX123456785CN,epacket,US,2026-03-02T10:00:00+08:00,2026-03-03T09:30:00+08:00
            1002,,,Germany,2026-03-02,

            """
        let records = try Support.records(text, options: Support.options(chunk: chunk))
        let rows = Support.rows(records)
        try #require(rows.count == 2 && records.count == 2)
        #expect(rows[0].line == 2)
        #expect(rows[0].orderID == "1001")
        #expect(rows[0].trackingNumbers == ["LX123456785CN"])
        #expect(rows[0].carrier == "epacket")
        #expect(rows[0].destination.alpha2 == "US")
        #expect(rows[0].rawDestination == "US")
        #expect(rows[0].orderedAt == (try Support.time("2026-03-02T10:00:00+08:00")))
        #expect(rows[0].shippedAt == (try Support.time("2026-03-03T09:30:00+08:00")))
        #expect(rows[1].line == 3)
        #expect(rows[1].trackingNumbers.isEmpty)
        #expect(rows[1].carrier == nil)
        #expect(rows[1].destination.alpha2 == "DE")
        #expect(rows[1].rawDestination == "Germany")
        #expect(rows[1].orderedAt == (try Support.time("2026-03-02")))
        #expect(rows[1].shippedAt == nil)
    }

    @Test(arguments: Support.chunkSizes)
    func byteOrderMarkAndCRLF(chunk: Int) throws {
        let text = "\u{FEFF}\(Support.header)\r\n1001,LX1,,US,2026-03-02,\r\n1002,LX2,,GB,2026-03-02,\r\n"
        let rows = Support.rows(try Support.records(text, options: Support.options(chunk: chunk)))
        #expect(rows.map(\.orderID) == ["1001", "1002"])
        #expect(rows.map(\.line) == [2, 3])
        #expect(rows.map(\.destination.alpha2) == ["US", "GB"])
    }

    @Test(arguments: Support.chunkSizes)
    func quotedFieldsWithCommasQuotesAndLineBreaks(chunk: Int) throws {
        let text =
            "\(Support.header)\n"
            + "\"10\"\"01\",\"LX1, LX2\",\"China\nPost\",\"Bonaire, Sint Eustatius and Saba\",2026-03-02,\n"
            + "1002,\"LX3\r\n\",\"\",  \"US\"  ,2026-03-02,\n"
            + "1003,LX4,,US,2026-03-02,\n"
        let records = try Support.records(text, options: Support.options(chunk: chunk))
        let rows = Support.rows(records)
        try #require(rows.count == 3, "\(Support.errors(records))")
        #expect(rows[0].orderID == "10\"01")
        #expect(rows[0].trackingNumbers == ["LX1", "LX2"])
        #expect(rows[0].carrier == "China\nPost")
        #expect(rows[0].destination.alpha2 == "BQ")
        // Each row keeps the line it starts on; a line break inside quotes moves the next row down.
        #expect(rows.map(\.line) == [2, 4, 6])
        #expect(rows[1].trackingNumbers == ["LX3"])
        #expect(rows[1].carrier == nil)
        #expect(rows[1].destination.alpha2 == "US")
    }

    @Test(arguments: Support.chunkSizes)
    func whitespaceAroundUnquotedFieldsIsTrimmed(chunk: Int) throws {
        let text = "\(Support.header)\n  1001 ,\t LX1 ; LX2 ,, ,  2026-03-02T10:00:00Z , \n"
            .replacingOccurrences(of: ",, ,", with: ",, US ,")
        let rows = Support.rows(try Support.records(text, options: Support.options(chunk: chunk)))
        try #require(rows.count == 1)
        #expect(rows[0].orderID == "1001")
        #expect(rows[0].trackingNumbers == ["LX1", "LX2"])
        #expect(rows[0].rawDestination == "US")
        #expect(rows[0].shippedAt == nil)
    }

    @Test func trackingNumbersSplitOnSemicolonsAndCommas() throws {
        let text = "\(Support.header)\n1001,\"LX1; LX2 ,, LX3;\",,US,2026-03-02,\n1002, ; ,,US,2026-03-02,\n"
        let rows = Support.rows(try Support.records(text))
        #expect(rows.map(\.trackingNumbers) == [["LX1", "LX2", "LX3"], []])
    }

    @Test(arguments: Support.chunkSizes)
    func blankLinesAFinalLineWithoutNewlineAndTrailingEmptyLines(chunk: Int) throws {
        let text = "\n\(Support.header)\n\n1001,LX1,,US,2026-03-02,\n   \n\r\n1002,LX2,,US,2026-03-02,"
        let records = try Support.records(text, options: Support.options(chunk: chunk))
        #expect(records.map(\.line) == [4, 7])
        #expect(Support.rows(records).map(\.orderID) == ["1001", "1002"])
        let trailing = try Support.records(
            "\(Support.header)\n1001,LX1,,US,2026-03-02,\n\n\n", options: Support.options(chunk: chunk))
        #expect(trailing.count == 1)
    }

    @Test(arguments: Support.chunkSizes)
    func loneCarriageReturnsEndLines(chunk: Int) throws {
        let text = "\(Support.header)\r1001,LX1,,US,2026-03-02,\r1002,LX2,,US,2026-03-02,\r"
        let rows = Support.rows(try Support.records(text, options: Support.options(chunk: chunk)))
        #expect(rows.map(\.line) == [2, 3])
    }

    @Test(arguments: Support.chunkSizes)
    func rowsWithTooManyOrTooFewFieldsAreRejectedAndReadingGoesOn(chunk: Int) throws {
        let text = """
            \(Support.header)
            1001,LX1,,US,2026-03-02,,extra
            1002,LX2,,US
            1003,LX3,,US,2026-03-02,
            """
        let records = try Support.records(text, options: Support.options(chunk: chunk))
        let errors = Support.errors(records)
        try #require(errors.count == 2)
        #expect(errors[0].description == "orders.csv:2: has 7 fields; the header has 6")
        #expect(errors[0].code == .wrongFieldCount)
        #expect(errors[1].description == "orders.csv:3: has 4 fields; the header has 6")
        #expect(Support.rows(records).map(\.orderID) == ["1003"])
    }

    @Test(arguments: Support.chunkSizes)
    func anUnclosedQuoteCostsOnlyItsOwnLine(chunk: Int) throws {
        let text = """
            \(Support.header)
            1001,"LX1,,US,2026-03-02,
            1002,LX2,,US,2026-03-02,
            1003,LX3,,US,2026-03-02,
            """
        let records = try Support.records(text, options: Support.options(chunk: chunk))
        #expect(records.map(\.line) == [2, 3, 4])
        let errors = Support.errors(records)
        #expect(errors.map(\.code) == [.malformedCSV])
        #expect(errors.first?.description.hasPrefix("orders.csv:2: has a quoted field that never closes") == true)
        #expect(Support.rows(records).map(\.orderID) == ["1002", "1003"])
    }

    @Test func textAfterAClosingQuoteIsARowError() throws {
        let text = "\(Support.header)\n1001,\"LX1\"x,,US,2026-03-02,\n1002,LX2,,US,2026-03-02,\n"
        let records = try Support.records(text)
        let errors = Support.errors(records)
        #expect(
            errors.map(\.description) == [
                "orders.csv:2: tracking_number: has text after its closing quote (quote the whole field and double any "
                    + "quote inside it)"
            ])
        #expect(Support.rows(records).map(\.orderID) == ["1002"])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsText() throws {
        let rows = Support.rows(try Support.records("\(Support.header)\n10\"01,LX1,,US,2026-03-02,\n"))
        #expect(rows.map(\.orderID) == ["10\"01"])
    }

    @Test(arguments: Support.chunkSizes)
    func aRowLongerThanTheLimitIsSkippedUpToTheNextLine(chunk: Int) throws {
        let long = String(repeating: "x", count: 300)
        let text = """
            \(Support.header)
            1001,\(long),,US,2026-03-02,
            1002,LX2,,US,2026-03-02,
            1003,"\(long)
            short",,US,2026-03-02,
            1004,LX4,,US,2026-03-02,
            """
        let options = Support.options(chunk: chunk, maxRecordBytes: 256)
        let records = try Support.records(text, options: options)
        let errors = Support.errors(records)
        #expect(errors.map(\.line) == [2, 4, 5])
        #expect(errors.map(\.code) == [.rowTooLong, .rowTooLong, .wrongFieldCount])
        #expect(errors.first?.description.hasPrefix("orders.csv:2: is longer than 256 bytes") == true)
        #expect(Support.rows(records).map(\.orderID) == ["1002", "1004"])
        #expect(Support.rows(records).map(\.line) == [3, 6])
    }

    @Test func aFileWithoutLineBreaksCostsOneRowAndBoundedMemory() throws {
        var bytes = Array("\(Support.header)\n1001,".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 3_000_000)
        let options = InputOptions(maxRecordBytes: 1_024, readChunkBytes: 4_096)
        let records = try Support.records(bytes: bytes, options: options)
        #expect(records.map(\.line) == [2])
        #expect(Support.errors(records).map(\.code) == [.rowTooLong])
    }

    @Test func aFieldLongerThanTheLimitIsARowError() throws {
        let long = String(repeating: "9", count: 100)
        let text = "\(Support.header)\n1001,\(long),,US,2026-03-02,\n1002,LX2,,US,2026-03-02,\n"
        let records = try Support.records(text, options: InputOptions(maxFieldBytes: 64))
        let errors = Support.errors(records)
        #expect(errors.map(\.description) == ["orders.csv:2: tracking_number: is 100 bytes long; the limit is 64"])
        #expect(errors.first?.column == .trackingNumber)
        #expect(Support.rows(records).count == 1)
    }

    @Test func invalidUTF8IsARowError() throws {
        var bytes = Array("\(Support.header)\n1001,LX1,,Fr".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("nce,2026-03-02,\n1002,LX2,,US,2026-03-02,\n1003,LX3,,U".utf8)
        bytes += [0x00]
        bytes += Array("S,2026-03-02,\n".utf8)
        let records = try Support.records(bytes: bytes)
        let errors = Support.errors(records)
        #expect(errors.map(\.line) == [2, 4])
        #expect(errors.map(\.code) == [.invalidText, .invalidText])
        #expect(errors.map(\.field) == ["destination", "destination"])
        #expect(errors.first?.description.contains("is not valid UTF-8 text") == true)
        #expect(Support.rows(records).map(\.orderID) == ["1002"])
    }

    @Test func nonASCIITextIsKept() throws {
        let rows = Support.rows(
            try Support.records("\(Support.header)\n№1001,LX1,中国邮政,Côte d’Ivoire,2026-03-02,\n"))
        #expect(rows.first?.orderID == "№1001")
        #expect(rows.first?.carrier == "中国邮政")
        #expect(rows.first?.destination.alpha2 == "CI")
    }

    @Test func headerOnlyGivesNoRows() throws {
        #expect(try Support.records("\(Support.header)\n").isEmpty)
        #expect(try Support.records(Support.header).isEmpty)
    }

    @Test func headerNamesIgnoreCaseAndSpacesAndUnknownColumnsAreIgnored() throws {
        let text = """
            Notes, ORDER_ID ,Tracking_Number,Destination,Ordered_At,Gift
            "hello, world",1001,LX1,US,2026-03-02,yes
            """
        let records = try Support.records(text)
        #expect(Support.rows(records).map(\.orderID) == ["1001"])
        #expect(Support.rows(records).first?.shippedAt == nil)
        #expect(Support.rows(records).first?.carrier == nil)
    }
}
