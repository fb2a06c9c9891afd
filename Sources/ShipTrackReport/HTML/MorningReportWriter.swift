
/// Writes `report.html`, the morning report: one self-contained page (no network, fonts or scripts from elsewhere)
/// that tells a store's operations person what needs action today, most urgent first, and summarises the rest.
///
/// ## Input model
/// The batch fills plain value types from what it has per shipment, without re-reading its database:
/// - ``ReportRun``: the header. Store name, policy (zone, windows), the run's "now" and times, the order file with
///   its ``RejectedRow``s, the tracking ``SourceProblem``s, and carrier display names.
/// - ``ReportOrder``: one per order. Order ID, customer name and e-mail when the file has them, destination
///   (`ResolvedCountry`), order time and promise (``ReportOrder/init(orderID:customerName:customerEmail:estimate:parcels:flags:changes:)``
///   takes them from the `OrderEstimate`), its ``ReportParcel``s, its ``ReportFlag``s and its ``ReportChange``s.
/// - ``ReportParcel``: the parcel's `ShipmentEstimate` (number, status, dates, flags), carrier, public tracking
///   URL, newest `TrackingEvent` (with an English wording when the carrier definition has one) and ``CheckState``
///   (checked at, final, or not checked with a ``NotCheckedReason`` and the last check).
/// - ``ReportFlag``: a `DeliveryFlag` (typed facts) with its ``ReportFlag/State`` since the last run: new, still
///   open, handled (an ``Acknowledgement`` with note and time), or cleared (kind and parcel only).
/// - ``ReportStatistics``: counts over every order, filled by ``ReportStatistics/add(_:)`` while the batch walks
///   them (orders needing nothing are only counted here, never listed).
/// - ``FlagHistory``: flags per night for the last 30 nights, from the batch's run records.
///
/// ## Use
/// ```swift
/// var statistics = ReportStatistics()
/// for order in everyOrder { statistics.add(order) }                  // first pass (the batch already walks them)
/// var writer = try MorningReportWriter(sink: file, run: header, statistics: statistics, templates: templates)
/// for order in listed.sorted(by: ReportOrder.reportOrder) { try writer.add(order) }  // placement != .none, or cleared flags
/// try writer.finish(history: history)
/// ```
/// Orders must come in ``ReportOrder/placement`` order: the action groups in ``ActionGroup`` order (most urgent
/// first within each: ``ActionUrgency``), then the handled orders. An action order after a later group or after a
/// handled order throws ``MorningReportError``. Orders whose placement is `.none` may come anywhere: only their
/// cleared flags are kept (compactly) for the "Cleared" section. Output is streamed into the sink in chunks of
/// about 64 KiB; the writer holds no order after ``add(_:)`` returns.
///
/// ## The page
/// Header (store, run time in the store's zone and UTC, counts), the action groups with counts, then one table
/// per group with one row per order; problems with tracking sources; rejected order rows; handled; cleared; then
/// "everything else": counts of orders needing nothing and four inline SVG charts (parcels by status, flags over
/// the last 30 nights, transit days by region against the promised window, on-time rate by carrier and region),
/// each with a text table. A few lines of inline script add filtering (flag, carrier, region, search, new only)
/// and sorting; their state lives in the URL fragment (`report.html#flag=late&carrier=usps&q=smith`). Without
/// script the page reads in full. See `docs/morning-report.md`.
public struct MorningReportWriter<Sink: ReportSink> {
    // Internal, not private: the header, summary and chart parts live in extensions in their own files.
    var out: ByteOutput<Sink>
    let html: ReportHTML
    let statistics: ReportStatistics
    private var phase = Phase.actions
    private var currentGroup: ActionGroup?
    /// Rows of the "Cleared" section, rendered when their order came by (small: a night's cleared flags).
    private var cleared = ByteOutput(sink: MemorySink())
    private var clearedRows = 0
    private var handledRows = 0

    private enum Phase { case actions, handled, finished }

    /// The sink, with everything written so far (all of it after ``finish(history:)``).
    public var sink: Sink { out.sink }
    /// Bytes of HTML produced so far.
    public var bytesWritten: Int { out.count }

    /// Starts the page: head, style, header with the run and the action counts, filters.
    /// - Parameter statistics: counts over every order of the run (the header shows the action counts first).
    public init(
        sink: Sink, run: ReportRun, statistics: ReportStatistics, templates: MessageTemplates = .builtIn
    ) throws {
        self.out = ByteOutput(sink: sink)
        self.html = ReportHTML(run: run, templates: templates)
        self.statistics = statistics
        writeHead()
        writeHeader()
        writeFilters()
        out.raw("<main>\n")
        try out.flushIfFull()
    }

