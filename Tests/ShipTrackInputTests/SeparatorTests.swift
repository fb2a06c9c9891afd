import Foundation
import ShipTrackEstimate
import ShipTrackInput
import Testing

/// Files a spreadsheet re-saved with `;` (European locales) or tabs are read with that separator.
struct SeparatorTests {
    @Test(arguments: Support.chunkSizes)
    func semicolonFilesAreReadWithSemicolons(chunk: Int) throws {
        let text = """
            order_id;tracking_number;carrier;destination;ordered_at;shipped_at
            SO1;LX1, LX2;epacket;DE;2026-03-02;
            "SO2; gift";;;"Korea, Republic of";2026-03-02;
            SO3;LX3;;FR;2026-03-02

            """
        let records = try Support.records(text, options: Support.options(chunk: chunk))
        let rows = Support.rows(records)
        #expect(rows.map(\.orderID) == ["SO1", "SO2; gift"])
        #expect(rows.first?.trackingNumbers == ["LX1", "LX2"])
        #expect(rows.last?.destination.alpha2 == "KR")
        #expect(Support.errors(records).map(\.description) == ["orders.csv:4: has 5 fields; the header has 6"])
    }

    @Test func tabSeparatedFilesAreReadWithTabs() throws {
        let text = "order_id\ttracking_number\tdestination\tordered_at\nSO1\tLX1\tUnited States\t2026-03-02\n"
        let rows = Support.rows(try Support.records(text))
        #expect(rows.map(\.orderID) == ["SO1"])
        #expect(rows.first?.destination.alpha2 == "US")
    }

    @Test func commaFilesWithSemicolonsInsideFieldsStayCommaFiles() throws {
        let text = "order_id,tracking_number,destination,ordered_at\nSO1,LX1;LX2;LX3,US,2026-03-02\n"
        let rows = Support.rows(try Support.records(text))
        #expect(rows.first?.trackingNumbers == ["LX1", "LX2", "LX3"])
    }
}
