import Foundation
import ShipTrackEstimate
import Testing

/// User-given times: ISO 8601 with an offset, or plain dates in the store's zone; errors name field and value.
struct TimestampParserTests {
    let parser = Support.parser

    @Test(arguments: [
        ("2026-03-01T10:00:00+08:00", 1_772_330_400),
        ("2026-03-01T02:00:00Z", 1_772_330_400),
        ("2026-03-01T02:00:00z", 1_772_330_400),
        ("2026-03-01 10:00+0800", 1_772_330_400),
        ("2026-03-01T10:00:00.750+08", 1_772_330_400),
        ("2026-02-28T21:00:00-05:00", 1_772_330_400),
        ("2026-03-01t02:00Z", 1_772_330_400),
        // A plain date is 00:00 in Shanghai.
        ("2026-03-01", 1_772_294_400),
        (" 2026-03-01 ", 1_772_294_400),
    ])
    func parses(text: String, secondsSince1970: Int) throws {
        #expect(try parser.parse(text, field: "--ordered-at").timeIntervalSince1970 == TimeInterval(secondsSince1970))
    }

    @Test(arguments: [
        ("2026-13-01", InputError.Code.notADate, "is not a date (month 13 does not exist)"),
        ("2026-02-29", .notADate, "is not a date (2026-02 has 28 days)"),
        ("2026-04-31T10:00:00Z", .notADate, "is not a date (2026-04 has 30 days)"),
        ("0000-01-01", .notADate, "is not a date (year 0 does not exist)"),
        ("2026-03-01T24:00:00Z", .notADate, "is not a date (hour 24 does not exist)"),
        ("2026-03-01T10:60:00Z", .notADate, "is not a date (minute 60 does not exist)"),
        ("2026-03-01T10:00:00+25:00", .notADate, "is not a date (offset out of range)"),
        (
            "yesterday", .notADate,
            "is not a date (expected YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS with Z or an offset such as +08:00)"
        ),
        (
            "2026-3-1", .notADate,
            "is not a date (expected YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS with Z or an offset such as +08:00)"
        ),
        (
            "2026-03-01T10:00:00+08:00 extra", .notADate,
            "is not a date (expected YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS with Z or an offset such as +08:00)"
        ),
        (
            "2026-03-01T10:00", .missingOffset,
            "has no UTC offset (add Z or an offset such as +08:00, or give a plain date)"
        ),
        ("", .missing, "is empty (give a date such as 2026-03-01 or 2026-03-01T10:00:00+08:00)"),
    ])
    func rejects(text: String, code: InputError.Code, problem: String) throws {
        let error = try #require(throws: InputError.self) { try parser.parse(text, field: "--ordered-at") }
        #expect(error.code == code)
        #expect(error.field == "--ordered-at")
        #expect(error.value == text)
        #expect(error.description == "--ordered-at: \"\(text)\" \(problem)")
    }

    @Test func theIssuesExampleReadsAsPromised() throws {
        let error = try #require(throws: InputError.self) { try parser.parse("2026-13-01", field: "--ordered-at") }
        #expect(error.description.hasPrefix("--ordered-at: \"2026-13-01\" is not a date"))
    }

    @Test func optionalStaysNil() throws {
        #expect(try parser.parse(optional: nil, field: "--shipped-at") == nil)
    }
}
