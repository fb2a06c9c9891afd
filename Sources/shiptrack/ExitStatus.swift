import ArgumentParser
import ShipTrackCarriers

/// The documented exit statuses. Larger is worse: with several numbers the command exits with the largest.
enum ExitStatus: Int32, Comparable {
    /// Every number was found (or, for `identify`, identified).
    case success = 0
    /// The carrier does not know a number.
    case notFound = 1
    /// A number (or another input) is invalid: bad shape, bad check digit, unknown carrier, bad date.
    case invalidInput = 2
    /// A page could not be fetched: network failure, timeout, HTTP error status, empty or truncated body, or the
    /// carrier replied with an error.
    case fetchFailed = 3
    /// A page arrived but is not the layout its carrier definition describes.
    case pageNotRecognised = 4

    init(_ category: TrackingError.Category) {
        switch category {
        case .invalidInput: self = .invalidInput
        case .notFound: self = .notFound
        case .fetchFailed: self = .fetchFailed
        case .pageNotRecognised: self = .pageNotRecognised
        }
    }

    static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }

    var exitCode: ExitCode { ExitCode(rawValue) }
}
