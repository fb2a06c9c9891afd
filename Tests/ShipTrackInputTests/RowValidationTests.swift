import Foundation
import ShipTrackEstimate
import ShipTrackInput
import Testing

/// Each kind of bad field: the error names the file, the line and the field, and the next row is still read.
struct RowValidationTests {
    /// `text` as the only data row between the header and a good row; the rejected row's error.
    private func error(ofRow row: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> RowError {
        let records = try Support.records("\(Support.header)\n\(row)\n1099,LX9,,US,2026-03-02,\n")
        #expect(Support.rows(records).map(\.orderID) == ["1099"], sourceLocation: sourceLocation)
        #expect(Support.rows(records).map(\.line) == [3], sourceLocation: sourceLocation)
        return try #require(Support.errors(records).first, sourceLocation: sourceLocation)
    }

    @Test func unknownCountry() throws {
        let error = try error(ofRow: "1001,LX1,,Narnia,2026-03-02,")
        #expect(error.code == .unknownCountry)
        #expect(error.description.hasPrefix("orders.csv:2: destination: \"Narnia\" is not a known country"))
        #expect(error.line == 2 && error.field == "destination" && error.value == "Narnia")
        #expect(error.column == .destination)
    }

    @Test func countriesByCodeAndName() throws {
        let text = """
            \(Support.header)
            1,,,us,2026-03-02,
            2,,,GBR,2026-03-02,
            3,,,the Netherlands,2026-03-02,
            4,,,Ivory Coast,2026-03-02,
            5,,,Antarctica,2026-03-02,
            """
        let rows = Support.rows(try Support.records(text))
        #expect(rows.map(\.destination.alpha2) == ["US", "GB", "NL", "CI", "AQ"])
        // Not served is the batch's business (a flag), not a reading error.
        #expect(rows.last?.destination.isServed == false)
    }

    @Test func unparseableDate() throws {
        let error = try error(ofRow: "1001,LX1,,US,2026-13-01,")
        #expect(error.code == .notADate)
        #expect(error.description == "orders.csv:2: ordered_at: \"2026-13-01\" is not a date (month 13 does not exist)")
    }

    @Test func timeWithoutOffset() throws {
        let error = try error(ofRow: "1001,LX1,,US,2026-03-02T10:00,")
        #expect(error.code == .missingOffset)
        #expect(error.description.hasPrefix("orders.csv:2: ordered_at: \"2026-03-02T10:00\" has no UTC offset"))
    }

    @Test func badShipTime() throws {
        let error = try error(ofRow: "1001,LX1,,US,2026-03-02,yesterday")
        #expect(error.code == .notADate)
        #expect(error.field == "shipped_at")
        #expect(error.description.hasPrefix("orders.csv:2: shipped_at: \"yesterday\" is not a date"))
    }

    @Test func missingOrderID() throws {
        let error = try error(ofRow: " ,LX1,,US,2026-03-02,")
        #expect(error.code == .missingValue)
        #expect(error.description == "orders.csv:2: order_id: is empty (required)")
    }

    @Test func missingDestinationAndOrderTime() throws {
        #expect(
            try error(ofRow: "1001,LX1,,,2026-03-02,").description == "orders.csv:2: destination: is empty (required)")
        #expect(try error(ofRow: "1001,LX1,,US,\"\",").description == "orders.csv:2: ordered_at: is empty (required)")
    }

    @Test func shippedBeforeOrdered() throws {
        let error = try error(ofRow: "1001,LX1,,US,2026-03-02T10:00:00+08:00,2026-03-01T10:00:00+08:00")
        #expect(error.code == .shippedBeforeOrdered)
        #expect(
            error.description
                == "orders.csv:2: shipped_at: \"2026-03-01T10:00:00+08:00\" is before ordered_at "
                + "\"2026-03-02T10:00:00+08:00\"")
        // A plain date is the start of its day: the message says so when the order is later that day.
        let sameDay = try self.error(ofRow: "1001,LX1,,US,2026-03-02T10:00:00+08:00,2026-03-02")
        #expect(sameDay.message.contains("a plain date is 00:00 that day"))
    }

    @Test func shippedAtTheOrderTimeAndOrdersInTheFutureAreAccepted() throws {
        let text = """
            \(Support.header)
            1001,LX1,,US,2026-03-02T10:00:00+08:00,2026-03-02T02:00:00Z
            1002,,,US,2199-12-31,
            """
        let records = try Support.records(text)
        #expect(Support.rows(records).count == 2)
    }

    @Test func shopExportTimesWithASpaceBeforeTheOffset() throws {
        let text = "\(Support.header)\n1001,LX1,,US,2026-03-02 10:00:00 +0800,2026-03-03 09:00 -05:00\n"
        let rows = Support.rows(try Support.records(text))
        #expect(rows.first?.orderedAt == (try Support.time("2026-03-02T10:00:00+08:00")))
        #expect(rows.first?.shippedAt == (try Support.time("2026-03-03T09:00:00-05:00")))
    }

    @Test func theFirstProblemInColumnOrderIsReported() throws {
        let error = try error(ofRow: ",LX1,,Narnia,someday,")
        #expect(error.field == "order_id")
    }

    @Test func longValuesAreShortenedInErrors() throws {
        let name = String(repeating: "N", count: 500)
        let error = try error(ofRow: "1001,LX1,,\(name),2026-03-02,")
        #expect(error.value == String(repeating: "N", count: 200) + "…")
    }

    @Test func plainDatesAreReadInTheCallersZone() throws {
        let newYork = BusinessCalendar(timeZone: try #require(TimeZone(identifier: "America/New_York")), holidays: [])
        let options = InputOptions(timestamps: TimestampParser(calendar: newYork))
        let rows = Support.rows(try Support.records("\(Support.header)\n1001,,,US,2026-03-02,\n", options: options))
        #expect(rows.first?.orderedAt == (try Support.time("2026-03-02T00:00:00-05:00")))
    }
}
