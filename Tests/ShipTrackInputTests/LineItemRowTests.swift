import Foundation
import ShipTrackEstimate
import ShipTrackInput
import ShipTrackTestSupport
import Testing

/// Shop exports write one row per line item; only an order's first row carries its shipping details.
struct LineItemRowTests {
    static let shopifyMapping = [
        "order_id=Name", "tracking_number=Tracking Number", "destination=Shipping Country", "ordered_at=Created at",
        "shipped_at=Fulfilled at",
    ]

    static var shopifyExport: String {
        RepositoryPaths.root.appendingPathComponent("Fixtures/orders/shopify-export.csv").path
    }

    @Test func aShopifyExportReadsOneRowPerOrderAndNoErrors() throws {
        let mapping = try InputOptions.parseColumnMapping(Self.shopifyMapping)
        let records = try Support.records(path: Self.shopifyExport, options: InputOptions(columnMapping: mapping))
        #expect(Support.errors(records).map(\.description) == [])
        let rows = Support.rows(records)
        #expect(rows.map(\.orderID) == ["#1001", "#1002", "#1003", "#1004", "#1005", "#1006"])
        #expect(rows.map(\.destination.alpha2) == ["DE", "US", "US", "GB", "AU", "CA"])
        #expect(rows[0].trackingNumbers == ["LX103000016CN"])
        #expect(rows[1].trackingNumbers.isEmpty)
        #expect(rows[2].trackingNumbers == ["LX103000020CN", "EA103000020CN"])
        #expect(rows[0].orderedAt == (try Support.time("2026-11-16T09:12:44+08:00")))
        #expect(rows[0].shippedAt == (try Support.time("2026-11-17T15:02:10+08:00")))
    }

    @Test(arguments: Support.chunkSizes)
    func rowsRepeatingTheOrderWithoutShippingDetailsAreSkipped(chunk: Int) throws {
        let text = """
            order_id,tracking_number,destination,ordered_at,item
            SO1,LX1,US,2026-03-02,lamp
            SO1,,,2026-03-02,bulb
            SO1,,,,shade
            SO2,,,2026-03-02,mug
            SO3,LX3,DE,2026-03-02,pen
            SO3,LX4,,2026-03-02,ink

            """
        let records = try Support.records(text, options: Support.options(chunk: chunk))
        #expect(Support.rows(records).map(\.orderID) == ["SO1", "SO3"])
        // A new order without a destination, and a parcel row with a number but no destination, are still errors.
        #expect(Support.errors(records).map(\.line) == [5, 7])
    }

    @Test func lineItemsAfterARejectedFirstRowAreSkippedToo() throws {
        let text = """
            order_id,tracking_number,destination,ordered_at,item
            SO1,LX1,Narnia,2026-03-02,lamp
            SO1,,,2026-03-02,bulb
            """
        let records = try Support.records(text)
        #expect(Support.errors(records).map(\.line) == [2])
        #expect(Support.rows(records).isEmpty)
    }
}
