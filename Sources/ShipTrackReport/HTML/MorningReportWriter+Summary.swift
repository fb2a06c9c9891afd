import ShipTrackEstimate
import ShipTrackModel

extension MorningReportWriter {
    /// "Everything else": the orders needing nothing as counts, then the four charts with their tables.
    mutating func writeSummary(history: FlagHistory) {
        out.raw("<section id=\"summary\">\n<h2>Everything else</h2>\n<p>")
        out.text(PeopleFormat.count(statistics.orders, "order"))
        out.raw(" in all (")
        out.text(PeopleFormat.count(statistics.shipments, "shipment"))
        out.raw("); ")
        out.text(PeopleFormat.number(statistics.actionTotal + statistics.handledOrders))
        out.raw(" are listed above. The others need nothing today:</p>\n<table class=\"plain counts\"><tbody>\n")
        for kind in ReportStatistics.QuietKind.allCases {
            out.raw("<tr><th scope=\"row\">")
            out.text(kind.title)
            out.raw("</th><td class=\"num\">")
            out.text(PeopleFormat.number(statistics.quietOrders[kind] ?? 0))
            out.raw("</td></tr>\n")
        }
        out.raw("</tbody></table>\n<div class=\"charts\">\n")
        writeStatusChart()
        writeHistoryChart(history.recent(30))
        writeTransitChart()
        writeOnTimeChart()
        out.raw("</div>\n</section>\n")
    }

    // MARK: Parcels by status

    private mutating func writeStatusChart() {
        let rows = StatusBucket.allCases.compactMap { bucket in
            statistics.parcelStatuses[bucket].map { (bucket, $0) }
        }
        figureStart(id: "c-status", title: "Parcels by status", note: "Every parcel of the run, by what its carrier says.")
        let maximum = max(rows.map(\.1).max() ?? 1, 1)
        let rowHeight = 22.0
        let height = Double(rows.count) * rowHeight + 8
        svgStart(id: "c-status", width: 640, height: height)
        for (index, (bucket, count)) in rows.enumerated() {
            let y = 4 + Double(index) * rowHeight
            let width = max(1, 330 * Double(count) / Double(maximum))
            text(x: 222, y: y + 15, bucket.shortTitle, anchor: "end")
            rect(x: 230, y: y + 3, width: width, height: 15, fill: Self.statusColor(bucket), title: "\(bucket.title): \(PeopleFormat.number(count))")
            text(x: 236 + width, y: y + 15, PeopleFormat.number(count))
        }
        out.raw("</svg></div>\n")
        tableStart(["Status", "Parcels", "Share"])
        for (bucket, count) in rows {
            tableRow([bucket.title, PeopleFormat.number(count), PeopleFormat.percent(count, of: statistics.shipments)])
        }
        tableEnd()
        figureEnd()
    }

    private static func statusColor(_ bucket: StatusBucket) -> String {
        switch bucket {
        case .delivered: "#2b8a3e"
        case .heldByCustoms, .otherProblem, .returning, .returned, .attemptFailed, .unknownToCarrier, .expired: "#c92a2a"
        case .notShipped, .notCheckedYet, .noInformation, .labelCreated: "#868e96"
        case .inTransit, .outForDelivery, .waitingForPickup: "#1c64f2"
        }
    }

    // MARK: Flags over the last nights

