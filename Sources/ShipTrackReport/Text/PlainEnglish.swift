import ShipTrackEstimate
import ShipTrackModel

/// Statuses, events, flags and changes in plain English for people who never read the tracking model.
enum PlainEnglish {
    /// A parcel's status: `In transit`, `Held by customs`, `Delivered`.
    static func status(_ status: ParcelStatus) -> String {
        switch status.state {
        case .noTrackingNumber: return "Not shipped yet"
        case .notFetched: return "Not checked yet"
        case .notFound: return "Unknown to the carrier"
        case .noInformation: return "No information yet"
        case .events: break
        }
        if let reason = status.reason, status.status != .delivered { return self.reason(reason, status: status.status) }
        return status.status.map(self.status) ?? "No information yet"
    }

    /// A status alone.
    static func status(_ status: TrackingStatus) -> String {
        switch status {
        case .pending: "No information yet"
        case .infoReceived: "Label created, not yet with the carrier"
        case .inTransit: "In transit"
        case .outForDelivery: "Out for delivery"
        case .attemptFail: "Delivery attempt failed"
        case .availableForPickup: "Waiting for pickup"
        case .delivered: "Delivered"
        case .exception: "Problem reported"
        case .expired: "Tracking expired"
        }
    }

    /// A reason, which says more than its status.
    static func reason(_ reason: StatusReason, status: TrackingStatus?) -> String {
        switch reason {
        case .customsHold: "Held by customs"
        case .returningToSender: "Being returned to the sender"
        case .returnedToSender: "Returned to the sender"
        case .addressIssue: "Address problem"
        case .lost: "Lost"
        case .damaged: "Damaged"
        case .refused: "Refused by the recipient"
        case .noticeLeft: status == .availableForPickup ? "Waiting for pickup (notice left)" : "Delivery attempt failed (notice left)"
        }
    }

    /// What a carrier event means, in English, for showing beside the carrier's own words.
    static func meaning(of event: TrackingEvent) -> String {
        if event.statusUnrecognised { return "Wording not recognised (counted as \(status(event.status).lowercased()))" }
        return status(ParcelStatus(event.status, reason: event.reason))
    }

    /// Whether the carrier's words already say what the English meaning says (then it is not repeated).
    static func sameWords(_ original: String, _ english: String) -> Bool {
        original.lowercased() == english.lowercased()
    }

    /// The name of a flag kind.
    static func title(_ kind: DeliveryFlag.Kind) -> String {
        switch kind {
        case .late: "Late"
        case .noTracking: "No tracking"
        case .awaitingShipment: "Awaiting shipment"
        case .stalled: "Stalled"
        case .exception: "Carrier problem"
        case .refundEligible: "Refund eligible"
        case .refundWindowClosing: "Refund window closing"
        case .deliveredLate: "Delivered late"
        case .notServed: "Not served"
        case .cancellable: "Can still cancel"
        }
    }

    /// A flag in a few words with its dates: `3 days late (promised by Mon 2 Mar)`.
    static func summary(_ flag: DeliveryFlag, _ format: PeopleFormat) -> String {
        switch flag.facts {
        case .late(let latest, let days, _):
            return "\(PeopleFormat.count(days, "day")) past \(format.day(latest))"
        case .noTracking(_, let graceEnded, _, let answer):
            let what =
                switch answer {
                case .noTrackingNumber: "shipped without a tracking number"
                case .notFound: "the carrier does not know the number"
                case .noInformation: "the carrier has no information"
                }
            return "\(what), grace ended \(format.day(graceEnded))"
        case .awaitingShipment(_, let deadline):
            return "not shipped; processing window ended \(format.day(deadline))"
        case .stalled(_, let lastEvent, let days, _):
            return "no scan for \(PeopleFormat.count(days, "day")), since \(format.day(lastEvent))"
        case .exception(let status, let reason, let since, let excluded):
            let what = reason.map { self.reason($0, status: status) } ?? self.status(status)
            return "\(what.lowercased()) since \(format.day(since))" + (excluded ? "; the policy refunds no parcel held for this reason" : "")
        case .refundEligible(_, _, let ended, let days, _, let closes):
            return "\(days)-day guarantee ended \(format.day(ended)); refund or reshipment until \(format.day(closes))"
        case .refundWindowClosing(let closes, let daysLeft):
            return daysLeft == 1
                ? "refund window closes today, \(format.day(closes))"
                : "refund window closes \(format.day(closes)): \(daysLeft) days left"
        case .deliveredLate(let latest, let delivered, let days, _):
            return "delivered \(format.day(delivered)), \(PeopleFormat.count(days, "day")) after \(format.day(latest))"
        case .notServed(let country):
            return "the store does not ship to \(country.name)"
        case .cancellable(_, let until):
            return "may still cancel until \(format.time(until))"
        }
    }

    /// A change since the last run.
    static func change(_ change: ReportChange) -> String {
        switch change {
        case .newEvents(let parcel, let count):
            return PeopleFormat.count(count, "new event") + (parcel.map { " (\($0))" } ?? "")
        case .statusChanged(let parcel, let from, let to):
            let before = from.map(\.plainEnglish) ?? "no status"
            return "\(before) → \(to.plainEnglish)" + (parcel.map { " (\($0))" } ?? "")
        }
    }
}

/// Sentences about tracking sources.
enum SourceProblemText {
    /// `blocked`, `refusing our credentials`.
    static func adjective(_ kind: SourceProblem.Kind) -> String {
        switch kind {
        case .blocked: "blocking our requests"
        case .unauthorized: "refusing our credentials"
        case .quotaExhausted: "out of request quota"
        case .unavailable: "unreachable"
        case .layoutPartlyNotRecognised: "serving a page layout the carrier definition does not fully recognise"
        }
    }

    /// The heading of a problem.
    static func title(_ kind: SourceProblem.Kind) -> String {
        switch kind {
        case .blocked: "Blocked"
        case .unauthorized: "Credentials refused"
        case .quotaExhausted: "Quota used up"
        case .unavailable: "Unreachable"
        case .layoutPartlyNotRecognised: "Page layout partly not recognised"
        }
    }

    /// What to do about it.
    static func whatToDo(_ kind: SourceProblem.Kind, carrier: String?) -> String {
        switch kind {
        case .blocked: "Slow the run down for this carrier (--rate, --concurrency) or run it from another address."
        case .unauthorized: "Renew the key or credentials in the configuration."
        case .quotaExhausted: "Wait for the quota to reset, or raise it with the provider."
        case .unavailable: "Usually passes by itself; the next run retries."
        case .layoutPartlyNotRecognised:
            "A problem of the carrier definition, not of the parcels: the carrier changed its page. Update "
                + "Carriers/\(carrier ?? "<carrier>").json (check it with shiptrack parse-page) and re-run."
        }
    }
}
