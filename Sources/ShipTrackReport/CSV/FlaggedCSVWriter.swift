import Foundation
import ShipTrackEstimate
import ShipTrackModel

/// One row per order or per flag in `flagged.csv`.
public enum FlaggedCSVLayout: Sendable, Hashable {
    /// One row per order with at least one raised flag; lists of parcels are `; `-separated in parcel order.
    case orderRows
    /// One row per raised flag: the columns `flagged.csv` always had, then the new ones.
    case flagRows
}

/// Writes `flagged.csv` for spreadsheets: a UTF-8 byte order mark (so spreadsheet programs read UTF-8), a header,
/// then one row per flagged order (``Layout/orderRows``) or one row per flag (``Layout/flagRows``: the batch's
/// previous layout with the new columns after it). RFC 4180: quoted when needed, CRLF line ends; a cell starting
/// with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'` so it is never run as a formula.
///
/// Orders without a raised flag are skipped, so the batch may pass every order. Rows come out in the order the
/// orders are added (``ReportOrder/reportOrder(_:_:)`` gives the report's order). Columns:
/// `docs/morning-report.md`.
public struct FlaggedCSVWriter<Sink: ReportSink> {
    /// One row per order or per flag.
    public typealias Layout = FlaggedCSVLayout

    private var out: ByteOutput<Sink>
    private let layout: Layout
    private let run: ReportRun
    private let templates: MessageTemplates
    private let format: PeopleFormat

    /// The sink, with everything written so far (all of it after ``finish()``).
    public var sink: Sink { out.sink }
    /// Data rows written so far (the header is not counted).
    public private(set) var rows = 0

    /// The header of each layout.
    public static func columns(_ layout: Layout) -> [String] {
        switch layout {
        case .orderRows:
            [
                "order_id", "customer_name", "customer_email", "destination", "flags", "new_since_last_run", "handled",
                "parcels", "carriers", "statuses", "last_event", "last_event_time", "promised_by", "guarantee_ends",
                "refund_window_closes", "tracking_links", "suggested_message",
            ]
        case .flagRows:
            [
                "order_id", "tracking_number", "carrier", "destination", "region", "flag", "new_since_last_run",
                "reason", "ordered_on", "promised_latest", "guarantee_ends", "refund_window_closes", "status",
                "last_event_time", "last_event_place", "last_event",
                "customer_name", "customer_email", "status_text", "last_event_english", "tracking_link", "handled",
                "suggested_message",
            ]
        }
    }

    /// Starts the file: byte order mark and header.
    public init(
        sink: Sink, run: ReportRun, layout: Layout = .orderRows, templates: MessageTemplates = .builtIn
    ) throws {
        self.out = ByteOutput(sink: sink)
        self.layout = layout
        self.run = run
        self.templates = templates
        self.format = PeopleFormat(calendar: run.policy.calendar, asOf: run.asOf)
        out.raw(bytes: [0xEF, 0xBB, 0xBF])
        out.raw(CSVCell.row(Self.columns(layout)))
    }

    /// Adds an order's row (or rows); an order without a raised flag adds nothing.
    public mutating func add(_ order: ReportOrder) throws {
        let flags = order.raisedFlags
        guard !flags.isEmpty else { return }
        switch layout {
        case .orderRows: orderRow(order, flags: flags)
        case .flagRows: for flag in flags { flagRow(order, flag: flag) }
        }
        try out.flushIfFull()
    }

    /// Hands the rest to the sink.
    public mutating func finish() throws { try out.flush() }

    private mutating func orderRow(_ order: ReportOrder, flags: [ReportFlag]) {
        let parcels = order.parcels
        let guarantee = order.guarantee
        let message = templates.template(for: (order.leadingFlag ?? flags.first)?.kind).render(
            MessageValues(order: order, flag: order.leadingFlag ?? flags.first, run: run, format: format))
        out.raw(
            CSVCell.row([
                order.orderID, order.customerName ?? "", order.customerEmail ?? "", order.destination.name,
                Self.kinds(flags), Self.kinds(flags.filter { $0.state == .new }),
                flags.compactMap { flag in flag.acknowledgement.map { handledText(flag.kind, $0) } }.joined(separator: "; "),
                parcels.map { $0.trackingNumber ?? "not shipped" }.joined(separator: "; "),
                parcels.map { run.carrierName($0.carrier) }.joined(separator: "; "),
                parcels.map(\.status.plainEnglish).joined(separator: "; "),
                parcels.map { lastEvent($0) }.joined(separator: "; "),
                parcels.map { $0.lastEvent.map { format.eventTime($0.time, sortable: true) } ?? "" }.joined(separator: "; "),
                order.promised.map { "\($0.latest)" } ?? "", guarantee.map { "\($0.endsOn)" } ?? "",
                guarantee.map { "\($0.refundWindow.latest)" } ?? "",
                parcels.compactMap { $0.safeTrackingURL?.absoluteString }.joined(separator: " "),
                message.plainText,
            ]))
        rows += 1
    }

    private mutating func flagRow(_ order: ReportOrder, flag: ReportFlag) {
        guard let raised = flag.raised else { return }
        let parcel = order.parcel(named: flag.parcel)
        let estimate = parcel?.estimate
        let event = parcel?.lastEvent
        let message = templates.template(for: flag.kind).render(
            MessageValues(order: order, flag: flag, run: run, format: format))
        out.raw(
            CSVCell.row([
                order.orderID, parcel?.trackingNumber ?? "", parcel?.carrier?.rawValue ?? "",
                order.destination.alpha2, order.destination.region?.rawValue ?? Region.notServedName,
                flag.kind.rawValue, flag.state == .new ? "yes" : "no", raised.reason,
                estimate.map { "\($0.orderedOn)" } ?? "", order.promised.map { "\($0.latest)" } ?? "",
                estimate.map { "\($0.guarantee.endsOn)" } ?? "",
                estimate.map { "\($0.guarantee.refundWindow.latest)" } ?? "",
                estimate?.tracking.status?.rawValue ?? "", event?.time?.description ?? "",
                event?.location.displayText ?? "", event?.description ?? "",
                order.customerName ?? "", order.customerEmail ?? "", parcel?.status.plainEnglish ?? "",
                parcel.flatMap { parcel in event.map { parcel.lastEventEnglish ?? PlainEnglish.meaning(of: $0) } } ?? "",
                parcel?.safeTrackingURL?.absoluteString ?? "",
                flag.acknowledgement.map { handledText(flag.kind, $0) } ?? "", message.plainText,
            ]))
        rows += 1
    }

    /// `到达寄达地处理中心 (In transit)`: the carrier's words, with the English meaning when it differs.
    private func lastEvent(_ parcel: ReportParcel) -> String {
        guard let event = parcel.lastEvent else { return "" }
        let english = parcel.lastEventEnglish ?? PlainEnglish.meaning(of: event)
        return PlainEnglish.sameWords(event.description, english) ? event.description : "\(event.description) (\(english))"
    }

    private func handledText(_ kind: DeliveryFlag.Kind, _ acknowledgement: Acknowledgement) -> String {
        "\(kind.rawValue): \(acknowledgement.note) (\(format.sortableTime(acknowledgement.at))"
            + (acknowledgement.by.map { ", \($0)" } ?? "") + ")"
    }

    private static func kinds(_ flags: [ReportFlag]) -> String {
        var seen = Set<DeliveryFlag.Kind>()
        return flags.map(\.kind).filter { seen.insert($0).inserted }.map(\.rawValue).joined(separator: ", ")
    }
}
