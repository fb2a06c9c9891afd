public import ShipTrackHTTP
public import ShipTrackModel

/// Why a lookup did not produce a tracking result, in terms a store can act on.
///
/// Its ``outcome`` is the typed kind every layer switches on (the command's exit status, the batch's retries and
/// reports); ``detail`` is the sentence for people, with secrets already redacted. A struct over a private code, so
/// new causes never break callers.
public struct TrackingError: Error, Sendable, CustomStringConvertible {
    private enum Code: Sendable {
        case invalidNumber
        case unknownCarrier
        case transport(HTTPClientError)
        case httpStatus(Int)
        case emptyBody
        case tooLarge
        case cancelled
        case notRegistered
        case missingSecret
        case sourcePaused
        case sourceDown
        case other
    }

    private let code: Code
    /// How the lookup ended.
    public let outcome: TrackingOutcome
    /// The tracking number concerned.
    public let trackingNumber: String
    /// The carrier concerned, when known.
    public let carrier: String?
    /// The source that was asked, when one was.
    public let source: SourceID?
    /// What was wrong, in one line.
    public let detail: String
    /// When the source said to come back (`Retry-After`), if it did.
    public let retryAfter: Duration?
    /// What the operator should do, from the source's definition (`Configure the USPS API: see docs/sources.md`).
    public var advice: String?
    /// Sources asked before this one that could not answer either.
    public var fallbacks: [SourceFallback] = []

    private init(
        _ code: Code, outcome: TrackingOutcome, number: String, carrier: String?, source: SourceID? = nil,
        detail: String, retryAfter: Duration? = nil
    ) {
        self.code = code
        self.outcome = outcome
        self.trackingNumber = number
        self.carrier = carrier
        self.source = source
        self.detail = detail
        self.retryAfter = retryAfter
    }

    public static func invalidNumber(_ number: String, detail: String) -> Self {
        .init(.invalidNumber, outcome: .invalidInput, number: number, carrier: nil, detail: detail)
    }
    public static func unknownCarrier(_ number: String, carrier: String, known: [String]) -> Self {
        .init(
            .unknownCarrier, outcome: .invalidInput, number: number, carrier: carrier,
            detail: "no carrier named \"\(carrier)\" (known: \(known.joined(separator: ", ")))")
    }
    /// No configured source tracks this carrier (none has its credentials), or the number is a valid one of a post
    /// no source serves.
    public static func noSource(_ number: String, carrier: String?, detail: String) -> Self {
        .init(.other, outcome: .noSource, number: number, carrier: carrier, detail: detail)
    }
    /// A source needs a secret that is not configured: reported before any request is sent.
    public static func missingSecret(_ number: String, carrier: String?, source: SourceID, detail: String) -> Self {
        .init(.missingSecret, outcome: .unauthorized, number: number, carrier: carrier, source: source, detail: detail)
    }
    public static func outcome(
        _ outcome: TrackingOutcome, _ number: String, carrier: String?, source: SourceID?, detail: String,
        retryAfter: Duration? = nil
    ) -> Self {
        .init(.other, outcome: outcome, number: number, carrier: carrier, source: source, detail: detail, retryAfter: retryAfter)
    }
    public static func notFound(_ number: String, carrier: String, source: SourceID? = nil, detail: String) -> Self {
        .init(.other, outcome: .notFound, number: number, carrier: carrier, source: source, detail: detail)
    }
    public static func transport(_ number: String, carrier: String, source: SourceID? = nil, error: HTTPClientError) -> Self {
        .init(.transport(error), outcome: .fetchFailed, number: number, carrier: carrier, source: source, detail: error.description)
    }
    public static func fetchFailed(_ number: String, carrier: String, source: SourceID? = nil, detail: String) -> Self {
        .init(.other, outcome: .fetchFailed, number: number, carrier: carrier, source: source, detail: detail)
    }
    /// The caller stopped waiting (its task was cancelled, for example at a batch's deadline).
    public static func cancelled(_ number: String, carrier: String, source: SourceID? = nil) -> Self {
        .init(.cancelled, outcome: .notChecked, number: number, carrier: carrier, source: source,
              detail: "cancelled before the answer arrived")
    }
    public static func httpStatus(
        _ number: String, carrier: String, source: SourceID? = nil, status: Int, retryAfter: Duration?, url: String
    ) -> Self {
        .init(
            .httpStatus(status), outcome: .fetchFailed, number: number, carrier: carrier, source: source,
            detail: "HTTP \(status) from \(url)", retryAfter: retryAfter)
    }
    public static func emptyBody(_ number: String, carrier: String, source: SourceID? = nil, url: String) -> Self {
        .init(.emptyBody, outcome: .fetchFailed, number: number, carrier: carrier, source: source, detail: "empty answer from \(url)")
    }
    public static func tooLarge(_ number: String, carrier: String, source: SourceID? = nil, detail: String) -> Self {
        .init(.tooLarge, outcome: .fetchFailed, number: number, carrier: carrier, source: source, detail: detail)
    }
    public static func layoutNotRecognised(_ number: String, carrier: String, source: SourceID? = nil, detail: String) -> Self {
        .init(
            .other, outcome: .layoutNotRecognised, number: number, carrier: carrier, source: source,
            detail: "answer layout not recognised: \(detail)")
    }
    public static func carrierError(_ number: String, carrier: String, source: SourceID? = nil, detail: String) -> Self {
        .init(.other, outcome: .carrierError, number: number, carrier: carrier, source: source,
              detail: "the source reported an error: \(detail)")
    }
    /// The source asked to wait (`Retry-After`) longer than this process waits: not asked, and why.
    static func sourcePaused(_ number: String, carrier: String?, source: SourceID, detail: String) -> Self {
        .init(.sourcePaused, outcome: .notChecked, number: number, carrier: carrier, source: source, detail: detail)
    }
    /// The source refused every connection lately: not asked again in this process.
    static func sourceDown(_ number: String, carrier: String?, source: SourceID, detail: String) -> Self {
        .init(.sourceDown, outcome: .notChecked, number: number, carrier: carrier, source: source, detail: detail)
    }

