import Foundation
import ShipTrackEstimate
import ShipTrackInput
import Testing

/// JSON Lines: one object per line, canonical (or mapped) keys, bad lines reported with their line number.
struct JSONLinesTests {
    @Test(arguments: Support.chunkSizes)
    func readsGoodLines(chunk: Int) throws {
        let text = """
            {"order_id": "1001", "tracking_number": "LX1; LX2", "carrier": "epacket", "destination": "US", "ordered_at": "2026-03-02T10:00:00+08:00", "shipped_at": "2026-03-03T10:00:00+08:00"}

            {"order_id": 1002, "tracking_number": ["LX3", " LX4 "], "destination": "C\\u00f4te d\\u2019Ivoire", "ordered_at": "2026-03-02", "shipped_at": null, "extra": {"nested": [1, 2.5e3, {"deep": true}], "x": null}}\r
              {"ORDER_ID":"1003","Destination":"\\ud83c\\uddeb\\ud83c\\uddf7 France","ordered_at":"2026-03-02"}
            {"order_id":"1004","destination":"FR","ordered_at":"2026-03-02","tracking_number":[]}
            """
        let records = try Support.records(text, name: "orders.jsonl", options: Support.options(chunk: chunk))
        #expect(records.map(\.line) == [1, 3, 4, 5])
        let errors = Support.errors(records)
        #expect(errors.count == 1)
        // The flag emoji is kept in the value and is not a country name.
        #expect(errors.first?.description.hasPrefix("orders.jsonl:4: destination: \"🇫🇷 France\" is not a known") == true)
        let rows = Support.rows(records)
        try #require(rows.count == 3)
        #expect(rows[0].orderID == "1001")
        #expect(rows[0].trackingNumbers == ["LX1", "LX2"])
        #expect(rows[0].carrier == "epacket")
        #expect(rows[0].shippedAt == (try Support.time("2026-03-03T10:00:00+08:00")))
        #expect(rows[1].orderID == "1002")
        #expect(rows[1].trackingNumbers == ["LX3", "LX4"])
        #expect(rows[1].destination.alpha2 == "CI")
        #expect(rows[1].shippedAt == nil)
        #expect(rows[2].trackingNumbers.isEmpty)
    }

    @Test(arguments: Support.chunkSizes)
    func badLinesAreRowErrorsWithTheirLineNumbers(chunk: Int) throws {
        let text = """
            {"order_id": "1001", "destination": "US", "ordered_at": "2026-03-02"}
            [1, 2]
            {"order_id": "1003", "destination": "US"
            {"order_id": "1004", "destination": {"code": "US"}, "ordered_at": "2026-03-02"}
            {"order_id": "1005", "order_id": "1005b", "destination": "US", "ordered_at": "2026-03-02"}
            {"destination": "US", "ordered_at": "2026-03-02"}
            {"order_id": "1007", "destination": "US", "ordered_at": "2026-03-02"} trailing
            {"order_id": "1008", "destination": "US", "ordered_at": "2026-03-02", "tracking_number": [1]}
            {"order_id": "1009", "destination": "US", "ordered_at": "2026-03-02", "note": "\\x"}
            {"order_id": "1010", "destination": "US", "ordered_at": "2026-03-02", "note": "\\ud800"}
            {"order_id": true, "destination": "US", "ordered_at": "2026-03-02"}
            {"order_id": "1012", "destination": "US", "ordered_at": "2026-03-02"}
            """
        let records = try Support.records(text, name: "orders.jsonl", options: Support.options(chunk: chunk))
        #expect(Support.rows(records).map(\.line) == [1, 12])
        let errors = Support.errors(records)
        #expect(errors.map(\.line) == Array(2...11))
        #expect(
            errors.map(\.description) == [
                "orders.jsonl:2: not a JSON object (the line starts with \"[\")",
                "orders.jsonl:3: not valid JSON: expected \",\" or \"}\" at column 41, found the end of the line",
                "orders.jsonl:4: destination: expected a string, found an object",
                "orders.jsonl:5: order_id: is given twice in the object",
                "orders.jsonl:6: order_id: is missing (required)",
                "orders.jsonl:7: not valid JSON: text after the object at column 71",
                "orders.jsonl:8: tracking_number: expected an array of strings, found a number in it",
                "orders.jsonl:9: not valid JSON: expected an escape (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\u) at "
                    + "column 81, found \"x\"",
                "orders.jsonl:10: not valid JSON: the \\u escape at column 80 is half a surrogate pair",
                "orders.jsonl:11: order_id: expected a string, found true",
            ])
        #expect(
            errors.map(\.code) == [
                .malformedJSON, .malformedJSON, .unexpectedJSONValue, .unexpectedJSONValue, .missingValue,
                .malformedJSON,
                .unexpectedJSONValue, .malformedJSON, .malformedJSON, .unexpectedJSONValue,
            ])
    }

    @Test func keysFollowTheMapping() throws {
        let text = #"{"id": "A1", "country": "Japan", "created": "2026-03-02T10:00:00+09:00", "order_id": "ignored"}"#
        let options = InputOptions(columnMapping: ["order_id": "id", "destination": "Country", "ordered_at": "created"])
        let rows = Support.rows(try Support.records(text, name: "orders.jsonl", options: options))
        #expect(rows.map(\.orderID) == ["A1"])
        #expect(rows.first?.destination.alpha2 == "JP")
        let bad = #"{"id": "A2", "country": "Atlantis", "created": "2026-03-02"}"#
        let errors = Support.errors(try Support.records(bad, name: "orders.jsonl", options: options))
        #expect(errors.first?.field == "destination (Country)")
    }

    @Test func ndjsonAndExplicitFormat() throws {
        let line = #"{"order_id": "1", "destination": "US", "ordered_at": "2026-03-02"}"#
        #expect(try Support.records(line, name: "orders.ndjson").count == 1)
        #expect(try Support.records(line, name: "orders.txt", options: InputOptions(format: .jsonl)).count == 1)
    }

    @Test func aLineLongerThanTheLimitIsSkipped() throws {
        let long = String(repeating: "x", count: 500)
        let text = """
            {"order_id": "1", "destination": "US", "ordered_at": "2026-03-02", "note": "\(long)"}
            {"order_id": "2", "destination": "US", "ordered_at": "2026-03-02"}
            """
        for chunk in Support.chunkSizes {
            let records = try Support.records(
                text, name: "orders.jsonl", options: Support.options(chunk: chunk, maxRecordBytes: 256))
            #expect(Support.errors(records).map(\.code) == [.rowTooLong])
            #expect(Support.rows(records).map(\.line) == [2])
        }
    }

    @Test func aFirstLineThatIsNotAnObjectIsAFileError() throws {
        let error = try #require(Support.fileError("order_id,destination\n1,US\n", name: "orders.jsonl"))
        #expect(error.code == .notJSONLines)
        #expect(error.description.hasPrefix("orders.jsonl:1: is not JSON Lines: the first line starts with \"o\""))
        let afterBlankLines = try #require(Support.fileError("\n\n  [1]\n", name: "orders.jsonl"))
        #expect(afterBlankLines.line == 3)
    }

    @Test func emptyJSONLinesFileHasNoRows() throws {
        #expect(try Support.records("", name: "orders.jsonl").isEmpty)
        #expect(try Support.records("\n \n", name: "orders.jsonl").isEmpty)
    }
}
