import Foundation
import ShipTrackEstimate
import Testing

/// The calendar warning as JSON: what a script reading `shiptrack estimate --json` sees.
struct CalendarWarningEncodingTests {
    static func encoded(_ estimate: ShipmentEstimate) throws -> [String: Any] {
        let data = try JSONEncoder().encode(estimate)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Ordered Monday 2026-11-30 to Africa: 5 + 45 business days run to 2027-02-16, through 2027, which has no
    /// official holiday list.
    @Test func anEstimateRunningInto2027CarriesTheWarning() throws {
        let estimate = try Support.estimate(
            destination: "NG", orderedAt: Support.time("2026-11-30T10:00:00+08:00"), now: Support.noon("2026-12-01"))
        let object = try Self.encoded(estimate)
        let warnings = try #require(object["calendar_warnings"] as? [[String: Any]])
        #expect(warnings.count == 1)
        #expect(warnings.first?["year"] as? Int == 2027)
        #expect((warnings.first?["message"] as? String)?.contains("2027") == true)
    }

    @Test func anEstimateWithin2026CarriesNone() throws {
        let estimate = try Support.estimate(now: Support.noon("2026-03-10"))
        let object = try Self.encoded(estimate)
        #expect((object["calendar_warnings"] as? [Any])?.isEmpty == true)
    }
}
