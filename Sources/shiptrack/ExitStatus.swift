import ArgumentParser
import ShipTrackCarriers
import ShipTrackModel

/// The documented exit statuses of `lookup` (and `parse-page`). Larger is worse: with several numbers the command
/// exits with the largest. Each says what the operator should do.
enum ExitStatus: Int32, Comparable {
    /// Every number was found (or, for `identify`, identified).
    case success = 0
    /// The source does not know a number, or has nothing yet ("not yet": asked again later).
    case notFound = 1
    /// A number (or another input) is invalid: bad shape, bad check digit, unknown carrier, bad date, bad definition.
    case invalidInput = 2
    /// The request failed: network, timeout, HTTP error status, empty or truncated body, an error reply.
    case fetchFailed = 3
    /// The answer is not the layout its definition describes.
    case pageNotRecognised = 4
    /// The answer was read, but some of its rows were not understood (a partial layout change).
    case partlyNotRecognised = 5
    /// The source refused the request as a bot's (block page, challenge, redirect to a landing page).
    case blocked = 6
    /// Credentials missing, refused, or not covering the number; or no source configured for the carrier.
    case unauthorized = 7
    /// Rate limited or quota exhausted: try again after the time given.
    case rateLimited = 8
    /// Command-line usage error (ArgumentParser's own status).
    case usage = 64

    init(_ outcome: TrackingOutcome) {
        switch outcome {
        case .found: self = .success
        case .layoutPartlyNotRecognised: self = .partlyNotRecognised
        case .notFound, .notYet: self = .notFound
        case .invalidInput: self = .invalidInput
        case .fetchFailed, .carrierError: self = .fetchFailed
        case .layoutNotRecognised: self = .pageNotRecognised
        case .blocked: self = .blocked
        case .unauthorized, .noSource: self = .unauthorized
        case .rateLimited, .quotaExhausted, .notChecked: self = .rateLimited
        }
    }

    static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }

    var exitCode: ExitCode { ExitCode(rawValue) }
}