    private mutating func writeHistoryChart(_ nights: [FlagHistory.Night]) {
        let kinds = ActionGroup.allCases.compactMap(\.kind)
        figureStart(
            id: "c-history", title: "Flags over the last \(max(nights.count, 1)) nights",
            note: "Shipments flagged each night, by kind (stacked).")
        guard !nights.isEmpty else {
            out.raw("<p class=\"none\">No history yet: the chart starts with the next runs.</p>")
            figureEnd()
            return
        }
        let totals = nights.map { night in kinds.reduce(0) { $0 + (night.counts[$1] ?? 0) } }
        let top = Self.niceCeiling(max(totals.max() ?? 1, 1))
        let left = 56.0, right = 630.0, plotTop = 10.0, bottom = 190.0
        let slot = (right - left) / Double(nights.count)
        svgStart(id: "c-history", width: 640, height: 240)
        for step in 0...4 {
            let value = top * step / 4
            let y = bottom - (bottom - plotTop) * Double(step) / 4
            out.raw("<line x1=\"\(SVGNumber.text(left))\" x2=\"\(SVGNumber.text(right))\" y1=\"\(SVGNumber.text(y))\" y2=\"\(SVGNumber.text(y))\" class=\"grid\"/>")
            text(x: left - 6, y: y + 4, PeopleFormat.number(value), anchor: "end")
        }
        for (index, night) in nights.enumerated() {
            var y = bottom
            let x = left + Double(index) * slot + slot * 0.15
            for kind in kinds {
                let count = night.counts[kind] ?? 0
                guard count > 0 else { continue }
                let height = (bottom - plotTop) * Double(count) / Double(top)
                y -= height
                rect(x: x, y: y, width: slot * 0.7, height: height, fill: KindColor.hex(kind.rawValue),
                     title: "\(format.day(night.day)): \(PlainEnglish.title(kind)) \(PeopleFormat.number(count))")
            }
            if index % max(1, nights.count / 6) == 0 || index == nights.count - 1 {
                text(x: x + slot * 0.35, y: bottom + 16, format.shortDay(night.day), anchor: "middle")
            }
        }
        // The legend sits inside the picture, so the picture alone can be read.
        var legendX = left
        var legendY = 222.0
        for kind in kinds {
            let label = PlainEnglish.title(kind)
            let width = 18 + Double(label.count) * 6.6
            if legendX + width > right { legendX = left; legendY += 16 }
            rect(x: legendX, y: legendY - 9, width: 10, height: 10, fill: KindColor.hex(kind.rawValue), title: nil)
            text(x: legendX + 14, y: legendY, label)
            legendX += width + 8
        }
        out.raw("</svg></div>\n")
        tableStart(["Night"] + kinds.map(PlainEnglish.title) + ["Total"])
        for (night, total) in zip(nights, totals).reversed() {
            tableRow([format.day(night.day)] + kinds.map { PeopleFormat.number(night.counts[$0] ?? 0) } + [PeopleFormat.number(total)])
        }
        tableEnd()
        figureEnd()
    }

    /// The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at least `value`, so the axis
    /// reads in round steps without wasting half the chart.
    static func niceCeiling(_ value: Int) -> Int {
        var power = 1
        while power * 10 <= value { power *= 10 }
        for tenths in [10, 15, 20, 25, 30, 40, 50, 60, 80, 100] {
            let candidate = max(1, power * tenths / 10)
            if candidate >= value { return candidate }
        }
        return 10 * power
    }

    // MARK: Transit days by region

