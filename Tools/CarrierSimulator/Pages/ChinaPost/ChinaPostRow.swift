/// One scan as China Post prints it: the query page's row, and in the same words the EMS partner interface's
/// trace and 17TRACK's China Post event, so the same parcel reads the same everywhere.
struct ChinaPostRow: Sendable {
    var event: TimelineEvent
    var location: EncodedText
    var description: EncodedText
    /// Printed right after the description (the destination of "离开…互换局 发往").
    var descriptionSuffix: EncodedText?

    var instant: Int {
        self.event.instant
    }

    /// The description with its suffix, as UTF-8 text.
    var descriptionText: String {
        String(decoding: self.description.utf8 + (self.descriptionSuffix?.utf8 ?? []), as: UTF8.self)
    }

    /// The location as UTF-8 text.
    var locationText: String {
        String(decoding: self.location.utf8, as: UTF8.self)
    }

    /// China Post's rows in Chinese or English, oldest first, with the sorting centers followed from hub to hub: an
    /// ePacket's (on a two-leg ePacket, up to the arrival in the US and the final return) or an EMS parcel's.
    static func rows(for plan: ParcelPlan, events: [TimelineEvent], english: Bool) -> [ChinaPostRow] {
        let origin = plan.originIndex
        let exchange = plan.origin.exchange
        let code = plan.destination.code
        let destinationPlace =
            (english ? ChinaPostPhrases.destinationCities[code] : ChinaPostPhrases.destinationNames[code])
            ?? EncodedText(plan.destination.city)
        let originPlace = english ? ChinaPostPhrases.originNamesEnglish[origin] : ChinaPostPhrases.originCities[origin]
        let exchangePlace = english ? ChinaPostPhrases.exchangeNamesEnglish[exchange] : ChinaPostPhrases.exchangeCities[exchange]
        var hub = 0
        var rows: [ChinaPostRow] = []
        rows.reserveCapacity(events.count)
        for event in events where event.leg != .followOn {
            let variant = Int(event.variant)
            func phrase(_ step: TimelineStep) -> EncodedText {
                let table = english ? ChinaPostPhrases.english : ChinaPostPhrases.chinese
                let choices = table[step] ?? []
                return choices.isEmpty ? EncodedText("") : choices[variant % choices.count]
            }
            switch event.step {
            case .label, .accepted, .returned:
                rows.append(ChinaPostRow(event: event, location: originPlace, description: phrase(event.step)))
            case .originArrive, .originDepart:
                if event.step == .originArrive {
                    hub = variant % ChinaPlace.hubs.count
                }
                let place = english ? ChinaPostPhrases.hubNamesEnglish[hub] : ChinaPostPhrases.hubCities[hub]
                let description: EncodedText
                if english {
                    description = phrase(event.step)
                } else {
                    description =
                        event.step == .originArrive ? ChinaPostPhrases.hubArrivals[hub] : ChinaPostPhrases.hubDepartures[hub]
                }
                rows.append(ChinaPostRow(event: event, location: place, description: description))
            case .exchangeArrive:
                let description = english ? phrase(.exchangeArrive) : ChinaPostPhrases.exchangeArrivals[exchange]
                rows.append(ChinaPostRow(event: event, location: exchangePlace, description: description))
            case .exchangeDepart:
                if english {
                    rows.append(ChinaPostRow(event: event, location: exchangePlace, description: phrase(.exchangeDepart)))
                } else {
                    rows.append(
                        ChinaPostRow(
                            event: event, location: exchangePlace,
                            description: ChinaPostPhrases.exchangeDepartures[exchange],
                            descriptionSuffix: ChinaPostPhrases.destinationNames[code]
                        )
                    )
                }
            case .exportCustoms, .airlineHandover, .flightDeparted:
                rows.append(ChinaPostRow(event: event, location: exchangePlace, description: phrase(event.step)))
            case .destinationArrival, .importCustoms, .customsReleased, .customsHold, .transitArrive, .transitDepart,
                .transitOnward, .deliveryOfficeArrive, .outForDelivery, .delivered, .attemptFailed,
                .availableForPickup, .returnToSender, .returning:
                rows.append(ChinaPostRow(event: event, location: destinationPlace, description: phrase(event.step)))
            case .originFacilityArrive, .destinationFacilityArrive:
                // USPS's own scans: never printed by China Post.
                continue
            }
        }
        return rows
    }
}