    /// Adds an order in ``ReportOrder/placement`` order.
    /// - Throws: ``MorningReportError`` when the order comes out of order or after ``finish(history:)``; the sink's
    ///   errors.
    public mutating func add(_ order: ReportOrder) throws {
        guard phase != .finished else {
            throw MorningReportError(orderID: order.orderID, message: "added after the report was finished")
        }
        let placement = order.placement
        if case .action(let urgency) = placement {
            guard phase == .actions else {
                throw MorningReportError(
                    orderID: order.orderID, message: "an order needing action came after the handled orders")
            }
            if let current = currentGroup, urgency.group < current {
                throw MorningReportError(
                    orderID: order.orderID,
                    message: "an order of \"\(urgency.group.title)\" came after \"\(current.title)\": orders must "
                        + "come in urgency order (ReportOrder.reportOrder)")
            }
        }
        if !order.clearedFlags.isEmpty {
            html.clearedRow(order, into: &cleared)
            clearedRows += 1
        }
        switch placement {
        case .action(let urgency):
            if urgency.group != currentGroup {
                closeGroup()
                openGroup(urgency.group)
            }
            html.actionRow(order, group: urgency.group, into: &out)
        case .handled:
            if phase == .actions { endActions() }
            if handledRows == 0 { openHandled(withTable: true) }
            html.handledRow(order, into: &out)
            handledRows += 1
        case .none:
            break
        }
        try out.flushIfFull()
    }

    /// Ends the page: the sections not yet written, the summary and charts, the script; flushes into the sink.
    public mutating func finish(history: FlagHistory = FlagHistory()) throws {
        guard phase != .finished else { return }
        if phase == .actions { endActions() }
        if handledRows == 0 {
            openHandled(withTable: false)
            out.raw("<p class=\"none\">None today.</p>\n</section>\n")
        } else {
            out.raw("</tbody></table>\n</section>\n")
        }
        try writeCleared()
        try out.flushIfFull()
        writeSummary(history: history)
        writeFooter()
        phase = .finished
        try out.flush()
    }

    // MARK: Sections

    private mutating func endActions() {
        closeGroup()
        if statistics.actionTotal == 0 {
            out.raw("<p class=\"none\">Nothing needs action today.</p>\n")
        }
        writeSourceProblems()
        writeRejectedRows()
        phase = .handled
    }

    private mutating func openGroup(_ group: ActionGroup) {
        currentGroup = group
        let count = statistics.actionOrders[group] ?? 0
        out.raw("<section id=\"g-\(group.id)\" class=\"rows k-\(group.id)\">\n<h2>")
        out.text(group.title)
        out.raw(" <span class=\"n\">")
        out.text(PeopleFormat.count(count, "order"))
        out.raw("</span><span class=\"shown\"></span></h2>\n<p class=\"todo\">")
        out.text(group.whatToDo)
        out.raw("</p>\n<table class=\"orders act\"><thead><tr><th scope=\"col\">Order</th><th scope=\"col\">Destination</th>"
            + "<th scope=\"col\">Parcels and last event</th><th scope=\"col\">Key dates</th>"
            + "<th scope=\"col\">Flags and changes</th><th scope=\"col\">Suggested message</th></tr></thead><tbody>\n")
    }

    private mutating func closeGroup() {
        guard currentGroup != nil else { return }
        out.raw("</tbody></table>\n</section>\n")
        currentGroup = nil
    }

    private mutating func openHandled(withTable: Bool) {
        out.raw("<section id=\"handled\" class=\"rows\">\n<h2>Handled <span class=\"n\">")
        out.text(PeopleFormat.count(statistics.handledOrders, "order"))
        out.raw("</span><span class=\"shown\"></span></h2>\n<p class=\"todo\">Flags the store acknowledged "
            + "(<code>shiptrack ack</code>), with the note. They come back to the action list when a parcel's status "
            + "changes or a new flag is raised.</p>\n")
        guard withTable else { return }
        out.raw("<table class=\"orders hd\"><thead><tr><th scope=\"col\">Order</th><th scope=\"col\">Destination</th>"
            + "<th scope=\"col\">Parcels and last event</th><th scope=\"col\">Handled flags</th></tr></thead><tbody>\n")
    }

    private mutating func writeCleared() throws {
        out.raw("<section id=\"cleared\" class=\"rows\">\n<h2>Cleared since the last run <span class=\"n\">")
        out.text(PeopleFormat.count(statistics.clearedFlags, "flag"))
        out.raw("</span><span class=\"shown\"></span></h2>\n<p class=\"todo\">Listed once, the morning after they "
            + "cleared: delivered at last, the refund window closed, tracking appeared.</p>\n")
        guard clearedRows > 0 else {
            out.raw("<p class=\"none\">None today.</p>\n</section>\n")
            return
        }
        out.raw("<table class=\"orders cl\"><thead><tr><th scope=\"col\">Order</th><th scope=\"col\">Destination</th>"
            + "<th scope=\"col\">Cleared, and why</th></tr></thead><tbody>\n")
        try cleared.flush()
        out.raw(bytes: cleared.sink.bytes)
        out.raw("</tbody></table>\n</section>\n")
    }
}
