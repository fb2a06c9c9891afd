import Foundation
import ShipTrackEstimate
import ShipTrackModel

/// Renders the parts of `report.html` that repeat: order rows of each section. Every value from the run (order
/// IDs, names, addresses, carrier words, notes) goes through ``ByteOutput/text(_:)``; only this type's own markup is
/// written raw.
struct ReportHTML: Sendable {
    let run: ReportRun
    let templates: MessageTemplates
    let format: PeopleFormat

    init(run: ReportRun, templates: MessageTemplates) {
        self.run = run
        self.templates = templates
        self.format = PeopleFormat(calendar: run.policy.calendar, asOf: run.asOf)
    }

    // MARK: Rows

    /// A row of the action list: who, where, the parcels with their last event, the key dates, the flags and what
    /// changed, and the suggested message for the most urgent flag.
    func actionRow<S>(_ order: ReportOrder, group: ActionGroup, into out: inout ByteOutput<S>) {
        rowStart(order, into: &out)
        orderCell(order, into: &out)
        destinationCell(order, into: &out)
        parcelsCell(order, into: &out)
        datesCell(order, into: &out)
        out.raw("<td>")
        flagList(order.raisedFlags, order: order, into: &out)
        changes(order, into: &out)
        out.raw("</td><td>")
        if group == .notChecked {
            out.raw("<small>Nothing to send yet: open the tracking page if it matters.</small>")
        } else {
            message(order, flag: order.leadingFlag, into: &out)
        }
        out.raw("</td></tr>\n")
    }

    /// A row of the "Handled" section: the order, its parcels and the acknowledged flags with their notes.
    func handledRow<S>(_ order: ReportOrder, into out: inout ByteOutput<S>) {
        rowStart(order, into: &out)
        orderCell(order, into: &out)
        destinationCell(order, into: &out)
        parcelsCell(order, into: &out)
        out.raw("<td>")
        flagList(order.raisedFlags, order: order, into: &out)
        changes(order, into: &out)
        out.raw("</td></tr>\n")
    }

    /// A row of the "Cleared" section: the order, and which flags cleared and why (the why names the status now).
    func clearedRow<S>(_ order: ReportOrder, into out: inout ByteOutput<S>) {
        rowStart(order, into: &out)
        orderCell(order, into: &out)
        destinationCell(order, into: &out)
        out.raw("<td><ul class=\"fl\">")
        for flag in order.clearedFlags {
            out.raw("<li class=\"k-\(flag.kind.rawValue)\"><b>")
            out.text(PlainEnglish.title(flag.kind))
            out.raw("</b> ")
            out.text(clearedBecause(flag, order: order))
            if let parcel = order.parcel(named: flag.parcel), let number = parcel.trackingNumber {
                out.raw(" <small>")
                trackingNumber(number, parcel: parcel, into: &out)
                out.raw("</small>")
            }
            out.raw("</li>")
        }
        out.raw("</ul></td></tr>\n")
    }

    /// The tracking number, linked to the carrier's page when there is a usable one.
    private func trackingNumber<S>(_ number: String, parcel: ReportParcel, into out: inout ByteOutput<S>) {
        if let url = parcel.safeTrackingURL {
            out.raw("<a href=\"")
            out.text(url.absoluteString)
            out.raw("\">")
            out.text(number)
            out.raw("</a>")
        } else {
            out.raw("<i>")
            out.text(number)
            out.raw("</i>")
        }
    }

    /// `<tr>` with what the filters need: every raised flag kind (and `not_checked`), the carriers, the region, and
    /// whether anything is new.
    private func rowStart<S>(_ order: ReportOrder, into out: inout ByteOutput<S>) {
        var kinds = order.raisedFlags.map(\.kind.rawValue) + order.clearedFlags.map(\.kind.rawValue)
        if order.parcels.contains(where: { $0.check.isNotChecked }) { kinds.append(ActionGroup.notChecked.id) }
        var seen = Set<String>()
        kinds = kinds.filter { seen.insert($0).inserted }
        let carriers = Set(order.parcels.compactMap { $0.carrier?.rawValue }).sorted()
        let isNew = !order.changes.isEmpty || order.flags.contains { $0.state == .new || $0.state == .cleared }
        out.raw("<tr data-k=\"")
        out.text(kinds.joined(separator: " "))
        out.raw("\" data-c=\"")
        out.text(carriers.joined(separator: " "))
        out.raw("\" data-r=\"")
        out.text(order.destination.region?.rawValue ?? Region.notServedName)
        out.raw(isNew ? "\" data-n=\"1\">" : "\">")
    }

