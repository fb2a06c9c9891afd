import Foundation
import ShipTrackEstimate
import ShipTrackInput
import Testing

/// A quote opened by mistake and closed by a later row must never swallow the rows in between silently.
struct UnbalancedQuoteTests {
    /// `count` good rows `SO1`…; the row of order `opensAt` starts with a stray quote, and the row of order `closesAt`
    /// ends its order id with one (as a mistyped `5" screen` would).
    static func file(count: Int, opensAt: Int, closesAt: Int) -> String {
        var text = Support.header + "\n"
        for order in 1...count {
            let id = order == opensAt ? "\"SO\(order)" : order == closesAt ? "SO\(order)\"" : "SO\(order)"
            text += "\(id),LX\(order),,US,2026-03-02,\n"
        }
        return text
    }

    @Test(arguments: Support.chunkSizes)
    func aStrayQuoteCostsOnlyItsOwnLineAndIsReported(chunk: Int) throws {
        // The defect's file: 111 rows, a quote opened on the 10th row and closed by the 111th.
        let text = Self.file(count: 111, opensAt: 10, closesAt: 111)
        let records = try Support.records(text, options: Support.options(chunk: chunk))
        let rows = Support.rows(records)
        let errors = Support.errors(records)
        // Every row but the one the quote opens on is read, as written.
        #expect(rows.count == 110)
        #expect(rows.allSatisfy { !$0.orderID.contains("\n") && !$0.orderID.contains(",") })
        #expect(Set(rows.map(\.orderID)).isSuperset(of: (11...110).map { "SO\($0)" }))
        #expect(rows.map(\.line) == Array(2...10) + Array(12...112))
        // The opening line is a row error naming the line and the field.
        try #require(errors.count == 1)
        #expect(errors[0].line == 11)
        #expect(errors[0].field == "order_id")
        #expect(errors[0].code == .malformedCSV)
        #expect(errors[0].description.contains("opens a quoted field"), "\(errors[0])")
    }

    @Test func aQuoteThatSwallowsRowsInTheMiddleOfARowIsReportedWithItsField() throws {
        var text = Support.header + "\n"
        text += "SO1,LX1,,US,2026-03-02,\n"
        text += "SO2,\"LX2,,US,2026-03-02,\n"
        text += "SO3,LX3,,US,2026-03-02,\n"
        text += "SO4,LX4,,US,2026-03-02,\n"
        text += "SO5,LX5\",,US,2026-03-02,\n"
        text += "SO6,LX6,,US,2026-03-02,\n"
        let records = try Support.records(text)
        #expect(Support.rows(records).map(\.orderID) == ["SO1", "SO3", "SO4", "SO5", "SO6"])
        let errors = Support.errors(records)
        try #require(errors.count == 1)
        #expect(errors[0].line == 3)
        #expect(errors[0].field == "tracking_number")
    }

    @Test(arguments: Support.chunkSizes)
    func legitimateMultiLineFieldsStayOneRow(chunk: Int) throws {
        // Notes and addresses over several lines, one with commas: not rows, so not a stray quote.
        var text = "order_id,tracking_number,destination,ordered_at,note\n"
        text += "SO1,LX1,US,2026-03-02,\"Leave at the door,\nring twice\"\n"
        text += "SO2,LX2,US,2026-03-02,\"Apt 4\nBuilding B, second floor\nCode 1234\"\n"
        text += "SO3,LX3,US,2026-03-02,plain\n"
        let records = try Support.records(text, options: Support.options(chunk: chunk))
        #expect(Support.errors(records).isEmpty)
        #expect(Support.rows(records).map(\.line) == [2, 4, 7])
    }

    @Test func aQuoteThatNeverClosesCostsOnlyItsLine() throws {
        let text = Self.file(count: 20, opensAt: 5, closesAt: 0)
        let records = try Support.records(text)
        #expect(Support.rows(records).count == 19)
        #expect(Support.errors(records).map(\.line) == [6])
    }
}

/// The smallest case: a stray quote closed on the very next line, so no whole line is inside the field.
struct UnbalancedQuoteOneRowTests {
    @Test(arguments: Support.chunkSizes)
    func aQuoteClosedOnTheNextLineCostsOnlyItsLine(chunk: Int) throws {
        var text = Support.header + "\n"
        text += "SO1,\"LX1,,US,2026-03-02,\n"
        text += "SO2,LX2\",,US,2026-03-02,\n"
        text += "SO3,LX3,,US,2026-03-02,\n"
        let records = try Support.records(text, options: Support.options(chunk: chunk))
        #expect(Support.rows(records).map(\.orderID) == ["SO2", "SO3"])
        #expect(Support.errors(records).map(\.line) == [2])
        #expect(Support.errors(records).first?.field == "tracking_number")
    }

    @Test(arguments: Support.chunkSizes)
    func twoLineNotesAndAddressesAreNotStrayQuotes(chunk: Int) throws {
        var text = "order_id,tracking_number,destination,ordered_at,note\n"
        text += "SO1,LX1,US,2026-03-02,\"Apt 4\nBuilding B\"\n"
        text += "SO2,LX2,US,2026-03-02,\"Leave it, please,\nwith the neighbour\"\n"
        text += "\"SO3\nSO3b\",LX3,US,2026-03-02,\n"
        let records = try Support.records(text, options: Support.options(chunk: chunk))
        #expect(Support.errors(records).isEmpty)
        #expect(Support.rows(records).count == 3)
    }
}
