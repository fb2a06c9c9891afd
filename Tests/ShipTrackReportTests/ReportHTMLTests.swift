import Foundation
import ShipTrackEstimate
import ShipTrackModel
import ShipTrackReport
import Testing

/// report.html: hostile values stay text, the sections and their order, handled and cleared flags, the carrier's
/// words beside their English meaning, and nothing fetched from elsewhere.
struct ReportHTMLTests {
    static let hostile = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>&amp;"

    @Test func everyValueIsEscaped() throws {
        let acknowledgement = Acknowledgement(note: Self.hostile, at: Scenarios.night(after: Scenarios.promisedLatest), by: Self.hostile)
        var order = try Scenarios.late("SO-<u>1</u>\"'", daysLate: 2, state: .handled(acknowledgement), name: Self.hostile)
        order.customerEmail = Self.hostile + "@evil.test"
        order.parcels[0].lastEvent?.description = Self.hostile
        order.parcels[0].lastEvent?.location = EventLocation(raw: Self.hostile)
        order.parcels[0].trackingURL = URL(string: "https://track.example/?n=1&x=\"")
        var run = ReportFixtures.run(now: Scenarios.night(after: Scenarios.promisedLatest.adding(days: 2)), storeName: Self.hostile)
        run.rejectedRows = [RejectedRow(file: Self.hostile, line: 3, field: Self.hostile, reason: Self.hostile)]
        run.rowsRejected = 1
        run.sourceProblems = [SourceProblem(source: Self.hostile, kind: .blocked, detail: Self.hostile, affectedShipments: 2)]
        let second = try Scenarios.customs("=cmd|' /C calc'!A0 <i>")
        let html = try ReportFixtures.html([order, second], run: run)

        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<u>"))
        #expect(!html.contains("<i>\"") && !html.contains("calc'!A0 <i>"))
        #expect(html.components(separatedBy: "<script").count - 1 == 1, "only the report's own script")
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;"))
        #expect(html.contains("SO-&lt;u&gt;1&lt;/u&gt;&quot;&#39;"))
        // Not an address: shown as text, never as a mailto: link.
        #expect(!html.contains("mailto:&lt;"))
        #expect(html.contains("href=\"https://track.example/?n=1&amp;x=%22\"") || html.contains("href=\"https://track.example/?n=1&amp;x=&quot;\""))
    }