    private func orderCell<S>(_ order: ReportOrder, into out: inout ByteOutput<S>) {
        out.raw("<td><b>")
        out.text(order.orderID)
        out.raw("</b>")
        if let name = order.customerName, !name.isEmpty {
            out.raw("<bdi>")
            out.text(name)
            out.raw("</bdi>")
        }
        if let email = order.customerEmail, !email.isEmpty {
            // Only something shaped like an address becomes a mailto: link; anything else stays text.
            if Self.looksLikeEmail(email) {
                out.raw("<a href=\"mailto:")
                out.text(email)
                out.raw("\">")
                // Break a long address before its domain, not in the middle of a word.
                let at = email.lastIndex(of: "@") ?? email.endIndex
                out.text(String(email[..<at]))
                out.raw("<wbr>")
                out.text(String(email[at...]))
                out.raw("</a>")
            } else {
                out.raw("<span>")
                out.text(email)
                out.raw("</span>")
            }
        }
        out.raw("<small>Ordered ")
        out.text(format.day(run.policy.calendar.day(of: order.orderedAt)))
        out.raw("</small></td>")
    }

    private func destinationCell<S>(_ order: ReportOrder, into out: inout ByteOutput<S>) {
        out.raw("<td>")
        out.text(order.destination.name)
        if let region = order.destination.region {
            // The region's row of the shipping table, unless it only repeats the country (United States).
            let name = run.policy.rules(for: region).name
            if name != order.destination.name {
                out.raw("<small>")
                out.text(name)
                out.raw("</small>")
            }
        } else {
            out.raw("<small>not served</small>")
        }
        out.raw("</td>")
    }

    /// Each parcel: number linked to the carrier's page, carrier, status; the last event in the carrier's words and
    /// in English, with its place and time; when it was last checked.
    private func parcelsCell<S>(_ order: ReportOrder, into out: inout ByteOutput<S>) {
        out.raw("<td>")
        for parcel in order.parcels {
            out.raw("<div class=\"p\"><span>")
            if let number = parcel.trackingNumber {
                trackingNumber(number, parcel: parcel, into: &out)
                out.raw(" ")
                out.text(run.carrierName(parcel.carrier))
                out.raw(" · ")
            } else if order.parcels.count > 1 {
                out.text(parcel.name)
                out.raw(" · ")
            }
            out.raw("<b>")
            out.text(parcel.status.plainEnglish)
            out.raw("</b></span>")
            if let event = parcel.lastEvent {
                let english = parcel.lastEventEnglish ?? PlainEnglish.meaning(of: event)
                out.raw(HTMLText.hasCJK(event.description) ? "<span><q lang=\"zh\">" : "<span><q>")
                out.text(event.description)
                out.raw("</q>")
                if !PlainEnglish.sameWords(event.description, english) {
                    out.raw(" <i>= ")
                    out.text(english)
                    out.raw("</i>")
                }
                out.raw("</span><small>")
                let place = event.location.displayText
                if !place.isEmpty {
                    if HTMLText.hasCJK(place) { out.raw("<span lang=\"zh\">") }
                    out.text(place)
                    if HTMLText.hasCJK(place) { out.raw("</span>") }
                    out.raw(" · ")
                }
                out.text(format.eventTime(event.time))
                out.raw("</small>")
            }
            checkLine(parcel.check, into: &out)
            out.raw("</div>")
        }
        out.raw("</td>")
    }

    private func checkLine<S>(_ check: CheckState, into out: inout ByteOutput<S>) {
        switch check {
        case .notShipped:
            return
        case .checked(let at):
            out.raw("<small>Checked ")
            out.text(format.recentTime(at))
            out.raw("</small>")
        case .final(let at):
            out.raw("<small>Final, not checked again; last ")
            out.text(at.map(format.recentTime) ?? "never")
            out.raw("</small>")
        case .notChecked(let reason, let at):
            out.raw("<small class=\"nc\">Not checked this run: ")
            out.text(reason.sentence)
            out.raw(". Last checked ")
            out.text(at.map(format.recentTime) ?? "never")
            out.raw(".</small>")
        }
    }

