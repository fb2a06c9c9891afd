import Foundation
import ShipTrackEstimate
@testable import ShipTrackInput
import Testing

/// The reader reads common timestamps without `TimestampParser` (for speed); every time it reads must be the
/// instant the parser gives, and every text the parser refuses must be refused with the parser's words.
struct TimestampParityTests {
    static let shapes: [String] = {
        var texts: [String] = []
        let dates = [
            "2026-03-02", "2024-02-29", "2025-02-29", "2026-13-01", "2026-00-10", "0000-01-01", "0001-01-01",
            "1969-12-31", "2199-12-31", "2026-3-02", "2026-03-32", "2026/03/02",
        ]
        let times = [
            "", "T10:00:00", "T23:59:60", "T24:00:00", "T10:60:00", " 10:00", "T10:00", "t10:00:00",
            "T10:00:00.250", "T10:00:00.", "T10:00:00,5", "T9:00:00", "T10:00:0", " 10:00:00", " 10:00:00.000",
        ]
        let offsets = [
            "", "Z", "z", "+08:00", "-05:00", "+0800", "+08", "+24:00", "+08:60", "+8", "+08:0", "+08:00Z",
            " +0800", " -0500", " +08:00", "  +0800", " Z", "-00:30", "+14:00",
        ]
        for date in dates {
            texts.append(date)
            for time in times where !time.isEmpty {
                for offset in offsets { texts.append(date + time + offset) }
            }
        }
        // Spreadsheet forms: the fast path leaves them all to the parser.
        for date in ["11/20/2026", "20/11/2026", "03/04/2026", "20.11.2026", "2026/11/20", "1/5/2026", "11/20/26"] {
            texts.append(date)
            for time in ["", " 10:00", " 9:05:30", " 10:00 PM", " 13:00 AM"] {
                for offset in ["", " +0800", "Z"] { texts.append(date + time + offset) }
            }
        }
        return texts
    }()

    /// Shapes the fast path must read itself (so that a change cannot quietly send every row to the parser).
    static let fastShapes = [
        "2026-03-02", "2026-03-02T10:00:00+08:00", "2026-03-02T10:00:00Z", "2026-03-02T10:00:00.250-05:00",
        "2026-03-02 10:00+0800", "2026-03-02 10:00:00 +0800", "2026-03-02 10:00:00 -0500", "2026-03-02T10:00:00.000+08:00",
    ]

    @Test func theFastPathGivesTheParsersInstantForEveryShapeItReads() throws {
        let parser = TimestampParser(policy: .builtIn)
        var read = 0
        for shape in Self.shapes {
            let fast = Array(shape.utf8).withUnsafeBufferPointer {
                TimestampFastPath.parse($0, calendar: parser.calendar)
            }
            guard let fast else { continue }
            read += 1
            #expect(fast == (try? parser.parse(shape, field: "t")), "\(shape)")
        }
        #expect(read > 150)
        for shape in Self.fastShapes {
            let fast = Array(shape.utf8).withUnsafeBufferPointer {
                TimestampFastPath.parse($0, calendar: parser.calendar)
            }
            #expect(fast != nil, "the fast path leaves \(shape) to the parser")
        }
    }

    @Test func theReaderAgreesWithTheParser() throws {
        let parser = TimestampParser(policy: .builtIn)
        var text = "order_id,tracking_number,destination,ordered_at\n"
        for (index, shape) in Self.shapes.enumerated() { text += "\(index),,US,\"\(shape)\"\n" }
        let records = try Support.records(text)
        try #require(records.count == Self.shapes.count)
        var accepted = 0
        for (shape, record) in zip(Self.shapes, records) {
            let expected = Result { try parser.parse(shape, field: "ordered_at") }
            switch (record, expected) {
            case (.row(let row), .success(let date)):
                #expect(row.orderedAt == date, "\(shape)")
                accepted += 1
            case (.rejected(let error), .failure(let parserError)):
                #expect(error.message == (parserError as? InputError)?.problem, "\(shape)")
            case (.row(let row), .failure):
                Issue.record("\(shape) read as \(row.orderedAt) but the parser refuses it")
            case (.rejected(let error), .success):
                Issue.record("\(shape) refused (\(error)) but the parser reads it")
            }
        }
        #expect(accepted > 250)
    }

    @Test func theReaderUsesTheParsersDateOrder() throws {
        let text = "order_id,tracking_number,destination,ordered_at\n1,,US,03/04/2026 10:00\n"
        let ambiguous = Support.errors(try Support.records(text))
        #expect(ambiguous.first?.message.contains("ambiguous") == true)
        let parser = TimestampParser(policy: .builtIn, dateOrder: .dayFirst)
        let rows = Support.rows(try Support.records(text, options: InputOptions(timestamps: parser)))
        #expect(rows.first?.orderedAt == (try Support.time("2026-04-03T10:00:00+08:00")))
    }

    @Test func plainDatesFollowTheCalendarsZoneAcrossDaylightSavingTime() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        let parser = TimestampParser(calendar: BusinessCalendar(timeZone: zone, holidays: []))
        let days = ["2026-03-07", "2026-03-08", "2026-03-09", "2026-11-01", "2026-11-02", "1970-01-01"]
        var text = "order_id,tracking_number,destination,ordered_at\n"
        for day in days { text += "1,,US,\(day)\n" }
        let rows = Support.rows(try Support.records(text, options: InputOptions(timestamps: parser)))
        #expect(rows.map(\.orderedAt) == (try days.map { try parser.parse($0, field: "test") }))
    }

    @Test func spreadsheetTimesFollowTheCalendarsZoneAcrossDaylightSavingTime() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        let parser = TimestampParser(calendar: BusinessCalendar(timeZone: zone, holidays: []), dateOrder: .monthFirst)
        // 10:00 in New York is 15:00Z in winter and 14:00Z in summer.
        #expect(try parser.parse("03/07/2026 10:00", field: "t") == (try parser.parse("2026-03-07T15:00:00Z", field: "t")))
        #expect(try parser.parse("03/09/2026 10:00", field: "t") == (try parser.parse("2026-03-09T14:00:00Z", field: "t")))
    }
}