    /// The source tracks only registered numbers and this one is not (any more): register it and ask again later.
    static func notRegistered(_ number: String, carrier: String, source: SourceID, detail: String) -> Self {
        .init(.notRegistered, outcome: .notYet, number: number, carrier: carrier, source: source, detail: detail)
    }

    /// The same failure about another number (a whole-call failure applies to every number of the call).
    func about(_ number: String, carrier: String) -> TrackingError {
        var copy = TrackingError(
            code, outcome: outcome, number: number, carrier: carrier, source: source, detail: detail, retryAfter: retryAfter)
        copy.advice = advice
        copy.fallbacks = fallbacks
        return copy
    }

    /// The same failure with the operator's advice attached.
    func advising(_ advice: String?) -> TrackingError {
        var copy = self
        copy.advice = advice ?? self.advice
        return copy
    }

    /// Whether asking again during this run may succeed: transient transport failures, 429 and 5xx, empty bodies,
    /// error replies ("system busy"), a rate limit, and an answer not in the expected format (often a passing fault
    /// of a source that usually answers well; only a repeat proves a layout change, which the caller judges).
    public var isRetryable: Bool {
        switch code {
        case .transport(let error): return error.isTransient
        case .httpStatus(let status): return status == 429 || (500...599).contains(status)
        case .emptyBody: return true
        case .cancelled, .invalidNumber, .unknownCarrier, .notRegistered, .missingSecret, .tooLarge, .sourcePaused, .sourceDown:
            return false
        case .other:
            switch outcome {
            case .carrierError, .rateLimited, .layoutNotRecognised, .fetchFailed: return true
            default: return false
            }
        }
    }

    /// Whether the source must register the number before it can answer.
    var needsRegistration: Bool { if case .notRegistered = code { true } else { false } }

    /// Whether the lookup was cancelled rather than failed.
    public var isCancellation: Bool { if case .cancelled = code { true } else { false } }

    /// The HTTP status, when the failure was an error status.
    public var httpStatus: Int? { if case .httpStatus(let status) = code { status } else { nil } }

    /// The transport failure, when the request failed on the way.
    public var transportError: HTTPClientError? { if case .transport(let error) = code { error } else { nil } }

    /// `Retry-After` in whole seconds, when the source sent one.
    public var retryAfterSeconds: Int? { retryAfter.map { Int($0.components.seconds) } }

    /// A short machine-readable kind of the failure for reports (`http_503`, `timeout`, `blocked`): finer than the
    /// outcome, chosen where the failure happened, never recovered from the message.
    public var kind: String {
        switch code {
        case .transport(let error):
            if error.isTimeout { return "timeout" }
            if error.isConnectionReset { return "reset" }
            if error.isTruncated { return "truncated" }
            if error.isConnectFailure { return "connect" }
            if error.isBodyTooLarge { return "too_large" }
            return "transport"
        case .httpStatus(let status): return "http_\(status)"
        case .emptyBody: return "empty_body"
        case .tooLarge: return "too_large"
        case .cancelled: return "cancelled"
        case .notRegistered: return "not_registered"
        case .missingSecret: return "missing_secret"
        case .sourcePaused: return "source_paused"
        case .sourceDown: return "source_down"
        case .invalidNumber: return "invalid_number"
        case .unknownCarrier: return "unknown_carrier"
        case .other: return outcome.rawValue
        }
    }

    public var description: String {
        var who = [carrier, source.map { "via \($0)" }].compactMap { $0 }.joined(separator: " ")
        if !who.isEmpty { who = " (\(who))" }
        var text = "\(trackingNumber)\(who): \(detail)"
        if let advice { text += ". \(advice)" }
        if !fallbacks.isEmpty {
            text += " [tried first: " + fallbacks.map { "\($0.source): \($0.outcome.label)" }.joined(separator: "; ") + "]"
        }
        return text
    }
}
