import Foundation
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel
import Testing

@Suite("Small engine pieces")
struct TimePatternAndURLTests {
    @Test("Percent-encoding keeps a number from changing the URL's structure")
    func percentEncoding() {
        #expect(CarrierEngine.percentEncode("LX123456785CN") == "LX123456785CN")
        #expect(CarrierEngine.percentEncode("a&b=c/d?e#f g") == "a%26b%3Dc%2Fd%3Fe%23f%20g")
        #expect(CarrierEngine.percentEncode("单") == "%E5%8D%95")
    }

    @Test("Requests put the escaped number into the path and honour a base URL override")
    func request() throws {
        let engine = try #require(try CarrierRegistry.builtIn().engines["usps"])
        let request = engine.request(for: "94 00&x", baseURL: "http://127.0.0.1:9/")
        #expect(request.url == "http://127.0.0.1:9/go/TrackConfirmAction?tLabels=94%2000%26x")
        #expect(engine.request(for: "1").url.hasPrefix("https://tools.usps.com/"))
    }

    @Test("USPS event times get the zone of their state, across a DST change")
    func zoneByState() throws {
        let july = EventTime(local: try #require(LocalDateTime(year: 2023, month: 7, day: 18, hour: 13, minute: 23)),
                             zone: try #require(TimeZone(identifier: "America/New_York")))
        #expect(july.utcOffsetSeconds == -4 * 3_600)
        #expect(july.description == "2023-07-18T13:23:00-04:00")
        let january = EventTime(local: try #require(LocalDateTime(year: 2023, month: 1, day: 18, hour: 13, minute: 23)),
                                zone: try #require(TimeZone(identifier: "America/New_York")))
        #expect(january.utcOffsetSeconds == -5 * 3_600)
    }

    @Test("A time without a known zone has no instant and is never shown as UTC")
    func noZone() throws {
        let time = EventTime(local: try #require(LocalDateTime(year: 2023, month: 5, day: 8)))
        #expect(time.instant == nil)
        #expect(time.description == "2023-05-08T00:00:00")
    }
}
