import Foundation
import ShipTrackReport
import Testing

/// A night of 100,000 shipments: the report lists every order needing action and only counts the rest, so it stays
/// small enough to mail and quick to write.
struct LargeReportTests {
    /// "A few MB" for a mail attachment, whatever the night.
    static let maximumBytes = 8 * 1_024 * 1_024
    /// What the page costs without its rows (style, script, header, charts), and per listed order at most: the size
    /// grows with the orders listed, never with the orders only counted.
    static let fixedBytes = 200 * 1_024
    static let bytesPerListedOrder = 1_700

    @Test func reportOf100000ShipmentsListsActionsAndStaysSmall() throws {
        let synthetic = SyntheticRun(shipments: 100_000)
        let clock = ContinuousClock()
        var orders: [ReportOrder] = []
        let generation = clock.measure { orders = (0..<synthetic.orderCount).map(synthetic.order) }

        var sink = MemorySink()
        var statistics = ReportStatistics()
        let writing = try clock.measure {
            // What the batch does: count every order, sort the listed ones by urgency, stream them out.
            for order in orders { statistics.add(order) }
            var listed: [(placement: ReportPlacement, order: ReportOrder)] = []
            for order in orders {
                let placement = order.placement
                if placement != .none || !order.clearedFlags.isEmpty { listed.append((placement, order)) }
            }
            listed.sort { $0.placement != $1.placement ? $0.placement < $1.placement : $0.order.orderID < $1.order.orderID }
            var writer = try MorningReportWriter(sink: MemorySink(), run: synthetic.header, statistics: statistics)
            for entry in listed { try writer.add(entry.order) }
            try writer.finish(history: synthetic.history(tonight: statistics))
            sink = writer.sink
        }
        let listed = statistics.actionTotal + statistics.handledOrders
        print(
            "report.html for \(synthetic.shipments) shipments in \(synthetic.orderCount) orders: \(sink.bytes.count) bytes; "
                + "\(listed) orders listed (\(statistics.actionTotal) need action, \(statistics.handledOrders) handled), "
                + "\(statistics.clearedFlags) cleared flags; written in \(writing) (debug build; making the synthetic "
                + "orders and their estimates took \(generation))")

        #expect(sink.bytes.count < Self.maximumBytes, "report.html is \(sink.bytes.count) bytes")
        #expect(
            sink.bytes.count < Self.fixedBytes + Self.bytesPerListedOrder * (listed + statistics.ordersWithClearedFlags),
            "report.html grows faster than the orders it lists")
        #expect(statistics.actionTotal > 1_000, "the synthetic night should need action on many orders")
        // Complete: one row per listed order, and one per order with cleared flags.
        let rows = sink.text.components(separatedBy: "<tr data-k=").count - 1
        #expect(rows == listed + statistics.ordersWithClearedFlags)

        // flagged.csv of the same night, one row per flagged order.
        var csvSink = MemorySink()
        var csvRows = 0
        let csvWriting = try clock.measure {
            var csv = try FlaggedCSVWriter(sink: MemorySink(), run: synthetic.header)
            for order in orders { try csv.add(order) }
            try csv.finish()
            csvSink = csv.sink
            csvRows = csv.rows
        }
        print("flagged.csv: \(csvSink.bytes.count) bytes, \(csvRows) rows, written in \(csvWriting) (debug build)")
        #expect(csvRows == orders.filter { !$0.raisedFlags.isEmpty }.count)
        try Data(csvSink.bytes).write(to: Browser.screenshots.appendingPathComponent("flagged-100000.csv"))

        let file = Browser.screenshots.appendingPathComponent("report-100000.html")
        try Data(sink.bytes).write(to: file)
        // Where Chromium is, time how long it takes to open and draw the page (the browser tests check the DOM).
        guard Browser.path != nil else { return }
        for (name, size) in [("desktop", (1_280, 2_400)), ("phone", (390, 844))] {
            let shot = Browser.screenshots.appendingPathComponent("report-100000-\(name).png")
            let render = try clock.measure { try Browser.screenshot(file, to: shot, width: size.0, height: size.1) }
            print("chromium opened and drew report-100000.html (\(name)) in \(render)")
        }
        try Browser.screenshot(
            file, fragment: "q=no-such-order", to: Browser.screenshots.appendingPathComponent("report-100000-charts.png"),
            width: 1_280, height: 3_000)
    }
}
