import Foundation
import ShipTrackEstimate
import ShipTrackInput
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
            "T10:00:00.250", "T10:00:00.", "T10:00:00,5", "T9:00:00", "T10:00:0",
        ]
        let offsets = [
            "", "Z", "z", "+08:00", "-05:00", "+0800", "+08", "+24:00", "+08:60", "+8", "+08:0", "+08:00Z",
            " +0800", "-00:30", "+14:00",
        ]
        for date in dates {
            texts.append(date)
            for time in times where !time.isEmpty {
                for offset in offsets { texts.append(date + time + offset) }
            }
        }
        return texts
    }()

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
                if !shape.contains(" +") {
                    #expect(error.message == (parserError as? InputError)?.problem, "\(shape)")
                }
            case (.row(let row), .failure):
                // Only the shop-export form (a space before the offset) is read beyond the parser.
                #expect(shape.contains(" +"), "\(shape) read as \(row.orderedAt) but the parser refuses it")
            case (.rejected(let error), .success):
                Issue.record("\(shape) refused (\(error)) but the parser reads it")
            }
        }
        #expect(accepted > 200)
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
}
