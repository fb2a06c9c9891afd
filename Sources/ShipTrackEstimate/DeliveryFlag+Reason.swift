import ShipTrackModel

extension DeliveryFlag {
    /// A sentence saying what was found and what the policy says about it, so a person can act without rereading
    /// the policy.
    public var reason: String {
        switch facts {
        case .late(let latest, let days, let businessDays):
            return "Not delivered, and the latest promised delivery date was \(latest.longDescription): "
                + "\(DeliveryFlag.count(days, "day")) ago (\(DeliveryFlag.count(businessDays, "business day")))."
        case .noTracking(let ordered, let graceEnded, let grace, let answer):
            let what =
                switch answer {
                case .noTrackingNumber: "the parcel was shipped without a tracking number"
                case .notFound: "the carrier does not know the tracking number"
                case .noInformation: "the carrier still has no information on the tracking number"
                }
            return "Ordered on \(ordered.longDescription), more than \(DeliveryFlag.count(grace, "business day")) ago "
                + "(the grace ended \(graceEnded.longDescription)), and \(what). "
                + "The policy asks the customer to contact the store: check the number with the warehouse."
        case .awaitingShipment(let ordered, let deadline):
            return "Ordered on \(ordered.longDescription) and the processing window ended "
                + "\(deadline.longDescription), but the order has no tracking number and no shipment yet."
        case .stalled(let status, let lastEvent, let days, let limit):
            return "The carrier's status is \(status.rawValue), but its newest event is from "
                + "\(lastEvent.longDescription): \(DeliveryFlag.count(days, "day")) without news "
                + "(the limit is \(limit))."
        case .exception(let status, let reason, let since, let excluded):
            let what = reason.map { DeliveryFlag.describe($0) } ?? DeliveryFlag.describe(status)
            let refund =
                excluded
                ? " The policy does not refund parcels that fail for this reason (customs, or the customer's own "
                    + "address or refusal)."
                : ""
            return "The carrier reports a problem since \(since.longDescription): \(what).\(refund)"
        case .refundEligible(let started, let clock, let ended, let days, let kind, let closes):
            let unit = kind == .calendar ? "day" : "business-day"
            let from =
                switch clock {
                case .handover: "counted after the hand-over to the carrier on"
                case .processingDeadline: "counted after processing ended on"
                }
            return "Not delivered within the \(days)-\(unit) guarantee, \(from) "
                + "\(started.longDescription); it expired after \(ended.longDescription). The customer may request a "
                + "refund or a reshipment until \(closes.longDescription)."
        case .refundWindowClosing(let closes, let daysLeft):
            let left = daysLeft == 1 ? "today is the last day" : "\(daysLeft) days left including today"
            return "The window to request a refund or reshipment closes on \(closes.longDescription): \(left)."
        case .deliveredLate(let latest, let delivered, let days, let businessDays):
            return "Delivered on \(delivered.longDescription), \(DeliveryFlag.count(days, "day")) "
                + "(\(DeliveryFlag.count(businessDays, "business day"))) after the latest promised date "
                + "\(latest.longDescription)."
        case .notServed(let country):
            return "The store does not ship to \(country.name) (\(country.alpha2)); the policy says the store "
                + "contacts the customer." + (country.note.map { " Country table: \($0)" } ?? "")
        case .cancellable(let ordered, let until):
            return "Ordered at \(ISOTimestamp.utc(ordered)) and not shipped: the customer may still cancel until "
                + "\(ISOTimestamp.utc(until))."
        }
    }

    static func count(_ value: Int, _ unit: String) -> String { value == 1 ? "1 \(unit)" : "\(value) \(unit)s" }

    static func describe(_ reason: StatusReason) -> String {
        switch reason {
        case .customsHold: "held by customs"
        case .returningToSender: "being returned to the sender"
        case .returnedToSender: "returned to the sender"
        case .addressIssue: "a problem with the address"
        case .lost: "lost"
        case .damaged: "damaged"
        case .refused: "refused by the recipient"
        case .noticeLeft: "delivery failed, a notice was left"
        }
    }

    static func describe(_ status: TrackingStatus) -> String {
        switch status {
        case .attemptFail: "a delivery attempt failed"
        case .expired: "it stopped tracking the parcel"
        case .exception: "an exception, without details"
        default: "status \(status.rawValue)"
        }
    }
}