    private mutating func writeTransitChart() {
        let regions = Region.allCases.filter { (statistics.transit[$0]?.total ?? 0) > 0 }
        figureStart(
            id: "c-transit", title: "Transit time of delivered parcels, by region",
            note: "Business days from hand-over to delivery. The shaded band is the published transit window "
                + "(processing comes before it); the dark line is the median, the dashed line the 90th percentile.")
        guard !regions.isEmpty else {
            out.raw("<p class=\"none\">No delivered parcel yet.</p>")
            figureEnd()
            return
        }
        let blockHeight = 100.0
        let left = 20.0, right = 630.0
        let bins = TransitHistogram.maximumDay + 1
        let binWidth = (right - left) / Double(bins)
        svgStart(id: "c-transit", width: 640, height: Double(regions.count) * blockHeight + 6)
        for (index, region) in regions.enumerated() {
            guard let histogram = statistics.transit[region] else { continue }
            let window = run.policy.transitBusinessDays(for: region)
            let top = Double(index) * blockHeight
            let base = top + 76
            let within = histogram.count(in: window.lowerBound...window.upperBound)
                + histogram.count(in: 0...max(0, window.lowerBound - 1))
            text(x: left, y: top + 14, "\(run.policy.rules(for: region).name): \(PeopleFormat.number(histogram.total)) delivered", bold: true)
            text(
                x: left, y: top + 28,
                "median \(histogram.percentile(0.5) ?? 0) business days · 90% within \(histogram.percentile(0.9) ?? 0) · "
                    + "\(PeopleFormat.percent(within, of: histogram.total)) within the window (≤ \(window.upperBound))")
            let bandX = left + Double(window.lowerBound) * binWidth
            let bandWidth = Double(window.upperBound - window.lowerBound + 1) * binWidth
            rect(x: bandX, y: top + 36, width: bandWidth, height: 40, fill: "#d3f9d8",
                 title: "Published window: \(window.lowerBound)–\(window.upperBound) business days")
            let highest = Double(max(histogram.counts.max() ?? 1, 1))
            for (day, count) in histogram.counts.enumerated() where count > 0 {
                let height = max(1, 38 * Double(count) / highest)
                let late = day > window.upperBound
                rect(x: left + Double(day) * binWidth + 0.5, y: base - height, width: binWidth - 1, height: height,
                     fill: late ? "#c92a2a" : "#1c64f2",
                     title: "\(day == TransitHistogram.maximumDay ? "\(day) or more" : "\(day)") business days: \(PeopleFormat.number(count))")
            }
            for (fraction, dashed) in [(0.5, false), (0.9, true)] {
                guard let day = histogram.percentile(fraction) else { continue }
                let x = left + (Double(day) + 0.5) * binWidth
                out.raw("<line x1=\"\(SVGNumber.text(x))\" x2=\"\(SVGNumber.text(x))\" y1=\"\(SVGNumber.text(top + 34))\" y2=\"\(SVGNumber.text(base))\" class=\"\(dashed ? "p90" : "med")\"/>")
            }
            out.raw("<line x1=\"\(SVGNumber.text(left))\" x2=\"\(SVGNumber.text(right))\" y1=\"\(SVGNumber.text(base))\" y2=\"\(SVGNumber.text(base))\" class=\"axis\"/>")
            for tick in stride(from: 0, through: TransitHistogram.maximumDay, by: 10) {
                let x = left + (Double(tick) + 0.5) * binWidth
                text(x: x, y: base + 13, tick == TransitHistogram.maximumDay ? "\(tick)+" : "\(tick)", anchor: "middle", small: true)
            }
        }
        out.raw("</svg></div>\n")
        tableStart(["Region", "Delivered", "Window (business days)", "Median", "90th percentile", "Within window", "Over window"])
        for region in regions {
            guard let histogram = statistics.transit[region] else { continue }
            let window = run.policy.transitBusinessDays(for: region)
            let over = histogram.count(in: (window.upperBound + 1)...TransitHistogram.maximumDay)
            tableRow([
                run.policy.rules(for: region).name, PeopleFormat.number(histogram.total),
                "\(window.lowerBound)–\(window.upperBound)", "\(histogram.percentile(0.5) ?? 0)",
                "\(histogram.percentile(0.9) ?? 0)", PeopleFormat.percent(histogram.total - over, of: histogram.total),
                "\(PeopleFormat.number(over)) (\(PeopleFormat.percent(over, of: histogram.total)))",
            ])
        }
        tableEnd()
        figureEnd()
    }

    // MARK: On time by carrier and region

