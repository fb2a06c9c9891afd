/// One parcel as China Post's systems hold it: the traces the EMS partner interface answers with (oldest first,
/// each in English and in Chinese) and 17TRACK's China Post or China EMS provider shows. Built from the parcel world
/// (the same rows as the China Post query page) or read from an EMS partner fixture file.
struct ChinaPostRecord: Sendable, Hashable {
    var number: String
    /// Where the parcel goes: ISO country code and main city, when known.
    var destinationCountry: String?
    var destinationCity: String?
    /// Where it was posted: upper-case English city and province code, when known.
    var originCity: String?
    var originProvince: String?
    var traces: [Trace]

    /// One trace.
    struct Trace: Sendable, Hashable {
        /// The instant.
        var instant: Int
        var remarkEnglish: String
        var remarkChinese: String
        /// `acceptAddress` in the English answer: Pinyin province and city with an office code, a bare office code
        /// padded with blanks, the destination's city, or empty.
        var addressEnglish: String
        /// `acceptAddress` in the Chinese answer: the city, sometimes with an office code.
        var addressChinese: String
        /// The wording and place the China Post query page prints for this scan (its own language).
        var pageDescription: String
        var pageLocation: String
        /// Whether the scan happened outside China (printed in the local time there, without a zone).
        var isAbroad: Bool
        /// What the scan means, when known.
        var step: TimelineStep?
        /// 17TRACK's address parts.
        var countryCode: String?
        var province: String?
        var city: String?
        /// The offset China Post prints the time at: China time (UTC+8) for its own scans, the local time there for
        /// scans abroad (no zone printed either way).
        var printedOffset: Int = 8 * 3_600

        /// `YYYY-MM-DD HH:mm:ss` as China Post prints it.
        var acceptTime: String {
            TimeText.date(self.instant, offset: self.printedOffset) + " " + TimeText.time(self.instant, offset: self.printedOffset)
        }
    }
}

extension TimelineStep {
    /// Whether China Post prints this scan as happening in the destination country.
    var isAbroadForChinaPost: Bool {
        switch self {
        case .destinationArrival, .importCustoms, .customsReleased, .customsHold, .transitArrive, .transitDepart,
            .transitOnward, .deliveryOfficeArrive, .outForDelivery, .delivered, .attemptFailed, .availableForPickup,
            .returnToSender, .returning, .destinationFacilityArrive:
            true
        case .label, .accepted, .originArrive, .originDepart, .originFacilityArrive, .exchangeArrive, .exportCustoms,
            .exchangeDepart, .airlineHandover, .flightDeparted, .returned:
            false
        }
    }
}
