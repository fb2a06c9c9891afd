import Foundation
@testable import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel
import Testing

@Suite("Small engine pieces")
struct TimePatternAndURLTests {
    @Test("Percent-encoding keeps a number from changing the URL's structure")
    func percentEncoding() {
        #expect(SourceEngine.percentEncode("LX123456785CN") == "LX123456785CN")
        #expect(SourceEngine.percentEncode("a&b=c/d?e#f g") == "a%26b%3Dc%2Fd%3Fe%23f%20g")
        #expect(SourceEngine.percentEncode("单") == "%E5%8D%95")
    }

    @Test("Requests put the escaped number into the path; a JSON body escapes it as a JSON string")
    func request() throws {
        let registry = try CarrierRegistry.builtIn()
        let page = try #require(registry.sources["usps-page"])
        let values = TemplateValues(items: [("94 00&x", nil)], token: nil, secrets: .empty, sourceID: "usps-page")
        let request = try page.track.build(base: "http://127.0.0.1:9", values: values)
        #expect(request.url == "http://127.0.0.1:9/go/TrackConfirmAction?tLabels=94%2000%26x")

        let api = try #require(registry.sources["usps-api"])
        let batch = TemplateValues(
            items: [("9400100000000000000013", nil), ("A\"B\\C", nil)], token: "tok-123456", secrets: .empty, sourceID: "usps-api")
        let post = try api.track.build(base: "https://apis.usps.com", values: batch)
        #expect(post.method == .post)
        #expect(String(decoding: post.body ?? [], as: UTF8.self) == #"[{"trackingNumber":"9400100000000000000013"},{"trackingNumber":"A\"B\\C"}]"#)
        #expect(post.headers.contains { $0.name == "Authorization" && $0.value == "Bearer tok-123456" })
        #expect(post.redactions.contains("tok-123456"))
    }

    @Test("A 17TRACK batch writes each carrier's code as a JSON number and its key as a header, redacted")
    func seventeenTrackBody() throws {
        let engine = try #require(try CarrierRegistry.builtIn().sources["17track"])
        let values = TemplateValues(
            items: [("LX100011111CN", engine.code(for: "epacket")), ("EA100011111CN", engine.code(for: "ems"))], token: nil,
            secrets: SecretStore(values: ["TRACK17_API_KEY": "key-abcdef"]), sourceID: "17track")
        let request = try engine.track.build(base: "https://api.17track.net", values: values)
        #expect(String(decoding: request.body ?? [], as: UTF8.self)
            == #"[{"number":"LX100011111CN","carrier":3011},{"number":"EA100011111CN","carrier":3013}]"#)
        #expect(request.headers.contains { $0.name == "17token" && $0.value == "key-abcdef" })
        #expect(request.redactions == ["key-abcdef"])
    }

    @Test("Time patterns read ISO 8601 offsets and fractions")
    func offsets() throws {
        let pattern = try TimePattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
        let read = try #require(pattern.matchWithOffset("2026-11-20T10:15:00.123-05:00"))
        #expect(read.local.description == "2026-11-20T10:15:00")
        #expect(read.offsetSeconds == -5 * 3_600)
        let zulu = try #require(try TimePattern("yyyy-MM-dd'T'HH:mm:ssXXX").matchWithOffset("2026-11-20T10:15:00Z"))
        #expect(zulu.offsetSeconds == 0)
        #expect(try TimePattern("yyyy-MM-dd'T'HH:mm:ssXXX").matchWithOffset("2026-11-20T10:15:00+25:00") == nil)
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
