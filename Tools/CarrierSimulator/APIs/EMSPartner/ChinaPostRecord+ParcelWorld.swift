extension ChinaPostRecord {
    /// The record China Post holds for a generated ePacket or EMS parcel: the China Post page's rows (for a two-leg
    /// ePacket, up to the arrival in the US and the final return), in both languages.
    init(plan: ParcelPlan, events: [TimelineEvent]) {
        let chinese = ChinaPostRow.rows(for: plan, events: events, english: false)
        let english = ChinaPostRow.rows(for: plan, events: events, english: true)
        self.number = plan.number
        self.destinationCountry = plan.destination.code
        self.destinationCity = plan.destination.city
        self.originCity = plan.origin.englishName
        self.originProvince = ChinaPlace.provinceByEnglishName[plan.origin.englishName]
        self.traces = zip(chinese, english).map { chineseRow, englishRow in
            let event = chineseRow.event
            let variant = Int(event.variant)
            let isAbroad = event.step.isAbroadForChinaPost
            let englishPlace = englishRow.locationText
            let remarkEnglish =
                plan.carrier == .ems
                ? String(describing: EMSRemarks.remark(for: event.step, variant: variant)) : englishRow.descriptionText
            let addressEnglish: String
            let addressChinese: String
            if isAbroad {
                // Abroad: the destination's city, and for the delivery often nothing at all.
                addressEnglish = event.step == .delivered && variant % 2 == 0 ? "" : englishPlace
                addressChinese = chineseRow.locationText
            } else {
                let office = (ChinaPlace.postalCodeByEnglishName[englishPlace] ?? "100000") + TimeText.twoDigits(variant / 7 % 100)
                switch event.step {
                case .exportCustoms where variant % 2 == 0, .exchangeDepart where variant % 4 == 0:
                    // Customs and dispatch scans often print the office code alone, padded with blanks.
                    addressEnglish = "  " + office
                default:
                    addressEnglish = (ChinaPlace.pinyinByEnglishName[englishPlace] ?? englishPlace.capitalized) + " " + office
                }
                addressChinese = variant % 3 == 1 ? chineseRow.locationText + " " + office : chineseRow.locationText
            }
            let pageRow = plan.isEnglish ? englishRow : chineseRow
            return Trace(
                instant: event.instant,
                remarkEnglish: remarkEnglish,
                remarkChinese: chineseRow.descriptionText,
                addressEnglish: addressEnglish,
                addressChinese: addressChinese,
                pageDescription: plan.carrier == .ems ? remarkEnglish : pageRow.descriptionText,
                pageLocation: plan.carrier == .ems ? englishPlace : pageRow.locationText,
                isAbroad: isAbroad,
                step: event.step,
                countryCode: isAbroad ? plan.destination.code : "CN",
                province: isAbroad ? nil : ChinaPlace.provinceByEnglishName[englishPlace],
                city: englishPlace,
                printedOffset: isAbroad ? plan.abroadOffset(at: event.instant) : 8 * 3_600
            )
        }
    }
}

extension String {
    /// `SHENZHEN` → `Shenzhen`, for places without a Pinyin spelling.
    fileprivate var capitalized: String {
        guard let first = self.first else { return self }
        return String(first).uppercased() + self.dropFirst().lowercased()
    }
}
