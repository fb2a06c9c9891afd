extension USPSTrackingRecord {
    /// The record USPS holds for a generated parcel, from the same rows its tracking page prints; `nil` when USPS
    /// shows no scan for it (a two-leg ePacket not yet handed to an airline).
    init?(plan: ParcelPlan, events: [TimelineEvent]) {
        let rows = USPSScanRow.rows(for: plan, events: events)
        guard let newest = rows.last else { return nil }
        let hash = StableHash.fnv1a(plan.number.utf8)
        self.trackingNumber = plan.number
        self.isInternational = plan.isTwoLeg
        if plan.isTwoLeg {
            self.mailClass = "ePacket"
            self.mailClassCode = nil
            self.serviceTypeCode = nil
            self.services = []
            self.origin = Address(city: nil, state: nil, zip: nil, country: "CN")
        } else {
            let serviceType = MailerID.serviceTypeCode(of: Array(plan.number.utf8)) ?? "001"
            let product = Self.product(serviceTypeCode: serviceType)
            self.mailClass = product.mailClass
            self.mailClassCode = product.code
            self.serviceTypeCode = serviceType
            self.services = ["USPS Tracking<SUP>&#174;</SUP>", "Up to $100 insurance included"]
            let warehouse = USPlace.warehouses[Int(plan.pageSeed % UInt64(USPlace.warehouses.count))]
            self.origin = Address(city: warehouse.city, state: warehouse.state, zip: warehouse.zip, country: nil)
        }
        let place = plan.usPlace
        self.destination = Address(city: place?.city, state: place?.state, zip: place?.zip, country: plan.isTwoLeg ? "US" : nil)

        // The mailing date: USPS's acceptance (or label) in its local time; for an ePacket, the day China Post
        // accepted it, in China.
        let intake = rows.first { $0.event.step == .accepted } ?? rows[0]
        let intakeSeconds = Int((hash >> 24) % 60)
        if plan.isTwoLeg {
            self.mailingDate = TimeText.date(plan.acceptedAt, offset: 8 * 3_600)
            self.mailPieceIntakeDate = nil
        } else {
            self.mailingDate = TimeText.date(intake.event.instant, offset: intake.offset)
            let intakeClock = CivilCalendar.wallClock(intake.event.instant + intakeSeconds, offset: intake.offset)
            self.mailPieceIntakeDate = "\(TimeText.date(intakeClock)) \(TimeText.time(intakeClock)).000000"
        }
        switch newest.event.step {
        case .delivered, .returned:
            self.expectedDeliveryDate = nil
        default:
            let zoneOffset = place.map { $0.zone.offset(at: newest.event.instant) } ?? newest.offset
            self.expectedDeliveryDate = TimeText.date(newest.event.instant + (2 + Int(hash % 3)) * 86_400, offset: zoneOffset)
        }
        self.uniqueTrackingID = "\(self.mailingDate ?? TimeText.date(newest.event.instant, offset: newest.offset))-\(Self.digits(hash, count: 10))"
        self.uniqueMailPieceID = Self.digits(hash >> 13, count: 9)
        self.status = String(describing: newest.detail)
        self.statusCategory = USPSEventVocabulary.statusCategory(for: newest.event.step)
        self.statusSummary = Self.summary(of: newest)
        self.events = rows.reversed().map(Self.event(from:))
    }

    /// An API tracking event from a page row: the same wording, place and local time.
    private static func event(from row: USPSScanRow) -> Event {
        let instant = row.event.instant
        let offset = row.offset
        var event = Event(
            eventType: String(describing: row.detail), eventCode: USPSEventVocabulary.code(for: row.event.step),
            eventTimestamp: TimeText.localISO(instant, offset: offset), gmtTimestamp: nil, gmtOffset: nil,
            country: nil, city: nil, state: nil, zip: nil, firm: nil, recipientName: nil
        )
        switch row.place {
        case .postOffice(let city, let state, let zip):
            (event.city, event.state, event.zip) = (city, state, zip)
        case .facility(let name):
            // Facility scans put the facility's name in the city, with no state or ZIP.
            event.city = name
        case .country(let name):
            event.country = name
        }
        if row.event.step == .transitOnward {
            // "In Transit to Next Facility" carries no place at all in real answers.
            (event.city, event.state, event.zip) = (nil, nil, nil)
        }
        guard row.event.step != .label else {
            // Pre-shipment events carry no GMT fields.
            return event
        }
        // GMTTimestamp has real seconds, so it is not exactly the local time minus the offset.
        let gmtInstant = instant + Int((row.event.variant >> 8) % 60)
        var gmt = TimeText.utcISO(gmtInstant)
        let localDate = TimeText.date(instant, offset: offset)
        if (row.event.variant >> 16) % 4 == 0, TimeText.date(gmtInstant, offset: 0) > localDate {
            // USPS sometimes forgets to roll the UTC date over past midnight UTC: the local date, the UTC time.
            gmt = localDate + gmt.dropFirst(localDate.utf8.count)
        }
        event.gmtTimestamp = gmt
        event.gmtOffset = TimeText.offset(offset)
        return event
    }

    /// The `statusSummary` sentence: the same words as the tracking page's banner.
    private static func summary(of row: USPSScanRow) -> String {
        let opening: String
        switch row.event.step {
        case .delivered, .returned: opening = "Your item was delivered at "
        case .outForDelivery: opening = "Your item is out for delivery as of "
        case .attemptFailed: opening = "We attempted to deliver your item at "
        case .availableForPickup: opening = "Your item arrived at the Post Office and was ready for pickup at "
        case .label: opening = "A shipping label was prepared for your item at "
        case .returnToSender, .returning: opening = "Your item is being sent back to the sender. It was last scanned at "
        case .customsHold, .importCustoms: opening = "Your item was presented to customs at "
        default: opening = "Your item was last scanned at "
        }
        let clock = CivilCalendar.wallClock(row.event.instant, offset: row.offset)
        return "\(opening)\(TimeText.uspsClock(clock)) on \(TimeText.uspsDate(clock)) in \(row.location)."
    }

    /// The mail class and its code for a service type code (the first three digits after the IMpb's leading 9x).
    private static func product(serviceTypeCode: String) -> (mailClass: String, code: String) {
        switch serviceTypeCode {
        case "055", "056", "057", "058", "059": ("Priority Mail<SUP>&#174;</SUP>", "PM")
        case "701", "702", "703": ("Priority Mail Express<SUP>&#174;</SUP>", "EX")
        default: ("USPS Ground Advantage<SUP>&#153;</SUP>", "GA")
        }
    }

    /// `count` decimal digits drawn from `seed`.
    private static func digits(_ seed: UInt64, count: Int) -> String {
        var value = SplitMix64.mix(seed)
        var text = ""
        for _ in 0..<count {
            text.append(Character(Unicode.Scalar(UInt8(ascii: "0") + UInt8(value % 10))))
            value /= 10
            if value == 0 { value = SplitMix64.mix(seed ^ 0x9e37) }
        }
        return text
    }
}
