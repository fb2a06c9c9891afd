/// A finer reason behind a normalized status, where the carrier says more.
///
/// Raw values are the stable names used in JSON, CSV and carrier definition files.
public enum StatusReason: String, Sendable, Codable, CaseIterable {
    /// Held by customs (duties unpaid, documents missing, inspection).
    case customsHold = "customs_hold"
    /// Being returned to the sender, not yet back.
    case returningToSender = "returning_to_sender"
    /// Back with the sender.
    case returnedToSender = "returned_to_sender"
    /// The address is wrong, incomplete or the recipient unknown.
    case addressIssue = "address_issue"
    /// Declared lost by the carrier.
    case lost
    /// Damaged in transit.
    case damaged
    /// The recipient refused the parcel.
    case refused
    /// A delivery attempt left a notice for the recipient.
    case noticeLeft = "notice_left"

    /// Whether the parcel with this reason has reached a state that will not change (returned to the sender).
    public var isFinal: Bool { self == .returnedToSender }
}
