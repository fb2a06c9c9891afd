import Foundation
import ShipTrackReport
import Testing

/// The report in a real browser: headless Chromium renders a 1,000-shipment report, its DOM has the action groups,
/// the rows and the charts, and the filters in the URL fragment hide what they should. Skipped only when no
/// Chromium binary is found (`make deps` installs Debian's `chromium`).
@Suite(.serialized, .enabled(if: Browser.path != nil, "chromium not found on PATH (make deps installs it); browser checks skipped"))
struct BrowserTests {
    /// The 1,000-shipment report, written once into the screenshot folder.
    static let report: (url: URL, statistics: ReportStatistics, html: String) = {
        let synthetic = SyntheticRun(shipments: 1_000)
        do {
            let (sink, statistics) = try synthetic.writeReport(into: MemorySink())
            let url = Browser.screenshots.appendingPathComponent("report-1000.html")
            try Data(sink.bytes).write(to: url)
            return (url, statistics, sink.text)
        } catch {
            fatalError("the synthetic report could not be written: \(error)")
        }
    }()

    @Test func domHasTheActionGroupsRowsAndCharts() throws {
        let dom = try Browser.dumpDOM(Self.report.url)
        let statistics = Self.report.statistics
        for group in ActionGroup.allCases where (statistics.actionOrders[group] ?? 0) > 0 {
            #expect(dom.contains("<section id=\"g-\(group.id)\""), "group \(group.id) missing")
        }
        for id in ["sources", "rejected", "handled", "cleared", "summary"] {
            #expect(dom.contains("<section id=\"\(id)\""), "section \(id) missing")
        }
        let rows = Self.rows(in: dom)
        #expect(rows.count >= statistics.actionTotal + statistics.handledOrders)
        #expect(rows.allSatisfy { !$0.hidden }, "without a filter every row shows")
        // Four charts, each an SVG with marks and a title, and the script showed the filter form.
        #expect(dom.components(separatedBy: "<svg").count - 1 == 4)
        #expect(dom.components(separatedBy: "<rect").count - 1 > 50)
        #expect(dom.contains("<form id=\"filters\" class=\"filters\" role=\"search\">"), "the script did not show the filters")
        // The hostile customer name is text, not markup: the page has exactly one script, ours.
        #expect(dom.components(separatedBy: "<script").count - 1 == 1)
        #expect(!dom.contains("<img src=\"x\""))
    }

    @Test(arguments: ["late", "exception", "not_checked"])
    func flagInTheFragmentHidesOtherRows(flag: String) throws {
        let dom = try Browser.dumpDOM(Self.report.url, fragment: "flag=\(flag)")
        let rows = Self.rows(in: dom)
        let matching = rows.filter { $0.kinds.contains(flag) }
        #expect(!matching.isEmpty, "the synthetic report should have \(flag) rows")
        #expect(matching.allSatisfy { !$0.hidden }, "rows with \(flag) must show")
        #expect(rows.filter { !$0.kinds.contains(flag) }.allSatisfy { $0.hidden }, "rows without \(flag) must be hidden")
        #expect(dom.contains("<option value=\"\(flag)\" selected") || dom.contains("f-count"))
    }

    @Test func searchInTheFragmentFindsOneOrder() throws {
        let html = Self.report.html
        // An order ID of the action list, taken from the page itself.
        let marker = try #require(html.range(of: "<tr data-k=\"late"))
        let idStart = try #require(html.range(of: "<td><b>", range: marker.upperBound..<html.endIndex))
        let idEnd = try #require(html.range(of: "</b>", range: idStart.upperBound..<html.endIndex))
        let orderID = String(html[idStart.upperBound..<idEnd.lowerBound])
        let dom = try Browser.dumpDOM(Self.report.url, fragment: "q=\(orderID)")
        let visible = Self.rows(in: dom).filter { !$0.hidden }
        #expect(!visible.isEmpty)
        #expect(visible.allSatisfy { $0.html.contains(orderID) })
    }

    @Test func screenshotsAtDesktopAndPhoneSizes() throws {
        let folder = Browser.screenshots
        for (name, size) in [("desktop", (1_280, 2_400)), ("phone", (390, 844))] {
            let file = folder.appendingPathComponent("report-1000-\(name).png")
            try Browser.screenshot(Self.report.url, to: file, width: size.0, height: size.1)
            let bytes = try Data(contentsOf: file)
            #expect(bytes.count > 10_000, "\(name) screenshot is suspiciously small")
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        }
        // A search matching no order hides every order section, which brings the summary and charts to the top
        // (a fragment naming an anchor scrolls too late for a headless screenshot).
        for (name, width) in [("charts", 1_280), ("phone-charts", 390)] {
            try Browser.screenshot(
                Self.report.url, fragment: "q=no-such-order", to: folder.appendingPathComponent("report-1000-\(name).png"),
                width: width, height: 3_000)
        }
        try Browser.screenshot(
            Self.report.url, fragment: "flag=exception", to: folder.appendingPathComponent("report-1000-phone-cards.png"),
            width: 390, height: 2_400)
        try Browser.screenshot(
            Self.report.url, fragment: "flag=exception", to: folder.appendingPathComponent("report-1000-filtered.png"), width: 1_280,
            height: 1_600)
    }

    /// The order rows of a DOM: their flag kinds, whether hidden, and their markup.
    static func rows(in dom: String) -> [(kinds: [String], hidden: Bool, html: String)] {
        dom.components(separatedBy: "<tr data-k=\"").dropFirst().map { chunk in
            let kinds = chunk.prefix { $0 != "\"" }.split(separator: " ").map(String.init)
            let tag = chunk.prefix { $0 != ">" }
            let row = chunk.components(separatedBy: "</tr>").first ?? ""
            return (kinds, tag.contains(" hidden"), row)
        }
    }
}
