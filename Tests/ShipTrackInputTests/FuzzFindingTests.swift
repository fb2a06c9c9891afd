import ShipTrackInput
import Testing

/// Inputs `make fuzz` found (docs/fuzzing.md), cut down to what shows the problem. Each read must not depend on how
/// the file's reads were split, and must account for every line.
struct FuzzFindingTests {
    /// The same bytes read whole, as the reference the chunked reads are held to.
    private static func wholeRead(_ bytes: [UInt8], name: String) throws -> [InputRecord] {
        try Support.records(bytes: bytes, name: name, options: Support.options(chunk: bytes.count))
    }

    /// fuzz-orders-jsonl: a first line with a NUL byte beyond the few kilobytes looked at for binary content was
    /// refused as "not a text file" when one read brought it in, and read as rows when reads were small.
    @Test(arguments: Support.chunkSizes)
    func nulByteFarIntoTheFirstJSONLine(chunk: Int) throws {
        let first = Array(#"{"order_id": "1", "note": ""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: 5_000)
            + [0] + Array("\"}\n".utf8)
        let bytes = first + Array(#"{"order_id": "2", "destination": "US", "ordered_at": "2026-03-02"}"#.utf8)
        let records = try Support.records(bytes: bytes, name: "orders.jsonl", options: Support.options(chunk: chunk))
        #expect(records == (try Self.wholeRead(bytes, name: "orders.jsonl")))
        #expect(records.map(\.line) == [1, 2])
        #expect(Support.errors(records).map(\.line) == [1])
        #expect(Support.rows(records).map(\.orderID) == ["2"])
    }

    /// fuzz-orders-jsonl: an over-long JSON Lines line holding a CR (JSON white space) was skipped only up to the CR,
    /// so the rest of it became a row of its own and every later line was reported one line too far.
    @Test(arguments: Support.chunkSizes)
    func overLongJSONLineWithACarriageReturn(chunk: Int) throws {
        let long = #"{"order_id": "1", "note": ""# + String(repeating: "x", count: 300)
            + "\",\r \"destination\": \"US\", \"ordered_at\": \"2026-03-02\"}\n"
        let text = long + #"{"order_id": "2", "destination": "US", "ordered_at": "2026-03-02"}"#
        let records = try Support.records(
            text, name: "orders.jsonl", options: Support.options(chunk: chunk, maxRecordBytes: 200))
        #expect(records.map(\.line) == [1, 2])
        #expect(Support.errors(records).map(\.code) == [.rowTooLong])
        #expect(Support.rows(records).map(\.line) == [2])
    }
}
