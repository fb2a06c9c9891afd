import Foundation
import ShipTrackEstimate
import ShipTrackInput
import Testing

/// `--column canonical=Header`: reading another platform's export without editing it.
struct ColumnMappingTests {
    /// A shop platform's order export (Shopify-like), with more columns than ShipTrack reads.
    static let shopExport = """
        Name,Email,Financial Status,Paid at,Fulfillment Status,Tracking Number,Shipping Country,Created at,Fulfilled at
        #1001,ann@example.com,paid,2026-03-02 10:05:00 +0800,fulfilled,LX123456785CN,DE,2026-03-02 10:00:00 +0800,2026-03-03 09:00:00 +0800
        #1002,bob@example.com,paid,2026-03-02 11:00:00 +0800,unfulfilled,,Narnia,2026-03-02 11:00:00 +0800,
        #1002,bob@example.com,paid,2026-03-02 11:00:00 +0800,unfulfilled,,FR,2026-03-02 11:00:00 +0800,
        """

    static let shopMapping = [
        "order_id=Name", "tracking_number=Tracking Number", "destination=Shipping Country", "ordered_at=Created at",
        "shipped_at=Fulfilled at",
    ]

    @Test func readsAShopExportThroughAMapping() throws {
        let mapping = try InputOptions.parseColumnMapping(Self.shopMapping)
        var reader = try OrderFileReader(
            contents: Array(Self.shopExport.utf8), name: "export.csv", options: InputOptions(columnMapping: mapping))
        #expect(reader.fieldName(.destination) == "destination (Shipping Country)")
        #expect(reader.fieldName(.carrier) == "carrier")
        var records: [InputRecord] = []
        while let record = try reader.next() { records.append(record) }
        let rows = Support.rows(records)
        #expect(rows.map(\.orderID) == ["#1001", "#1002"])
        #expect(rows.first?.trackingNumbers == ["LX123456785CN"])
        #expect(rows.first?.shippedAt == (try Support.time("2026-03-03T09:00:00+08:00")))
        #expect(
            Support.errors(records).map(\.description) == [
                "export.csv:3: destination (Shipping Country): \"Narnia\" is not a known country (give an ISO 3166-1 "
                    + "code such as US or GBR, or an English name)"
            ])
    }

    @Test func parsesMappingArguments() throws {
        let mapping = try InputOptions.parseColumnMapping([" Destination = Ship Country ", "order_id=Order=No"])
        #expect(mapping == ["destination": "Ship Country", "order_id": "Order=No"])
        #expect(try InputOptions.parseColumnMapping([]).isEmpty)
    }

    @Test(arguments: [
        (
            "destination",
            "column mapping \"destination\": expected canonical=Header, such as destination=Shipping Country"
        ),
        (
            "dest=Ship Country",
            "column mapping \"dest=Ship Country\": \"dest\" is not a canonical column (order_id, "
                + "tracking_number, carrier, destination, ordered_at, shipped_at, customer_name, customer_email)"
        ),
        ("=Ship Country", "column mapping \"=Ship Country\": names no canonical column before \"=\""),
        ("destination= ", "column mapping \"destination= \": names no header after \"=\""),
    ])
    func rejectsBadMappingArguments(item: String, message: String) {
        #expect(
            throws: ColumnMappingError(item: item, message: String(message.split(separator: ": ", maxSplits: 1)[1]))
        ) {
            try InputOptions.parseColumnMapping([item])
        }
        do {
            _ = try InputOptions.parseColumnMapping(["order_id=Name", item])
            Issue.record("no error")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func rejectsAColumnMappedTwice() {
        #expect(throws: ColumnMappingError.self) {
            try InputOptions.parseColumnMapping(["destination=A", "DESTINATION=B"])
        }
    }

    @Test func aMappedHeaderMissingFromTheFileNamesBoth() throws {
        let options = InputOptions(columnMapping: ["destination": "Ship Country", "order_id": "Name"])
        let error = try #require(Support.fileError(Self.shopExport, name: "export.csv", options: options))
        #expect(error.code == .missingColumn)
        #expect(error.line == 1)
        #expect(
            error.description.hasPrefix(
                "export.csv:1: no column tracking_number (\"Tracking Number\" in column 6: did you mean "
                    + "tracking_number? Rename the header, or map it: --column \"tracking_number=Tracking Number\"), "
                    + "no column \"Ship Country\" for destination (mapped with "
                    + "destination=Ship Country), no column ordered_at; the header has: \"Name\", \"Email\""))
    }

    @Test func aMappingNamingNoCanonicalColumnIsAFileError() throws {
        let options = InputOptions(columnMapping: ["country": "Shipping Country"])
        let error = try #require(Support.fileError(Self.shopExport, options: options))
        #expect(error.code == .invalidColumnMapping)
        #expect(error.description.contains("\"country\", which is not a canonical column"))
    }

    @Test func aDuplicatedHeaderIsAnErrorOnlyWhenItIsRead() throws {
        let ambiguous = "order_id,tracking_number,destination,ordered_at,Destination\n1,,US,2026-03-02,FR\n"
        let error = try #require(Support.fileError(ambiguous))
        #expect(error.code == .duplicateColumn)
        #expect(
            error.description == "orders.csv:1: the header has 2 columns named \"destination\" (columns 3, 5), "
                + "so destination is ambiguous")
        let harmless = "order_id,Notes,tracking_number,destination,ordered_at,notes\n1,a,,US,2026-03-02,b\n"
        #expect(Support.rows(try Support.records(harmless)).count == 1)
    }

    @Test func aMappingReplacesTheCanonicalName() throws {
        // destination is read from "Ship To" only, even though a "destination" column exists.
        let text = "order_id,tracking_number,destination,ordered_at,Ship To\n1,,Narnia,2026-03-02,FR\n"
        let rows = Support.rows(
            try Support.records(text, options: InputOptions(columnMapping: ["destination": "ship to"])))
        #expect(rows.first?.destination.alpha2 == "FR")
    }
}