    private mutating func writeOnTimeChart() {
        let rows = statistics.onTime.sorted { lhs, rhs in
            let left = lhs.key.carrier?.rawValue ?? ""
            let right = rhs.key.carrier?.rawValue ?? ""
            if left != right { return left < right }
            return Region.allCases.firstIndex(of: lhs.key.region)! < Region.allCases.firstIndex(of: rhs.key.region)!
        }
        figureStart(
            id: "c-ontime", title: "Delivered on time, by carrier and region",
            note: "Delivered parcels that arrived by the latest promised date; the count is how many were delivered.")
        guard !rows.isEmpty else {
            out.raw("<p class=\"none\">No delivered parcel yet.</p>")
            figureEnd()
            return
        }
        let rowHeight = 22.0
        svgStart(id: "c-ontime", width: 640, height: Double(rows.count) * rowHeight + 26)
        let left = 262.0, full = 250.0
        for percent in [0, 50, 100] {
            let x = left + full * Double(percent) / 100
            out.raw("<line x1=\"\(SVGNumber.text(x))\" x2=\"\(SVGNumber.text(x))\" y1=\"2\" y2=\"\(SVGNumber.text(Double(rows.count) * rowHeight + 6))\" class=\"grid\"/>")
            text(x: x, y: Double(rows.count) * rowHeight + 20, "\(percent)%", anchor: "middle", small: true)
        }
        for (index, row) in rows.enumerated() {
            let y = 4 + Double(index) * rowHeight
            let label = "\(run.carrierName(row.key.carrier)) · \(run.policy.rules(for: row.key.region).name)"
            let share = Double(row.value.onTime) / Double(max(row.value.total, 1))
            text(x: left - 8, y: y + 15, label, anchor: "end")
            rect(x: left, y: y + 3, width: full, height: 15, fill: "#f1f3f5", title: nil)
            rect(x: left, y: y + 3, width: max(1, full * share), height: 15,
                 fill: share >= 0.9 ? "#2b8a3e" : share >= 0.75 ? "#a87b00" : "#c92a2a",
                 title: "\(label): \(PeopleFormat.percent(row.value.onTime, of: row.value.total)) on time")
            text(x: left + full + 6, y: y + 15, "\(PeopleFormat.percent(row.value.onTime, of: row.value.total)) of \(PeopleFormat.number(row.value.total))")
        }
        out.raw("</svg></div>\n")
        tableStart(["Carrier", "Region", "Delivered", "On time", "Late", "On-time rate"])
        for row in rows {
            tableRow([
                run.carrierName(row.key.carrier), run.policy.rules(for: row.key.region).name,
                PeopleFormat.number(row.value.total), PeopleFormat.number(row.value.onTime),
                PeopleFormat.number(row.value.late), PeopleFormat.percent(row.value.onTime, of: row.value.total),
            ])
        }
        tableEnd()
        figureEnd()
    }

    // MARK: Drawing

    private mutating func figureStart(id: String, title: String, note: String) {
        out.raw("<figure id=\"\(id)\" class=\"chart\"><figcaption><b id=\"\(id)-t\">")
        out.text(title)
        out.raw("</b> <span id=\"\(id)-d\">")
        out.text(note)
        out.raw("</span></figcaption>\n")
    }

    private mutating func svgStart(id: String, width: Double, height: Double) {
        out.raw("<div class=\"sv\"><svg viewBox=\"0 0 \(SVGNumber.text(width)) \(SVGNumber.text(height))\" role=\"img\" "
            + "aria-labelledby=\"\(id)-t \(id)-d\" xmlns=\"http://www.w3.org/2000/svg\">")
    }

    private mutating func figureEnd() { out.raw("</figure>\n") }

    private mutating func tableStart(_ headers: [String]) {
        out.raw("<details><summary>The numbers</summary><table class=\"plain\"><thead><tr>")
        for header in headers {
            out.raw("<th scope=\"col\">")
            out.text(header)
            out.raw("</th>")
        }
        out.raw("</tr></thead><tbody>\n")
    }

    private mutating func tableEnd() { out.raw("</tbody></table></details>\n") }

    private mutating func tableRow(_ cells: [String]) {
        out.raw("<tr>")
        for (index, cell) in cells.enumerated() {
            out.raw(index == 0 ? "<th scope=\"row\">" : "<td class=\"num\">")
            out.text(cell)
            out.raw(index == 0 ? "</th>" : "</td>")
        }
        out.raw("</tr>\n")
    }

    private mutating func text(
        x: Double, y: Double, _ value: String, anchor: String? = nil, bold: Bool = false, small: Bool = false
    ) {
        out.raw("<text x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(y))\"")
        if let anchor { out.raw(" text-anchor=\"\(anchor)\"") }
        if bold { out.raw(" font-weight=\"600\"") }
        if small { out.raw(" class=\"sm\"") }
        out.raw(">")
        out.text(value)
        out.raw("</text>")
    }

    private mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String?) {
        out.raw("<rect x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(y))\" width=\"\(SVGNumber.text(width))\" "
            + "height=\"\(SVGNumber.text(height))\" fill=\"\(fill)\"")
        if let title {
            out.raw("><title>")
            out.text(title)
            out.raw("</title></rect>")
        } else {
            out.raw("/>")
        }
    }
}

extension StatusBucket {
    /// A label short enough for the chart's left column.
    var shortTitle: String {
        switch self {
        case .otherProblem: "Lost, damaged, address, refused"
        case .returning: "Being returned"
        case .returned: "Returned"
        default: title
        }
    }
}
