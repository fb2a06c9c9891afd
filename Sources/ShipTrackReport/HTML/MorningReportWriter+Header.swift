import Foundation
import ShipTrackEstimate
import ShipTrackModel

extension MorningReportWriter {
    var run: ReportRun { html.run }
    var format: PeopleFormat { html.format }

    mutating func writeHead() {
        out.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<meta name=\"generator\" content=\"ShipTrack\">\n<title>Morning report · ")
        out.text(run.storeName)
        out.raw(" · ")
        out.text(format.longDay(run.policy.calendar.day(of: run.asOf)))
        out.raw("</title>\n<style>\n")
        out.raw(ReportStyle.css)
        out.raw("</style>\n</head>\n<body>\n")
    }

    /// The run (store zone and UTC), what was read and checked, warnings, and the action groups with their counts.
    mutating func writeHeader() {
        out.raw("<header class=\"top\">\n<h1>Morning report <span>")
        out.text(run.storeName)
        out.raw("</span></h1>\n<p class=\"run\">As of <b>")
        out.text(format.time(run.asOf))
        out.raw("</b> (")
        out.text(format.zoneName(at: run.asOf))
        out.raw(") · ")
        out.text(format.utc(run.asOf))
        if let id = run.runID {
            out.raw(" · run ")
            out.number(Int(id))
        }
        if let previous = run.previousRunAsOf {
            out.raw(" · previous run ")
            out.text(format.time(previous))
        } else {
            out.raw(" · first run: every flag is new")
        }
        out.raw("</p>\n<p class=\"run\">")
        if let file = run.orderFile {
            out.text(file)
            out.raw(": ")
        }
        out.text(PeopleFormat.count(run.rowsRead, "row"))
        if run.rowsRejected > 0 {
            out.raw(", <a href=\"#rejected\">")
            out.text(PeopleFormat.number(run.rowsRejected))
            out.raw(" rejected</a>")
        }
        out.raw(" · ")
        out.text(PeopleFormat.count(statistics.shipments, "shipment"))
        out.raw(" in ")
        out.text(PeopleFormat.count(statistics.orders, "order"))
        if let started = run.startedAt, let finished = run.finishedAt {
            out.raw(" · checked in ")
            out.text(PeopleFormat.duration(finished.timeIntervalSince(started)))
        }
        if statistics.notCheckedParcels > 0 {
            // Link to the group only when it exists: not-checked parcels of orders with flags sit in those groups.
            let linked = (statistics.actionOrders[.notChecked] ?? 0) > 0
            out.raw(linked ? " · <a href=\"#g-not_checked\">" : " · ")
            out.text(PeopleFormat.count(statistics.notCheckedParcels, "parcel"))
            out.raw(linked ? " not checked</a>" : " not checked")
        }
        if run.stoppedAtDeadline { out.raw(" · <b>stopped at the deadline</b>") }
        out.raw("</p>\n<p class=\"run\">Times are in the store's zone, ")
        out.text(format.zoneName(at: run.asOf))
        out.raw(".</p>\n")
        if !run.sourceProblems.isEmpty {
            out.raw("<p class=\"alert\" role=\"alert\"><b>")
            out.text(PeopleFormat.count(run.sourceProblems.count, "tracking source problem"))
            out.raw(":</b> ")
            for (index, problem) in run.sourceProblems.enumerated() {
                if index > 0 { out.raw("; ") }
                out.text("\(problem.source) \(SourceProblemText.adjective(problem.kind))")
            }
            out.raw(". <a href=\"#sources\">Details</a></p>\n")
        }
        writeNavigation()
        out.raw("</header>\n")
    }

    private mutating func writeNavigation() {
        out.raw("<nav aria-labelledby=\"act\">\n<h2 id=\"act\">Needs action today: ")
        out.text(PeopleFormat.count(statistics.actionTotal, "order"))
        if statistics.ordersWithNewFlags > 0 {
            out.raw(" <small>(")
            out.text(PeopleFormat.number(statistics.ordersWithNewFlags))
            out.raw(" with new flags)</small>")
        }
        out.raw("</h2>\n<ol class=\"groups\">\n")
        for group in ActionGroup.allCases {
            let count = statistics.actionOrders[group] ?? 0
            groupLink(id: "g-\(group.id)", kind: group.id, count: count, title: group.title)
        }
        groupLink(id: "sources", kind: "sources", count: run.sourceProblems.count, title: "Problems with tracking sources")
        groupLink(id: "rejected", kind: "rejected", count: run.rowsRejected, title: "Rejected order rows")
        out.raw("</ol>\n<p class=\"also\">Also: <a href=\"#handled\">")
        out.text(PeopleFormat.number(statistics.handledOrders))
        out.raw(" handled</a> · <a href=\"#cleared\">")
        out.text(PeopleFormat.number(statistics.clearedFlags))
        out.raw(" cleared</a> · <a href=\"#summary\">everything else, and charts</a></p>\n</nav>\n")
    }

    private mutating func groupLink(id: String, kind: String, count: Int, title: String) {
        if count == 0 {
            out.raw("<li class=\"zero k-\(kind)\"><b>0</b> ")
            out.text(title)
            out.raw("</li>\n")
        } else {
            out.raw("<li class=\"k-\(kind)\"><a href=\"#\(id)\"><b>")
            out.text(PeopleFormat.number(count))
            out.raw("</b> ")
            out.text(title)
            out.raw("</a></li>\n")
        }
    }

    /// The filter form: hidden until the script shows it, so a page without script shows no dead controls.
    mutating func writeFilters() {
        out.raw("<form id=\"filters\" class=\"filters\" role=\"search\" hidden>\n<label>Flag <select id=\"f-flag\">"
            + "<option value=\"\">All</option>")
        for group in ActionGroup.allCases {
            out.raw("<option value=\"\(group.id)\">")
            out.text(group.title)
            out.raw("</option>")
        }
        for kind in [DeliveryFlag.Kind.deliveredLate, .cancellable] {
            out.raw("<option value=\"\(kind.rawValue)\">")
            out.text(PlainEnglish.title(kind))
            out.raw("</option>")
        }
        out.raw("</select></label>\n<label>Carrier <select id=\"f-carrier\"><option value=\"\">All</option>")
        for carrier in statistics.carriers.sorted() {
            out.raw("<option value=\"")
            out.text(carrier.rawValue)
            out.raw("\">")
            out.text(run.carrierName(carrier))
            out.raw("</option>")
        }
        out.raw("</select></label>\n<label>Region <select id=\"f-region\"><option value=\"\">All</option>")
        for region in Region.allCases where statistics.regions.contains(region) {
            out.raw("<option value=\"\(region.rawValue)\">")
            out.text(run.policy.rules(for: region).name)
            out.raw("</option>")
        }
        out.raw("<option value=\"\(Region.notServedName)\">Not served</option></select></label>\n"
            + "<label class=\"q\">Search <input id=\"f-q\" type=\"search\" autocomplete=\"off\" "
            + "placeholder=\"Order, name, e-mail, tracking number\"></label>\n"
            + "<label><input id=\"f-new\" type=\"checkbox\"> Changed since the last run</label>\n"
            + "<label>Sort <select id=\"f-sort\"><option value=\"\">Most urgent first</option>"
            + "<option value=\"order\">Order</option><option value=\"customer\">Customer</option>"
            + "<option value=\"destination\">Destination</option></select></label>\n"
            + "<button type=\"button\" id=\"f-reset\">Clear</button> <output id=\"f-count\" aria-live=\"polite\"></output>\n"
            + "</form>\n")
    }

    mutating func writeSourceProblems() {
        out.raw("<section id=\"sources\" class=\"k-sources\">\n<h2>Problems with tracking sources <span class=\"n\">")
        out.text(PeopleFormat.number(run.sourceProblems.count))
        out.raw("</span></h2>\n")
        guard !run.sourceProblems.isEmpty else {
            out.raw("<p class=\"none\">None: every source answered as its definition expects.</p>\n</section>\n")
            return
        }
        out.raw("<p class=\"todo\">Problems of a source or of its definition, not of any parcel.</p>\n"
            + "<table class=\"plain\"><thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Problem</th>"
            + "<th scope=\"col\">What was seen</th><th scope=\"col\">Shipments affected</th><th scope=\"col\">Since</th>"
            + "<th scope=\"col\">What to do</th></tr></thead><tbody>\n")
        for problem in run.sourceProblems {
            out.raw("<tr><td>")
            out.text(problem.source)
            out.raw("</td><td><b>")
            out.text(SourceProblemText.title(problem.kind))
            out.raw("</b></td><td>")
            out.text(problem.detail)
            out.raw("</td><td class=\"num\">")
            out.text(PeopleFormat.number(problem.affectedShipments))
            out.raw("</td><td>")
            out.text(problem.since.map(format.time) ?? "")
            out.raw("</td><td>")
            out.text(SourceProblemText.whatToDo(problem.kind, carrier: problem.carrier?.rawValue))
            out.raw("</td></tr>\n")
        }
        out.raw("</tbody></table>\n</section>\n")
    }

    mutating func writeRejectedRows() {
        out.raw("<section id=\"rejected\" class=\"k-rejected\">\n<h2>Rejected order rows <span class=\"n\">")
        out.text(PeopleFormat.number(run.rowsRejected))
        out.raw("</span></h2>\n")
        guard run.rowsRejected > 0 || !run.rejectedRows.isEmpty else {
            out.raw("<p class=\"none\">None: every row of the order file was read.</p>\n</section>\n")
            return
        }
        out.raw("<p class=\"todo\">These rows were skipped: fix them in the order file; the next run reads them.")
        if run.rejectedRows.count < run.rowsRejected {
            out.raw(" The first ")
            out.text(PeopleFormat.number(run.rejectedRows.count))
            out.raw(" are listed; the run's log has them all.")
        }
        out.raw("</p>\n<table class=\"plain\"><thead><tr><th scope=\"col\">File</th><th scope=\"col\">Line</th>"
            + "<th scope=\"col\">Field</th><th scope=\"col\">Reason</th></tr></thead><tbody>\n")
        for row in run.rejectedRows {
            out.raw("<tr><td>")
            out.text(row.file)
            out.raw("</td><td class=\"num\">")
            out.number(row.line)
            out.raw("</td><td>")
            out.text(row.field ?? "")
            out.raw("</td><td>")
            out.text(row.reason)
            out.raw("</td></tr>\n")
        }
        out.raw("</tbody></table>\n</section>\n")
    }

    mutating func writeFooter() {
        out.raw("</main>\n<footer><p>Written by ShipTrack for ")
        out.text(run.storeName)
        out.raw(". Suggested messages follow the store's published policy; read them before sending. "
            + "flagged.csv has the same orders for a spreadsheet.</p></footer>\n<script>\n")
        out.raw(ReportScript.javaScript)
        out.raw("</script>\n</body>\n</html>\n")
    }
}
