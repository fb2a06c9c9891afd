extension DeliveryFlag: Encodable {
    enum CodingKeys: String, CodingKey {
        case kind, parcel, reason
        case latestPromised = "latest_promised"
        case daysLate = "days_late"
        case businessDaysLate = "business_days_late"
        case orderedOn = "ordered_on"
        case graceEndedOn = "grace_ended_on"
        case graceBusinessDays = "grace_business_days"
        case carrierAnswer = "carrier_answer"
        case processingDeadline = "processing_deadline"
        case status
        case lastEventOn = "last_event_on"
        case daysWithoutEvent = "days_without_event"
        case stalledAfterDays = "stalled_after_days"
        case carrierReason = "carrier_reason"
        case since
        case refundExcluded = "refund_excluded"
        case guaranteeStartedOn = "guarantee_started_on"
        case guaranteeClock = "guarantee_clock"
        case guaranteeEndedOn = "guarantee_ended_on"
        case guaranteeDays = "guarantee_days"
        case guaranteeDayKind = "guarantee_day_kind"
        case refundWindowClosesOn = "refund_window_closes_on"
        case daysLeft = "days_left"
        case deliveredOn = "delivered_on"
        case country
        case countryName = "country_name"
        case orderedAt = "ordered_at"
        case cancellableUntil = "cancellable_until"
    }

    /// `kind`, `parcel` (null outside orders), `reason`, then the facts of that kind under fixed snake_case keys
    /// (listed in `docs/estimator.md`); days as `YYYY-MM-DD`, instants as ISO 8601 UTC.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(parcel, forKey: .parcel)
        try container.encode(reason, forKey: .reason)
        switch facts {
        case .late(let latest, let days, let businessDays):
            try container.encode(latest, forKey: .latestPromised)
            try container.encode(days, forKey: .daysLate)
            try container.encode(businessDays, forKey: .businessDaysLate)
        case .noTracking(let ordered, let graceEnded, let grace, let answer):
            try container.encode(ordered, forKey: .orderedOn)
            try container.encode(graceEnded, forKey: .graceEndedOn)
            try container.encode(grace, forKey: .graceBusinessDays)
            try container.encode(answer, forKey: .carrierAnswer)
        case .awaitingShipment(let ordered, let deadline):
            try container.encode(ordered, forKey: .orderedOn)
            try container.encode(deadline, forKey: .processingDeadline)
        case .stalled(let status, let lastEvent, let days, let limit):
            try container.encode(status, forKey: .status)
            try container.encode(lastEvent, forKey: .lastEventOn)
            try container.encode(days, forKey: .daysWithoutEvent)
            try container.encode(limit, forKey: .stalledAfterDays)
        case .exception(let status, let reason, let since, let excluded):
            try container.encode(status, forKey: .status)
            try container.encode(reason, forKey: .carrierReason)
            try container.encode(since, forKey: .since)
            try container.encode(excluded, forKey: .refundExcluded)
        case .refundEligible(let started, let clock, let ended, let days, let kind, let closes):
            try container.encode(started, forKey: .guaranteeStartedOn)
            try container.encode(clock, forKey: .guaranteeClock)
            try container.encode(ended, forKey: .guaranteeEndedOn)
            try container.encode(days, forKey: .guaranteeDays)
            try container.encode(kind.rawValue, forKey: .guaranteeDayKind)
            try container.encode(closes, forKey: .refundWindowClosesOn)
        case .refundWindowClosing(let closes, let daysLeft):
            try container.encode(closes, forKey: .refundWindowClosesOn)
            try container.encode(daysLeft, forKey: .daysLeft)
        case .deliveredLate(let latest, let delivered, let days, let businessDays):
            try container.encode(latest, forKey: .latestPromised)
            try container.encode(delivered, forKey: .deliveredOn)
            try container.encode(days, forKey: .daysLate)
            try container.encode(businessDays, forKey: .businessDaysLate)
        case .notServed(let country):
            try container.encode(country.alpha2, forKey: .country)
            try container.encode(country.name, forKey: .countryName)
        case .cancellable(let ordered, let until):
            try container.encode(ISOTimestamp.utc(ordered), forKey: .orderedAt)
            try container.encode(ISOTimestamp.utc(until), forKey: .cancellableUntil)
        }
    }
}
