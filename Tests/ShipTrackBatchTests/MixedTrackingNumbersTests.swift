import Foundation
import ShipTrackBatch
import Testing

/// A cell with several tracking numbers, one of them mistyped: the good ones are tracked, the bad one reported.
@Suite(.serialized)
struct MixedTrackingNumbersTests {
    @Test func goodNumbersAreKeptAndEachBadOneIsReported() async throws {
        let workspace = try await BatchWorkspace()
        defer { Task { await workspace.stop() } }
        // 9400100000000000000052 is 9400100000000000000051 with its check digit changed; LX100077770CN likewise.
        let csv = """
            order_id,tracking_number,carrier,destination,ordered_at,shipped_at
            M1,"9400100000000000000051; 9400100000000000000052",,US,2023-07-01,
            M2,"LX100077775CN;LX100077770CN;EA100077775CN",,US,2023-06-28,

            """
        let path = try workspace.write("orders.csv", csv)
        let summary = try await NightlyRun(configuration: workspace.configuration(input: path, asOf: "2023-07-20"))
            .execute()
        #expect(summary.input.shipments == 3)
        #expect(summary.input.rowsRejected == 2)
        let rejected = summary.input.rejected
        #expect(rejected.contains { $0.contains("orders.csv:2: tracking_number: \"9400100000000000000052\"") }, "\(rejected)")
        #expect(rejected.contains { $0.contains("orders.csv:3: tracking_number: \"LX100077770CN\"") }, "\(rejected)")
        let shipments = try workspace.shipmentLines()
        #expect(shipments["9400100000000000000051"]?["order_id"] as? String == "M1")
        #expect(shipments["LX100077775CN"]?["order_id"] as? String == "M2")
        #expect(shipments["EA100077775CN"]?["order_id"] as? String == "M2")
        #expect(shipments["9400100000000000000052"] == nil)
    }
}
