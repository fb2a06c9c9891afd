import ArgumentParser
import Foundation
import ShipTrackEstimate
import ShipTrackModel

/// `shiptrack estimate`: the promised and expected windows, the counters and the flags for given order details,
/// computed offline (nothing is fetched). The behaviour lives in `ShipTrackEstimate`; this file only reads options
/// and prints.
struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Compute the delivery window and flags for an order, without fetching anything.",
        discussion: """
            Times are ISO 8601 with an offset (2026-03-01T10:00:00+08:00, 2026-03-01 10:00:00 +0800), plain dates \
            (2026-03-01: the start of that day in the store's time zone) or spreadsheet dates (11/20/2026 10:00, \
            20.11.2026, in the store's time zone unless an offset follows). --status and --reason describe what the \
            carrier would say, for a what-if. Exit status 2 on invalid input, with one line on stderr naming the \
            option.
            """
    )

    @Option(help: "Destination country: ISO 3166-1 code (US, GBR) or English name (\"United Kingdom\").")
    var destination: String

    @Option(help: "When the order was placed.")
    var orderedAt: String

    @Option(help: "When the parcel was shipped, if it was.")
    var shippedAt: String?

    @Option(help: "The parcel's tracking number, if it has one.")
    var trackingNumber: String?

    @Option(
        help: """
            What the carrier says (what-if): not_found, or a status (pending, info_received, in_transit, \
            out_for_delivery, attempt_fail, available_for_pickup, delivered, exception, expired).
            """)
    var status: String?

    @Option(help: "When the carrier reported --status (default: --as-of).")
    var statusAt: String?

    @Option(help: "The carrier's reason with --status (customs_hold, returned_to_sender, lost, ...).")
    var reason: String?

    @Option(help: "Compute as of this time instead of now, for reproducible results.")
    var asOf: String?

    @Option(help: "A store policy file replacing the built-in policy (same layout as Policy/policy.json).")
    var policy: String?

    @Option(help: "A country table replacing the built-in one (same layout as Policy/countries.json).")
    var countries: String?

    @Flag(help: "Print the estimate as JSON.")
    var json = false

    @OptionGroup var time: TimeOptions

    func run() throws {
        let output: String
        do {
            output = try estimateAndRender()
        } catch let error as InputError {
            throw fail(error.renamingField(Self.optionName).description)
        } catch let error as PolicyError {
            throw fail("--policy: \(error)")
        }
        print(output)
    }

    private func estimateAndRender() throws -> String {
        let policy = try self.policy.map { try StorePolicy.load(contentsOf: URL(fileURLWithPath: $0)) } ?? .builtIn
        let countries =
            try self.countries.map { path -> CountryTable in
                do {
                    return try CountryTable.load(contentsOf: URL(fileURLWithPath: path))
                } catch let error as PolicyError {
                    throw InputError(code: .unknownValue, field: "--countries", value: path, problem: "\(error)")
                }
            } ?? .builtIn
        let parser = time.parser(policy: policy)
        let now = try parser.parse(optional: asOf, field: "--as-of") ?? Date()
        let orderedAt = try parser.parse(self.orderedAt, field: "--ordered-at")
        let shippedAt = try parser.parse(optional: self.shippedAt, field: "--shipped-at")
        let tracking = try whatIfTracking(parser: parser, calendar: policy.calendar, shippedAt: shippedAt, now: now)
        var trackingNumber = self.trackingNumber
        if trackingNumber == nil, status != nil { trackingNumber = Self.whatIfNumber }

        let estimator = Estimator(policy: policy, countries: countries)
        let estimate = try estimator.estimate(
            ShipmentFacts(
                orderedAt: orderedAt, destination: destination, shippedAt: shippedAt, trackingNumber: trackingNumber,
                tracking: tracking),
            now: now)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(estimate), as: UTF8.self)
        }
        return Self.render(estimate, policy: policy)
    }

    /// A carrier answer built from `--status`, `--status-at` and `--reason`.
    ///
    /// With a ship time before the status, an acceptance scan at the ship time comes first, so that the hand-over
    /// stays the ship time rather than the what-if status's time.
    private func whatIfTracking(parser: TimestampParser, calendar: BusinessCalendar, shippedAt: Date?, now: Date)
        throws -> TrackingState
    {
        guard let status else {
            if reason != nil {
                throw InputError(code: .unknownValue, field: "--reason", value: reason ?? "", problem: "needs --status")
            }
            if statusAt != nil {
                throw InputError(
                    code: .unknownValue, field: "--status-at", value: statusAt ?? "", problem: "needs --status")
            }
            return .notFetched
        }
        if status == "not_found" { return .notFound }
        guard let trackingStatus = TrackingStatus(rawValue: status) else {
            let names = (["not_found"] + TrackingStatus.allCases.map(\.rawValue)).joined(separator: ", ")
            throw InputError(
                code: .unknownValue, field: "--status", value: status, problem: "is not a tracking status (\(names))")
        }
        let statusReason = try reason.map { text in
            guard let value = StatusReason(rawValue: text) else {
                let names = StatusReason.allCases.map(\.rawValue).joined(separator: ", ")
                throw InputError(
                    code: .unknownValue, field: "--reason", value: text, problem: "is not a reason (\(names))")
            }
            return value
        }
        let number = trackingNumber ?? Self.whatIfNumber
        if trackingStatus == .pending {
            return .result(
                TrackingResult(trackingNumber: number, carrier: "what-if", events: [], fetchedAt: now, sourceURL: ""))
        }
        let statusTime = try parser.parse(optional: statusAt, field: "--status-at") ?? now

        func event(_ status: TrackingStatus, _ time: Date, _ reason: StatusReason?, _ text: String) -> TrackingEvent {
            let offset = calendar.utcOffset(at: time)
            let local = LocalDateTime(secondsSinceEpoch: Int(time.timeIntervalSince1970.rounded(.down)) + offset)
            return TrackingEvent(
                time: EventTime(local: local, utcOffsetSeconds: offset), location: EventLocation(raw: "what-if"),
                description: text, status: status, reason: reason, reportedBy: "what-if")
        }
        var events = [event(trackingStatus, statusTime, statusReason, "what-if: \(status)")]
        if let shippedAt, shippedAt < statusTime, trackingStatus != .infoReceived {
            events.append(event(.inTransit, shippedAt, nil, "what-if: accepted at the ship time"))
        }
        return .result(
            TrackingResult(trackingNumber: number, carrier: "what-if", events: events, fetchedAt: now, sourceURL: ""))
    }

    /// The tracking number a what-if status implies when none is given.
    private static let whatIfNumber = "WHAT-IF"

    /// `ordered_at` → `--ordered-at`; names that already are options stay.
    private static func optionName(_ field: String) -> String {
        field.hasPrefix("--") ? field : "--" + field.replacingOccurrences(of: "_", with: "-")
    }

    private func fail(_ message: String) -> ExitCode {
        printError("shiptrack: \(message)")
        return ExitCode(2)
    }

    // MARK: Human output

    static func render(_ estimate: ShipmentEstimate, policy: StorePolicy) -> String {
        let calendar = policy.calendar
        var lines: [(String, String)] = []
        let country = estimate.destination
        if let region = country.region {
            let rules = policy.rules(for: region)
            let transit = range(rules.transitBusinessDays)
            lines.append(("Destination", "\(country) – \(rules.name), transit \(transit) business days"))
        } else {
            lines.append(("Destination", "\(country) – not served"))
        }
        lines.append(("Ordered", "\(calendar.isoString(estimate.orderedAt)) (\(estimate.orderedOn.weekdayName))"))
        lines.append(("As of", "\(calendar.isoString(estimate.asOf)) (\(estimate.today.weekdayName))"))
        lines.append(
            (
                "Processing",
                "\(range(policy.processingBusinessDays)) business days, "
                    + "by \(estimate.processingDeadline.longDescription)"
            ))
        lines.append(("Promised window", estimate.promised.map(window) ?? "none (not served)"))
        lines.append(
            (
                "Handed over",
                estimate.handover.map {
                    "\($0.day.longDescription) (\($0.source.rawValue.replacingOccurrences(of: "_", with: " ")))"
                } ?? "not yet"
            ))
        lines.append(("Expected window", estimate.expected.map(window) ?? "unknown until the hand-over"))
        let tracking = estimate.tracking
        var carrier = tracking.state.rawValue.replacingOccurrences(of: "_", with: " ")
        if let status = tracking.status {
            carrier = status.rawValue + (tracking.reason.map { " (\($0.rawValue))" } ?? "")
            if let last = tracking.lastEventOn { carrier += ", newest event \(last.longDescription)" }
        }
        lines.append(("Carrier", carrier))
        if let delivered = estimate.deliveredOn {
            let kept = estimate.keptPromise.map { $0 ? ", kept the promise" : ", after the promise" } ?? ""
            lines.append(("Delivered", "\(delivered.longDescription)\(kept)"))
        }
        if let days = estimate.daysInTransit, let businessDays = estimate.businessDaysInTransit {
            let label = estimate.isDelivered ? "Transit took" : "In transit"
            lines.append((label, "\(count(days, "day")) (\(count(businessDays, "business day")))"))
        }
        if let left = estimate.businessDaysUntilPromise, let promised = estimate.promised {
            let text =
                if estimate.today < promised.latest {
                    "\(count(left, "business day")) left until the latest promised date"
                } else if estimate.today == promised.latest {
                    "the latest promised date is today"
                } else {
                    "\(count(promised.latest.days(to: estimate.today), "day")) "
                        + "(\(count(-left, "business day"))) past the latest promised date"
                }
            lines.append(("Promise", text))
        }
        let guarantee = estimate.guarantee
        let clock =
            switch guarantee.clock {
            case .handover: "the hand-over"
            case .processingDeadline: "the end of processing"
            }
        lines.append(
            (
                "Guarantee",
                "\(policy.refund.guaranteeDays) \(policy.refund.dayKind == .calendar ? "" : "business ")days after "
                    + "\(guarantee.startsOn) (\(clock)), to \(guarantee.endsOn.longDescription); refund requests "
                    + "\(window(guarantee.refundWindow))"
            ))

        let width = lines.map(\.0.count).max() ?? 0
        var text = lines.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }
        if !estimate.calendarWarnings.isEmpty {
            // Before the flags, so nobody reads a date counted through an unlisted year as exact.
            text.append("Calendar warnings")
            text.append(contentsOf: estimate.calendarWarnings.map { "  \($0)" })
        }
        text.append("Flags")
        text.append(contentsOf: estimate.flags.isEmpty ? ["  none"] : estimate.flags.map { "  \($0)" })
        return text.joined(separator: "\n")
    }

    private static func count(_ value: Int, _ unit: String) -> String {
        value == 1 ? "1 \(unit)" : "\(value) \(unit)s"
    }

    private static func range(_ range: ClosedRange<Int>) -> String { "\(range.lowerBound)–\(range.upperBound)" }

    private static func window(_ window: DayWindow) -> String {
        "\(window.earliest.longDescription) – \(window.latest.longDescription)"
    }
}