    private func datesCell<S>(_ order: ReportOrder, into out: inout ByteOutput<S>) {
        out.raw("<td class=\"d\">")
        if let promised = order.promised {
            out.raw("Promised by <b>")
            out.text(format.day(promised.latest))
            out.raw("</b><br>")
        }
        if let guarantee = order.guarantee {
            out.raw("Guarantee ends <b>")
            out.text(format.day(guarantee.endsOn))
            out.raw("</b><br>Refund window closes <b>")
            out.text(format.day(guarantee.refundWindow.latest))
            out.raw("</b>")
        }
        out.raw("</td>")
    }

    /// The raised flags, most urgent first, each with its state: new, handled (with the note) or still open.
    private func flagList<S>(_ flags: [ReportFlag], order: ReportOrder, into out: inout ByteOutput<S>) {
        out.raw("<ul class=\"fl\">")
        for flag in flags {
            guard let raised = flag.raised else { continue }
            // "Refund window closing" says all that "refund eligible" says, with the days left.
            if flag.kind == .refundEligible,
                flags.contains(where: { $0.kind == .refundWindowClosing && $0.parcel == flag.parcel })
            {
                continue
            }
            out.raw("<li class=\"k-\(flag.kind.rawValue)\"><b>")
            out.text(PlainEnglish.title(flag.kind))
            out.raw("</b> ")
            if flag.state == .new { out.raw("<em class=\"new\">new</em> ") }
            out.text(PlainEnglish.summary(raised, format))
            if let parcel = flag.parcel, order.parcels.count > 1 {
                out.raw(" <small>")
                out.text(parcel)
                out.raw("</small>")
            }
            if let acknowledgement = flag.acknowledgement {
                out.raw("<span class=\"ack\">Handled ")
                out.text(format.time(acknowledgement.at))
                if let by = acknowledgement.by, !by.isEmpty {
                    out.raw(" by ")
                    out.text(by)
                }
                out.raw(": <q>")
                out.text(acknowledgement.note)
                out.raw("</q>")
                if order.changes.contains(where: \.reopensHandledFlags) {
                    out.raw(" <strong>Changed since: back in the list.</strong>")
                }
                out.raw("</span>")
            }
            out.raw("</li>")
        }
        out.raw("</ul>")
    }

    private func changes<S>(_ order: ReportOrder, into out: inout ByteOutput<S>) {
        guard !order.changes.isEmpty else { return }
        out.raw("<p class=\"ch\">Since the last run: ")
        for (index, change) in order.changes.enumerated() {
            if index > 0 { out.raw("; ") }
            out.text(PlainEnglish.change(change))
        }
        out.raw("</p>")
    }

    private func message<S>(_ order: ReportOrder, flag: ReportFlag?, into out: inout ByteOutput<S>) {
        let message = templates.template(for: flag?.kind).render(
            MessageValues(order: order, flag: flag, run: run, format: format))
        out.raw("<details class=\"msg\"><summary>Message</summary><div>")
        out.text(message.plainText)
        out.raw("</div></details>")
    }

    /// Why a flag cleared, from what the order shows now.
    func clearedBecause(_ flag: ReportFlag, order: ReportOrder) -> String {
        let parcel = order.parcel(named: flag.parcel)
        let today = run.policy.calendar.day(of: run.asOf)
        if let delivered = parcel?.estimate.deliveredOn { return "delivered \(format.day(delivered))" }
        switch flag.kind {
        case .refundEligible, .refundWindowClosing:
            if let closes = parcel?.estimate.guarantee.refundWindow.latest, today > closes {
                return "refund window closed \(format.day(closes))"
            }
            return "no longer eligible (\(parcel?.status.plainEnglish.lowercased() ?? "no parcel"))"
        case .noTracking, .awaitingShipment:
            return "tracking now shows: \(parcel?.status.plainEnglish.lowercased() ?? "nothing")"
        case .stalled:
            return "moving again: \(parcel?.status.plainEnglish.lowercased() ?? "no status")"
        case .exception:
            return "the carrier no longer reports a problem: \(parcel?.status.plainEnglish.lowercased() ?? "no status")"
        case .cancellable:
            return "the cancellation window has passed"
        case .late, .deliveredLate, .notServed:
            return "no longer raised (now: \(parcel?.status.plainEnglish.lowercased() ?? "no status"))"
        }
    }

    /// `name@host.tld` without spaces or markup characters.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), text.count <= 254 else { return false }
        return !text.unicodeScalars.contains { $0.properties.isWhitespace || "<>\"'()[]\\,;:?&".unicodeScalars.contains($0) }
    }
}
