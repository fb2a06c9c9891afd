public import ShipTrackHTTP

/// Why a lookup did not produce a tracking result, in terms a store can act on.
///
/// A struct over a private code (new cases never break callers). ``category`` groups failures the way the
/// command's exit statuses and the batch's retry policy need.
public struct TrackingError: Error, Sendable, CustomStringConvertible {
    /// How a failure should be treated.
    public enum Category: String, Sendable, Codable {
        /// The number itself is unusable (bad shape, bad check digit, no such carrier).
        case invalidInput = "invalid_input"
        /// The carrier says it does not know the number.
        case notFound = "not_found"
        /// The page could not be fetched (network, HTTP error status, timeout, an error reply from the carrier);
        /// may succeed later.
        case fetchFailed = "fetch_failed"
        /// The page arrived but is not the layout the definition describes.
        case pageNotRecognised = "page_not_recognised"
    }

    private enum Code: Sendable {
        case invalidNumber
        case unknownCarrier
        case notFound
        case transport(HTTPClientError)
        case httpStatus(Int, retryAfterSeconds: Int?)
        case emptyBody
        case layoutNotRecognised
        case carrierError
        case otherFetchFailure
        case cancelled
    }

    private let code: Code
    /// The tracking number concerned.
    public let trackingNumber: String
    /// The carrier concerned, when known.
    public let carrier: String?
    /// The detail: what was wrong, in one line.
    public let detail: String

    private init(_ code: Code, number: String, carrier: String?, detail: String) {
        self.code = code
        self.trackingNumber = number
        self.carrier = carrier
        self.detail = detail
    }

    public static func invalidNumber(_ number: String, detail: String) -> Self {
        .init(.invalidNumber, number: number, carrier: nil, detail: detail)
    }
    public static func unknownCarrier(_ number: String, carrier: String, known: [String]) -> Self {
        .init(
            .unknownCarrier, number: number, carrier: carrier,
            detail: "no carrier named \"\(carrier)\" (known: \(known.joined(separator: ", ")))")
    }
    public static func notFound(_ number: String, carrier: String, detail: String) -> Self {
        .init(.notFound, number: number, carrier: carrier, detail: detail)
    }
    public static func transport(_ number: String, carrier: String, error: HTTPClientError) -> Self {
        .init(.transport(error), number: number, carrier: carrier, detail: error.description)
    }
    public static func fetchFailed(_ number: String, carrier: String, detail: String) -> Self {
        .init(.otherFetchFailure, number: number, carrier: carrier, detail: detail)
    }
    /// The caller stopped waiting (its task was cancelled, for example at a batch's deadline).
    public static func cancelled(_ number: String, carrier: String) -> Self {
        .init(.cancelled, number: number, carrier: carrier, detail: "cancelled before the page arrived")
    }
    public static func httpStatus(_ number: String, carrier: String, status: Int, retryAfterSeconds: Int?, url: String)
        -> Self
    {
        .init(
            .httpStatus(status, retryAfterSeconds: retryAfterSeconds), number: number, carrier: carrier,
            detail: "HTTP \(status) from \(url)")
    }
    public static func emptyBody(_ number: String, carrier: String, url: String) -> Self {
        .init(.emptyBody, number: number, carrier: carrier, detail: "empty page from \(url)")
    }
    public static func layoutNotRecognised(_ number: String, carrier: String, detail: String) -> Self {
        .init(.layoutNotRecognised, number: number, carrier: carrier, detail: "page layout not recognised: \(detail)")
    }
    public static func carrierError(_ number: String, carrier: String, detail: String) -> Self {
        .init(.carrierError, number: number, carrier: carrier, detail: "carrier reported an error: \(detail)")
    }

    /// How the failure should be treated.
    public var category: Category {
        switch code {
        case .invalidNumber, .unknownCarrier: .invalidInput
        case .notFound: .notFound
        case .transport, .httpStatus, .emptyBody, .otherFetchFailure, .carrierError, .cancelled: .fetchFailed
        case .layoutNotRecognised: .pageNotRecognised
        }
    }

    /// Whether asking again later may succeed: transient transport failures, 429 and 5xx, empty bodies, carrier
    /// error replies ("system busy").
    public var isRetryable: Bool {
        switch code {
        case .transport(let error): error.isTransient
        case .httpStatus(let status, _): status == 429 || (500...599).contains(status)
        case .emptyBody, .carrierError: true
        default: false
        }
    }

    /// Whether the lookup was cancelled rather than failed.
    public var isCancellation: Bool { if case .cancelled = code { true } else { false } }

    /// The HTTP status, when the failure was an error status.
    public var httpStatus: Int? { if case .httpStatus(let status, _) = code { status } else { nil } }

    /// The server's `Retry-After`, in seconds, when it sent one.
    public var retryAfterSeconds: Int? { if case .httpStatus(_, let seconds) = code { seconds } else { nil } }

    public var description: String {
        let who = carrier.map { " (\($0))" } ?? ""
        return "\(trackingNumber)\(who): \(detail)"
    }
}
