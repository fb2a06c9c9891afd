public import Foundation
import ShipTrackModel

/// Computes delivery windows, counters and flags from a policy and a country table. Pure: no I/O, no clock; "now"
/// is always an argument, so results are reproducible (`--as-of`).
///
/// Cheap enough for a nightly batch of a million shipments: day arithmetic is on integers, business days are table
/// look-ups, time zones are a precomputed offset table, and flag sentences are built only when read.
public struct Estimator: Sendable {
    /// The policy the windows and flags follow.
    public let policy: StorePolicy
    /// The table destinations are resolved with.
    public let countries: CountryTable

    /// An estimator for a policy and a country table (by default the built-in ones, equal to the published policy).
    public init(policy: StorePolicy = .builtIn, countries: CountryTable = .builtIn) {
        self.policy = policy
        self.countries = countries
    }

    /// The estimate for one parcel as of `now`.
    /// - Throws: ``InputError`` for an unknown destination, an order after `now`, or a ship time before the order or
    ///   after `now` (fields named `destination`, `ordered_at`, `shipped_at`).
    public func estimate(_ shipment: ShipmentFacts, now: Date) throws -> ShipmentEstimate {
        try estimate(shipment, country: countries.resolve(shipment.destination), now: now, parcel: nil)
    }

    /// The promised window for an order placed on `orderedOn` to `region`: order day + processing + transit
    /// business days, minimum to maximum.
    public func promisedWindow(orderedOn: CalendarDay, region: Region) -> DayWindow {
        let transit = policy.transitBusinessDays(for: region)
        let processing = policy.processingBusinessDays
        return DayWindow(
            earliest: policy.calendar.adding(businessDays: processing.lowerBound + transit.lowerBound, to: orderedOn),
            latest: policy.calendar.adding(businessDays: processing.upperBound + transit.upperBound, to: orderedOn))
    }

    /// The expected window for a parcel handed over on `handedOverOn`: that day + the region's transit business days.
    public func expectedWindow(handedOverOn: CalendarDay, region: Region) -> DayWindow {
        let transit = policy.transitBusinessDays(for: region)
        return DayWindow(
            earliest: policy.calendar.adding(businessDays: transit.lowerBound, to: handedOverOn),
            latest: policy.calendar.adding(businessDays: transit.upperBound, to: handedOverOn))
    }

    func estimate(_ facts: ShipmentFacts, country: ResolvedCountry, now: Date, parcel: String?) throws
        -> ShipmentEstimate
    {
        try validate(facts, now: now)
        let calendar = policy.calendar
        let today = calendar.day(of: now)
        let orderedOn = calendar.day(of: facts.orderedAt)
        let processingDeadline = calendar.adding(businessDays: policy.processingBusinessDays.upperBound, to: orderedOn)
        let carrier = CarrierView(facts: facts, now: now, today: today, calendar: calendar)

        let handover: ShipmentEstimate.Handover? =
            if let day = carrier.acceptedOn {
                .init(day: day, source: .carrierEvent)
            } else if let shipped = facts.shippedAt {
                .init(day: calendar.day(of: shipped), source: .shipTime)
            } else {
                nil
            }
        let promised = country.region.map { promisedWindow(orderedOn: orderedOn, region: $0) }
        let expected: DayWindow? =
            if let region = country.region, let handover {
                expectedWindow(handedOverOn: handover.day, region: region)
            } else { nil }

        let deliveredOn = carrier.deliveredOn
        let transitEnd = deliveredOn ?? today
        let guarantee = guaranteeDates(processingDeadline: processingDeadline, handover: handover)

        // The last day a business-day count of this estimate reaches; every count starts on or after the order
        // day. A year in between without an official holiday list makes those counts uncertain.
        var reach = max(
            processingDeadline, calendar.adding(businessDays: policy.trackingGraceBusinessDays, to: orderedOn))
        if let promised {
            reach = max(reach, promised.latest)
            // Business days until the promise, or late by, count to today; delivered late, to the delivery.
            if let deliveredOn { reach = max(reach, deliveredOn) } else { reach = max(reach, today) }
        }
        if let expected { reach = max(reach, expected.latest) }
        if handover != nil { reach = max(reach, transitEnd) }
        if policy.refund.dayKind == .business { reach = max(reach, guarantee.refundWindow.latest) }

        var estimate = ShipmentEstimate(
            parcel: parcel, trackingNumber: carrier.trackingNumber, destination: country,
            orderedAt: facts.orderedAt, orderedOn: orderedOn, asOf: now, today: today,
            processingDeadline: processingDeadline, promised: promised, handover: handover, expected: expected,
            tracking: carrier.summary, deliveredOn: deliveredOn,
            daysInTransit: handover.map { max(0, $0.day.days(to: transitEnd)) },
            businessDaysInTransit: handover.map { max(0, calendar.businessDays(from: $0.day, to: transitEnd)) },
            businessDaysUntilPromise: deliveredOn == nil
                ? promised.map { calendar.businessDays(from: today, to: $0.latest) } : nil,
            keptPromise: deliveredOn.flatMap { day in promised.map { day <= $0.latest } },
            guarantee: guarantee, calendarWarnings: policy.calendarWarnings(from: orderedOn, through: reach),
            flags: [])
        var flags = flags(for: estimate, facts: facts, carrier: carrier, now: now)
        if let parcel {
            for index in flags.indices { flags[index].parcel = parcel }
        }
        estimate.flags = flags
        return estimate
    }

