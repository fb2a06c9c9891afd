import Foundation
import ShipTrackEstimate
import ShipTrackModel
import ShipTrackTestSupport
import Testing

/// Shared helpers: days and times from literals, policies edited from the built-in file, carrier results.
enum Support {
    static let estimator = Estimator()
    static let calendar = StorePolicy.builtIn.calendar
    static let parser = TimestampParser(policy: .builtIn)

    /// The reference order of most tests: Monday 2026-03-02, 10:00 in Shanghai.
    static let orderedAt = time("2026-03-02T10:00:00+08:00")

    /// The repository's `Policy/` folder, found from this file's path.
    static let policyFolder = RepositoryPaths.policy

    static func day(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> CalendarDay {
        guard let day = CalendarDay(iso: text) else {
            Issue.record("not a day: \(text)", sourceLocation: sourceLocation)
            return CalendarDay(daysSinceEpoch: 0)
        }
        return day
    }

    /// A time in ISO 8601 with offset, or a plain date (its start in Shanghai).
    static func time(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Date {
        do {
            return try parser.parse(text, field: "test")
        } catch {
            Issue.record("\(error)", sourceLocation: sourceLocation)
            return Date(timeIntervalSince1970: 0)
        }
    }

    /// Noon in Shanghai on `text`: a "now" well inside the day.
    static func noon(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Date {
        time(text + "T12:00:00+08:00", sourceLocation: sourceLocation)
    }

    /// The built-in policy file as a JSON object, edited by `edit`, then loaded.
    static func policy(_ edit: (inout [String: Any]) -> Void) throws -> StorePolicy {
        try StorePolicy(json: editedPolicyJSON(edit))
    }

    static func editedPolicyJSON(_ edit: (inout [String: Any]) -> Void) throws -> Data {
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(StorePolicy.builtInJSON.utf8)) as? [String: Any])
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    static func editedCountriesJSON(_ edit: (inout [[String: Any]]) -> Void) throws -> Data {
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(CountryTable.builtInJSON.utf8)) as? [String: Any])
        var countries = try #require(object["countries"] as? [[String: Any]])
        edit(&countries)
        object["countries"] = countries
        return try JSONSerialization.data(withJSONObject: object)
    }

    /// A carrier event at `time`, in China Post's UTC+08:00.
    static func event(
        _ status: TrackingStatus, at time: Date, reason: StatusReason? = nil, description: String = "scan"
    ) -> TrackingEvent {
        let seconds = Int(time.timeIntervalSince1970)
        return TrackingEvent(
            time: EventTime(local: LocalDateTime(secondsSinceEpoch: seconds + 28_800), utcOffsetSeconds: 28_800),
            location: EventLocation(raw: "SHANGHAI"), description: description, status: status, reason: reason,
            reportedBy: "epacket")
    }

    static func result(_ events: [TrackingEvent], number: String = "LX123456785CN") -> TrackingResult {
        TrackingResult(
            trackingNumber: number, carrier: "epacket", events: events, fetchedAt: Date(timeIntervalSince1970: 0),
            sourceURL: "")
    }

    /// The reference order to the United States as of `now`, with a parcel described by the arguments.
    static func estimate(
        destination: String = "US", orderedAt: Date = Support.orderedAt, shippedAt: Date? = nil,
        trackingNumber: String? = nil, tracking: TrackingState = .notFetched, now: Date,
        estimator: Estimator = Support.estimator
    ) throws -> ShipmentEstimate {
        try estimator.estimate(
            ShipmentFacts(
                orderedAt: orderedAt, destination: destination, shippedAt: shippedAt, trackingNumber: trackingNumber,
                tracking: tracking),
            now: now)
    }
}