    @Test func onlyWebAddressesBecomeLinks() throws {
        var order = try Scenarios.stalled("SO-1")
        order.parcels[0].trackingURL = URL(string: "javascript:alert(1)")
        let html = try ReportFixtures.html([order], run: ReportFixtures.run(now: order.parcels[0].estimate.asOf))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("LX123456785CN"))
    }

    @Test func pageIsSelfContained() throws {
        let order = try Scenarios.customs("SO-1")
        let html = try ReportFixtures.html([order], run: ReportFixtures.run(now: order.parcels[0].estimate.asOf))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.hasSuffix("</html>\n"))
        for forbidden in ["<link", " src=", "@import", "url(", "<iframe", "<object"] {
            #expect(!html.contains(forbidden), "the page must not load \(forbidden)")
        }
        // Every link goes to a place in the page, a mail address, or a carrier's tracking page.
        for chunk in html.components(separatedBy: "href=\"").dropFirst() {
            #expect(chunk.hasPrefix("#") || chunk.hasPrefix("mailto:") || chunk.hasPrefix("https://intmail.11185.cn/"), "\(chunk.prefix(40))")
        }
    }

    @Test func sectionsComeInActionOrderWithMostUrgentFirst() throws {
        let orders = [
            try Scenarios.stalled("SO-STALLED"), try Scenarios.late("SO-LATE-1", daysLate: 1),
            try Scenarios.late("SO-LATE-2", daysLate: 2), try Scenarios.customs("SO-CUSTOMS"),
            try Scenarios.refundEligible("SO-REFUND"),
        ]
        let html = try ReportFixtures.html(orders, run: ReportFixtures.run(now: Scenarios.night(after: Scenarios.promisedLatest)))
        let positions = ["g-refund_eligible", "g-exception", "g-late", "g-stalled", "sources", "rejected", "handled", "cleared", "summary"]
            .map { id in html.range(of: "<section id=\"\(id)\"")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(positions)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        let late = try #require(ReportFixtures.section("g-late", in: html))
        let two = try #require(late.range(of: "SO-LATE-2"))
        let one = try #require(late.range(of: "SO-LATE-1"))
        #expect(two.lowerBound < one.lowerBound, "2 days late comes before 1 day late")
        // One row per order: the refund-eligible order is also late, but listed once.
        #expect(html.components(separatedBy: "<b>SO-REFUND</b>").count - 1 == 1)
        #expect(ReportFixtures.section("g-awaiting_shipment", in: html) == nil, "empty groups are not drawn")
    }

    @Test func ordersOutOfUrgencyOrderAreRefused() throws {
        let late = try Scenarios.late("SO-1", daysLate: 1)
        let refund = try Scenarios.refundEligible("SO-2")
        var statistics = ReportStatistics()
        statistics.add(late)
        statistics.add(refund)
        var writer = try MorningReportWriter(sink: MemorySink(), run: ReportFixtures.run(now: late.parcels[0].estimate.asOf), statistics: statistics)
        try writer.add(late)
        #expect(throws: MorningReportError.self) { try writer.add(refund) }
    }

    @Test func handledFlagsMoveToTheHandledSectionUntilSomethingChanges() throws {
        let at = Scenarios.night(after: Scenarios.promisedLatest)
        let acknowledgement = Acknowledgement(note: "Emailed the customer on Monday", at: at, by: "Wei")
        let handled = try Scenarios.late("SO-HANDLED", daysLate: 2, state: .handled(acknowledgement))
        let reopened = try Scenarios.late(
            "SO-REOPENED", daysLate: 2, state: .handled(acknowledgement),
            changes: [.statusChanged(parcel: nil, from: ParcelStatus(.inTransit), to: ParcelStatus(.exception, reason: .customsHold))])
        let html = try ReportFixtures.html([handled, reopened], run: ReportFixtures.run(now: handled.parcels[0].estimate.asOf))

        let handledSection = try #require(ReportFixtures.section("handled", in: html))
        #expect(handledSection.contains("SO-HANDLED"))
        #expect(handledSection.contains("Emailed the customer on Monday"))
        #expect(handledSection.contains("by Wei"))
        #expect(!handledSection.contains("SO-REOPENED"))
        let late = try #require(ReportFixtures.section("g-late", in: html))
        #expect(late.contains("SO-REOPENED"))
        #expect(late.contains("Changed since"))
        #expect(late.contains("In transit → Held by customs"))
        #expect(!late.contains("SO-HANDLED"))
    }

    @Test func clearedFlagsAreListedOnceWithWhy() throws {
        let delivered = try Scenarios.deliveredAfterLate("SO-DELIVERED")
        let html = try ReportFixtures.html([delivered], run: ReportFixtures.run(now: delivered.parcels[0].estimate.asOf))
        let cleared = try #require(ReportFixtures.section("cleared", in: html))
        #expect(cleared.contains("SO-DELIVERED"))
        #expect(cleared.contains("<b>Late</b> delivered "))
        #expect(html.components(separatedBy: "<b>SO-DELIVERED</b>").count - 1 == 1)
        #expect(try #require(ReportFixtures.section("handled", in: html)).contains("None today."))
    }

    @Test func carrierWordsAreShownWithTheirEnglishMeaning() throws {
        let order = try Scenarios.customs("SO-1")
        let html = try ReportFixtures.html([order], run: ReportFixtures.run(now: order.parcels[0].estimate.asOf))
        #expect(html.contains("<q lang=\"zh\">海关扣留</q> <i>= Held by customs</i>"))
        #expect(html.contains("<b>Held by customs</b>"), "the parcel's status in plain English")
        // The event's time, in the store's zone.
        #expect(html.contains("Times are in the store's zone, Asia/Shanghai, UTC+08:00."))
        #expect(html.contains("· Sat 21 Mar 10:00</small>"), "the event at 10:00 in Shanghai")
    }

    @Test func headerNamesTheRunInTheStoreZoneAndUTC() throws {
        let order = try Scenarios.stalled("SO-1")
        let now = order.parcels[0].estimate.asOf
        let html = try ReportFixtures.html([order], run: ReportFixtures.run(now: now))
        // 2026-03-22 01:30 in Shanghai is 2026-03-21 17:30 UTC.
        #expect(html.contains("As of <b>Sun 22 Mar 01:30</b> (Asia/Shanghai, UTC+08:00) · 2026-03-21 17:30 UTC"))
    }

    @Test func suggestedMessageUsesTheFlagsTemplateAndDates() throws {
        let order = try Scenarios.refundEligible("SO-77")
        let html = try ReportFixtures.html([order], run: ReportFixtures.run(now: order.parcels[0].estimate.asOf, storeName: "Shop"))
        let guarantee = try #require(order.guarantee)
        let section = try #require(ReportFixtures.section("g-refund_eligible", in: html))
        #expect(section.contains("Subject: Your order SO-77: you can request a refund or reshipment"))
        #expect(section.contains("Hello Ana Silva,"))
        #expect(section.contains("Contact Us page"))
        let ends = guarantee.endsOn.parts
        #expect(section.contains("ended on \(guarantee.endsOn.weekdayName) \(ends.day) "), "the guarantee's end in words")
        #expect(section.contains("\n" + "Shop</div>"), "signed with the store's name")
    }
}
