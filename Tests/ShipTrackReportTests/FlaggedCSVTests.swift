import Foundation
import ShipTrackEstimate
import ShipTrackModel
import ShipTrackReport
import Testing

/// flagged.csv: a byte order mark, RFC 4180 with CRLF, one row per flagged order (or per flag), no formula runs.
struct FlaggedCSVTests {
    static func csv(_ orders: [ReportOrder], layout: FlaggedCSVWriter<MemorySink>.Layout = .orderRows) throws -> (bytes: [UInt8], records: [[String]]) {
        let now = orders.first?.parcels.first?.estimate.asOf ?? ReportFixtures.night(1)
        var writer = try FlaggedCSVWriter(sink: MemorySink(), run: ReportFixtures.run(now: now), layout: layout)
        for order in orders { try writer.add(order) }
        try writer.finish()
        let bytes = writer.sink.bytes
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let records = try #require(CSVReader.records(text), "not RFC 4180")
        #expect(records.count == writer.rows + 1)
        return (bytes, records)
    }

    static func column(_ name: String, _ records: [[String]]) throws -> Int {
        try #require(records[0].firstIndex(of: name), "no column \(name)")
    }

    @Test func startsWithAByteOrderMarkAndTheHeader() throws {
        let (bytes, records) = try Self.csv([try Scenarios.late("SO-1", daysLate: 1)])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(records[0] == FlaggedCSVWriter<MemorySink>.columns(.orderRows))
        #expect(records.dropFirst().allSatisfy { $0.count == records[0].count })
        // Every line ends with CRLF, never a bare LF (line breaks inside quoted messages are part of a field).
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
    }

    @Test func oneRowPerFlaggedOrderMostUrgentFlagFirst() throws {
        let refund = try Scenarios.refundEligible("SO-REFUND")
        #expect(refund.raisedFlags.count == 2)
        let quiet = try ReportFixtures.order(
            id: "SO-QUIET", events: [ReportFixtures.event("【广州国际】已收寄", .inTransit, daysAfterOrder: 3)], now: ReportFixtures.night(5))
        let (_, records) = try Self.csv([refund, quiet, try Scenarios.customs("SO-CUSTOMS")])
        #expect(records.count == 3, "header, then one row per flagged order; the quiet order has none")
        let flags = try Self.column("flags", records)
        let id = try Self.column("order_id", records)
        #expect(records[1][id] == "SO-REFUND")
        #expect(records[1][flags] == "refund_eligible, late")
        #expect(records[2][flags] == "exception")
        let message = try Self.column("suggested_message", records)
        #expect(records[1][message].hasPrefix("Subject: Your order SO-REFUND: you can request a refund or reshipment\n\nHello Ana Silva,"))
        let last = try Self.column("last_event", records)
        #expect(records[2][last] == "海关扣留 (Held by customs)", "the carrier's words with their English meaning")
        let statuses = try Self.column("statuses", records)
        #expect(records[2][statuses] == "Held by customs")
        let promised = try Self.column("promised_by", records)
        #expect(CalendarDay(iso: records[1][promised]) != nil, "dates as YYYY-MM-DD for sorting")
    }

    @Test func perFlagLayoutKeepsTheOldColumnsThenTheNewOnes() throws {
        let refund = try Scenarios.refundEligible("SO-REFUND")
        let (_, records) = try Self.csv([refund], layout: .flagRows)
        let old = [
            "order_id", "tracking_number", "carrier", "destination", "region", "flag", "new_since_last_run", "reason",
            "ordered_on", "promised_latest", "guarantee_ends", "refund_window_closes", "status", "last_event_time",
            "last_event_place", "last_event",
        ]
        #expect(Array(records[0].prefix(old.count)) == old)
        #expect(records[0].contains("suggested_message"))
        #expect(records.count == 3, "one row per flag")
        #expect(records[1][5] == "refund_eligible")
        #expect(records[2][5] == "late")
        #expect(records[1][3] == "DE")
        #expect(records[1][12] == "in_transit")
    }

    @Test(arguments: ["=HYPERLINK(\"http://evil.test\")", "+1+1", "-2", "@SUM(A1)", "\tcmd", "\rcmd"])
    func formulaCellsAreNeutralised(orderID: String) throws {
        let (_, records) = try Self.csv([try Scenarios.late(orderID, daysLate: 1, name: orderID)])
        let id = try Self.column("order_id", records)
        let name = try Self.column("customer_name", records)
        #expect(records[1][id] == "'" + orderID)
        #expect(records[1][name] == "'" + orderID)
    }

    @Test func commasQuotesAndLineBreaksStayInTheirField() throws {
        let name = "Ana \"Nana\" Silva, Jr.\nSecond line"
        let (_, records) = try Self.csv([try Scenarios.late("SO,1", daysLate: 1, name: name)])
        #expect(records[1][try Self.column("order_id", records)] == "SO,1")
        #expect(records[1][try Self.column("customer_name", records)] == name)
        // In the message, the name's line break becomes a space: a message line is never split by a value.
        #expect(records[1][try Self.column("suggested_message", records)].contains("Hello Ana \"Nana\" Silva, Jr. Second line,"))
    }

    @Test func handledFlagsCarryTheirNote() throws {
        let acknowledgement = Acknowledgement(note: "Emailed", at: Scenarios.night(after: Scenarios.promisedLatest), by: "Wei")
        let (_, records) = try Self.csv([try Scenarios.late("SO-1", daysLate: 1, state: .handled(acknowledgement))])
        let handled = try Self.column("handled", records)
        #expect(records[1][handled].hasPrefix("late: Emailed ("))
        #expect(records[1][handled].hasSuffix(", Wei)"))
    }

    @Test func refundSentenceDisappearsOnceTheWindowHasClosed() throws {
        // Late long after the refund window closed (a parcel that never arrived): the late message must not offer a
        // refund "until" a day in the past.
        let closes = try Scenarios.late("probe", daysLate: 0).guarantee!.refundWindow.latest
        let today = closes.adding(days: 3)
        let order = try ReportFixtures.order(
            id: "SO-OLD",
            events: [
                Scenarios.acceptance,
                ReportFixtures.event("离开【广州国际】", .inTransit, daysAfterOrder: Scenarios.daysAfterOrder(today) - 1),
            ],
            now: Scenarios.night(after: today))
        #expect(order.openFlags.map(\.kind) == [.late])
        let (_, records) = try Self.csv([order])
        let message = records[1][try Self.column("suggested_message", records)]
        #expect(message.contains("taking longer than we estimated"))
        #expect(!message.contains("request a refund"))

        let open = try Scenarios.late("SO-NEW", daysLate: 1)
        let (_, fresh) = try Self.csv([open])
        #expect(fresh[1][try Self.column("suggested_message", fresh)].contains("request a refund or a reshipment"))
    }
}
