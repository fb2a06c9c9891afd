/// How asking about one tracking number ended: the one typed outcome carried from the fetch to the database, the
/// reports and the command's exit status.
///
/// Every lookup ends in exactly one of these. A source that cannot answer says which way it could not ("blocked",
/// "unauthorized", "quota exhausted", "layout not recognised"), never "pending" or "not found" in its place.
public enum TrackingOutcome: String, Sendable, Codable, CaseIterable, Hashable {
    /// The source answered with a timeline (or a known no-event state such as "label created").
    case found
    /// The source answered, but some of its rows could not be read: the timeline may be incomplete. A problem of the
    /// source's definition (its layout changed), not of the parcel.
    case layoutPartlyNotRecognised = "layout_partly_not_recognised"
    /// The source does not know the number.
    case notFound = "not_found"
    /// The source knows of the number but has nothing to say yet (a label just made, a registration in progress);
    /// asked again on a later run, not at once.
    case notYet = "not_yet"
    /// The source refused the request as a bot (a block page, a challenge page, a redirect to a landing page).
    case blocked
    /// The credentials were refused, are missing, or do not cover this number (another shipper's label).
    case unauthorized
    /// The source asked us to slow down; try again after the time it gave.
    case rateLimited = "rate_limited"
    /// The account's allowance (calls per hour, units per month) is spent.
    case quotaExhausted = "quota_exhausted"
    /// The source answered with an error of its own ("system busy").
    case carrierError = "carrier_error"
    /// The request failed on the way: network, timeout, an HTTP error status, an empty or truncated body.
    case fetchFailed = "fetch_failed"
    /// The answer is not the format the source's definition describes.
    case layoutNotRecognised = "layout_not_recognised"
    /// The number itself is unusable: bad shape or check digit, unknown carrier.
    case invalidInput = "invalid_input"
    /// No configured source can track this carrier (none has its credentials, or no definition serves it).
    case noSource = "no_source"
    /// Not asked in this run: the deadline, the night's quota plan, or a source that stopped answering.
    case notChecked = "not_checked"

    /// Whether the source gave a usable timeline (complete or not).
    public var hasTimeline: Bool { self == .found || self == .layoutPartlyNotRecognised }

    /// Whether the next source in the store's order of preference should be asked instead: this source cannot
    /// answer for reasons of its own, not of the parcel.
    public var fallsBack: Bool {
        switch self {
        case .blocked, .unauthorized, .quotaExhausted, .noSource: true
        default: false
        }
    }

    /// A few words for people: "blocked (bot protection)".
    public var label: String {
        switch self {
        case .found: "found"
        case .layoutPartlyNotRecognised: "layout partly not recognised"
        case .notFound: "not found"
        case .notYet: "not yet"
        case .blocked: "blocked (bot protection)"
        case .unauthorized: "unauthorized"
        case .rateLimited: "rate limited"
        case .quotaExhausted: "quota exhausted"
        case .carrierError: "carrier error"
        case .fetchFailed: "fetch failed"
        case .layoutNotRecognised: "layout not recognised"
        case .invalidInput: "invalid input"
        case .noSource: "no source"
        case .notChecked: "not checked"
        }
    }
}
