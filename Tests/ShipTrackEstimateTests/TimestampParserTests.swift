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

    /// The forms shop platforms and spreadsheets write; every command reads times with this parser.
    @Test(arguments: [
        ("2026-11-20 10:00:00 +0800", 1_795_140_000),
        ("2026-11-20 10:00:00 -0500", 1_795_186_800),
        ("2026-11-20 10:00 +08:00", 1_795_140_000),
        ("2026-11-20T10:00:00.000+08:00", 1_795_140_000),
        ("2026-11-20", 1_795_104_000),
        // Spreadsheet dates carry no offset: the store's zone, as for a plain date.
        ("11/20/2026 10:00", 1_795_140_000),
        ("11/20/2026 10:00:00", 1_795_140_000),
        ("11/20/2026 10:00 AM", 1_795_140_000),
        ("11/20/2026 10:00 PM", 1_795_183_200),
        ("11/20/2026 10:00 +0800", 1_795_140_000),
        ("11/20/2026", 1_795_104_000),
        ("20/11/2026 10:00", 1_795_140_000),
        ("20.11.2026 10:00", 1_795_140_000),
        ("2026/11/20 10:00", 1_795_140_000),
        ("2026/11/20", 1_795_104_000),
        (" 11/20/2026 10:00 ", 1_795_140_000),
    ])
    func parsesShopAndSpreadsheetForms(text: String, secondsSince1970: Int) throws {
        #expect(try parser.parse(text, field: "ordered_at").timeIntervalSince1970 == TimeInterval(secondsSince1970))
    }

    @Test func anAmbiguousSlashDateNeedsADateOrder() throws {
        let error = try #require(throws: InputError.self) { try parser.parse("03/04/2026 10:00", field: "ordered_at") }
        #expect(error.code == .notADate)
        #expect(error.problem.contains("ambiguous"), "\(error)")
        #expect(error.problem.contains("4 March") && error.problem.contains("3 April"), "\(error)")
        let monthFirst = TimestampParser(policy: .builtIn, dateOrder: .monthFirst)
        let dayFirst = TimestampParser(policy: .builtIn, dateOrder: .dayFirst)
        #expect(try monthFirst.parse("03/04/2026 10:00", field: "t").timeIntervalSince1970 == 1_772_589_600)
        #expect(try dayFirst.parse("03/04/2026 10:00", field: "t").timeIntervalSince1970 == 1_775_181_600)
        // Once the order is given, a date that contradicts it is an error, not a silent swap.
        let swapped = try #require(throws: InputError.self) { try dayFirst.parse("11/20/2026", field: "t") }
        #expect(swapped.problem == "is not a date (month 20 does not exist)")
        // The same day in both places is never ambiguous.
        #expect(try parser.parse("05/05/2026", field: "t") == (try parser.parse("2026-05-05", field: "t")))
    }

    @Test(arguments: [
        ("13/13/2026", "is not a date (month 13 does not exist)"),
        ("02/30/2026", "is not a date (2026-02 has 28 days)"),
        ("11/20/2026 13:00 PM", "is not a date (hour 13 does not exist on a 12-hour clock)"),
        ("11/20/2026 24:00", "is not a date (hour 24 does not exist)"),
        ("11/20/26", "is not a date (expected a four-digit year: MM/DD/YYYY or DD/MM/YYYY)"),
    ])
    func rejectsBadSpreadsheetForms(text: String, problem: String) throws {
        let error = try #require(throws: InputError.self) { try parser.parse(text, field: "t") }
        #expect(error.code == .notADate)
        #expect(error.problem == problem)
    }

    @Test func dateOrdersHaveCommandLineNames() {
        #expect(TimestampParser.DateOrder(name: "mdy") == .monthFirst)
        #expect(TimestampParser.DateOrder(name: "DMY") == .dayFirst)
        #expect(TimestampParser.DateOrder(name: "ymd") == nil)
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