    /// The guarantee's clock ("45 days not including 2-5 day processing"): with `handover_or_processing_deadline`
    /// it starts on the hand-over day when one is known, earlier or later than the end of the processing window,
    /// and at the end of that window while none is; with `processing_deadline`, always at the end of the window.
    private func guaranteeDates(processingDeadline: CalendarDay, handover: ShipmentEstimate.Handover?)
        -> ShipmentEstimate.Guarantee
    {
        let rules = policy.refund
        let (start, clock): (CalendarDay, ShipmentEstimate.Guarantee.Clock) =
            switch (rules.guaranteeStarts, handover) {
            case (.handoverOrProcessingDeadline, let handover?): (handover.day, .handover)
            case (.handoverOrProcessingDeadline, nil), (.processingDeadline, _): (processingDeadline, .processingDeadline)
            }
        let end = add(rules.guaranteeDays, rules.dayKind, to: start)
        let closes = add(rules.requestDays, rules.dayKind, to: end)
        return .init(
            startsOn: start, clock: clock, endsOn: end,
            refundWindow: DayWindow(earliest: end.adding(days: 1), latest: closes))
    }

    func add(_ days: Int, _ kind: StorePolicy.DayKind, to day: CalendarDay) -> CalendarDay {
        switch kind {
        case .calendar: day.adding(days: days)
        case .business: policy.calendar.adding(businessDays: days, to: day)
        }
    }

    private func validate(_ facts: ShipmentFacts, now: Date) throws {
        let calendar = policy.calendar
        guard facts.orderedAt <= now else {
            throw InputError(
                code: .orderInFuture, field: InputError.Field.orderedAt, value: calendar.isoString(facts.orderedAt),
                problem: "is later than \(InputError.Field.asOf) \(calendar.isoString(now)): an order cannot be in "
                    + "the future")
        }
        if let shipped = facts.shippedAt {
            guard shipped >= facts.orderedAt else {
                throw InputError(
                    code: .shippedBeforeOrder, field: InputError.Field.shippedAt, value: calendar.isoString(shipped),
                    problem: "is before \(InputError.Field.orderedAt) \(calendar.isoString(facts.orderedAt))")
            }
            guard shipped <= now else {
                throw InputError(
                    code: .shipmentInFuture, field: InputError.Field.shippedAt, value: calendar.isoString(shipped),
                    problem: "is later than \(InputError.Field.asOf) \(calendar.isoString(now))")
            }
        }
    }
}
