/// One event of 17TRACK's `track_info`, from a China Post trace or a USPS event, in 17TRACK's terms.
struct Track17Event: Sendable, Hashable {
    /// Orders events: the instant, or for an event without a known zone its local time read as UTC.
    var sortKey: Int
    var timeISO: String?
    var timeUTC: String?
    var rawDate: String
    var rawTime: String
    /// `nil` when 17TRACK cannot tell the zone; then ``timeISO`` and ``timeUTC`` are `nil` too.
    var rawZone: String?
    var description: String
    var location: String?
    var stage: String?
    var subStatus: String
    var country: String?
    var state: String?
    var city: String?
    var postalCode: String?

    /// The main status of the sub-status (`InTransit_PickedUp` → `InTransit`).
    var status: String {
        String(self.subStatus.prefix { $0 != "_" })
    }

    /// From a China Post trace: China Post prints its own scans in China time and those abroad in the local time
    /// there without a zone, so 17TRACK keeps only `time_raw`, without a zone, for those.
    init(trace: ChinaPostRecord.Trace) {
        let beijing = 8 * 3_600
        let date = TimeText.date(trace.instant, offset: trace.printedOffset)
        let time = TimeText.time(trace.instant, offset: trace.printedOffset)
        self.sortKey = trace.instant
        if trace.isAbroad {
            (self.timeISO, self.timeUTC, self.rawZone) = (nil, nil, nil)
        } else {
            self.timeISO = TimeText.isoWithOffset(trace.instant, offset: beijing)
            self.timeUTC = TimeText.utcISO(trace.instant)
            self.rawZone = "+08:00"
        }
        self.rawDate = date
        self.rawTime = time
        self.description = trace.pageDescription
        self.location = trace.pageLocation.isEmpty ? nil : trace.pageLocation
        self.subStatus = trace.step.map(Self.subStatus(for:)) ?? "InTransit_Other"
        self.stage = Self.stage(of: self.subStatus)
        self.country = trace.countryCode
        self.state = trace.province
        self.city = trace.city
        self.postalCode = nil
    }

    /// From a USPS event: zoned when USPS gives an offset, `time_raw` only for pre-shipment events.
    init(usps event: USPSTrackingRecord.Event) {
        let clock = event.wallClock ?? WallClock(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0)
        self.rawDate = TimeText.date(clock)
        self.rawTime = TimeText.time(clock)
        if let offset = event.offsetSeconds {
            let instant = TimeText.instant(clock, offset: offset)
            self.sortKey = instant
            self.timeISO = TimeText.isoWithOffset(instant, offset: offset)
            self.timeUTC = TimeText.utcISO(instant)
            self.rawZone = TimeText.offset(offset)
        } else {
            self.sortKey = TimeText.instant(clock, offset: 0)
            (self.timeISO, self.timeUTC, self.rawZone) = (nil, nil, nil)
        }
        self.description = event.eventType
        self.location = event.locationText
        self.subStatus = Self.subStatus(forUSPSCode: event.eventCode, wording: event.eventType)
        self.stage = Self.stage(of: self.subStatus)
        self.country = event.country == nil ? "US" : (event.country == "CHINA" ? "CN" : event.country)
        self.state = event.state
        self.city = event.city
        self.postalCode = event.zip
    }

    /// 17TRACK's sub-status for a parcel-world scan.
    static func subStatus(for step: TimelineStep) -> String {
        switch step {
        case .label: "InfoReceived"
        case .accepted: "InTransit_PickedUp"
        case .airlineHandover, .flightDeparted: "InTransit_Departure"
        case .destinationArrival: "InTransit_Arrival"
        case .importCustoms: "InTransit_CustomsProcessing"
        case .customsReleased: "InTransit_CustomsReleased"
        case .customsHold: "InTransit_CustomsRequiringInformation"
        case .outForDelivery: "OutForDelivery_Other"
        case .delivered: "Delivered_Other"
        case .attemptFailed: "DeliveryFailure_NoBody"
        case .availableForPickup: "AvailableForPickup_Other"
        case .returnToSender, .returning: "Exception_Returning"
        case .returned: "Exception_Returned"
        case .originArrive, .originDepart, .originFacilityArrive, .exchangeArrive, .exportCustoms, .exchangeDepart,
            .transitArrive, .transitDepart, .transitOnward, .destinationFacilityArrive, .deliveryOfficeArrive:
            "InTransit_Other"
        }
    }

    /// 17TRACK's sub-status for a USPS event code (its wording decides the completed return).
    static func subStatus(forUSPSCode code: String?, wording: String) -> String {
        if wording.lowercased().contains("to original sender") { return "Exception_Returned" }
        switch code {
        case "GX", "MA": return "InfoReceived"
        case "03", "OA", "80": return "InTransit_PickedUp"
        case "AR", "A0": return "InTransit_Arrival"
        case "CI": return "InTransit_CustomsProcessing"
        case "CO": return "InTransit_CustomsReleased"
        case "CD", "K2", "HP": return "InTransit_CustomsRequiringInformation"
        case "OF": return "OutForDelivery_Other"
        case "01", "17", "43": return "Delivered_Other"
        case "56": return "DeliveryFailure_NoBody"
        case "02", "52", "53", "54", "55", "30", "51": return "DeliveryFailure_Other"
        case "14", "16": return "AvailableForPickup_Other"
        case "04": return "Exception_Rejected"
        case "09", "21", "22", "23", "24", "25", "26", "27", "28", "29", "31": return "Exception_Returning"
        default: return "InTransit_Other"
        }
    }

    /// The milestone stage an event of `subStatus` marks, if any.
    static func stage(of subStatus: String) -> String? {
        switch subStatus {
        case "InfoReceived": "InfoReceived"
        case "InTransit_PickedUp": "PickedUp"
        case "InTransit_Departure": "Departure"
        case "InTransit_Arrival": "Arrival"
        case "AvailableForPickup_Other": "AvailableForPickup"
        case "OutForDelivery_Other": "OutForDelivery"
        case "Delivered_Other": "Delivered"
        case "Exception_Returning": "Returning"
        case "Exception_Returned": "Returned"
        default: nil
        }
    }
}
