import NIOCore
import Testing

@testable import CarrierSimulator

/// Routing and planning without a network: numbers, form fields, routes and plans.
@Suite
struct RoutingTests {
    static let usps = CarrierRoute(
        id: "usps", path: "/go/TrackConfirmAction", numberParameter: "tLabels", method: .get,
        contentType: "text/html", directory: "usps", fileExtension: "html", unknownNumberFile: "not-found.html"
    )
    static let ems = CarrierRoute(
        id: "ems", path: "/ems/track", numberParameter: "mailNum", method: .post,
        contentType: "application/xml", directory: "ems", fileExtension: "xml", unknownNumberFile: "not-found.xml"
    )

    @Test(arguments: [
        ("9400111899223197428490", "9400111899223197428490"), (" ee123456789cn\n", "EE123456789CN"), ("a", "A"),
        (String(repeating: "7", count: 40), String(repeating: "7", count: 40)),
    ])
    func normalisesValidNumbers(raw: String, expected: String) {
        #expect(TrackingNumber(normalizing: raw)?.value == expected)
    }

    @Test(arguments: ["", "   ", "../etc/passwd", "AB 12", "ß", "ＡＢ12", "AB.html", "AB-12", String(repeating: "7", count: 41)])
    func rejectsInvalidNumbers(raw: String) {
        #expect(TrackingNumber(normalizing: raw) == nil)
    }

    @Test func readsFormFields() {
        let encoded = Array("a=1&tLabels=94%30+0&tLabels=second&empty=&flag".utf8)
        #expect(FormURLEncoding.firstValue(named: "tLabels", in: encoded) == "940 0")
        #expect(FormURLEncoding.firstValue(named: "empty", in: encoded) == "")
        #expect(FormURLEncoding.firstValue(named: "flag", in: encoded) == "")
        #expect(FormURLEncoding.firstValue(named: "missing", in: encoded) == nil)
        #expect(FormURLEncoding.firstValue(named: "x", in: Array("x=%4".utf8)) == nil)
        #expect(FormURLEncoding.firstValue(named: "x", in: Array("x=%FF".utf8)) == nil)
        #expect(FormURLEncoding.firstValue(named: "t L", in: Array("t+L=1".utf8)) == "1")
    }

    @Test func routesByPathAndMethodAndFindsTheNumber() {
        let router = CarrierRouter(carriers: [Self.usps, Self.ems])
        let number = TrackingNumber(normalizing: "EE123456789CN")
        func request(_ method: String, _ target: String, form: String? = nil) -> SimulatorRequest {
            SimulatorRequest(
                method: method, target: target,
                contentType: form == nil ? nil : "application/x-www-form-urlencoded; charset=utf-8",
                body: Array((form ?? "").utf8)
            )
        }
        #expect(router.route(request("GET", "/go/TrackConfirmAction?tLabels=ee123456789cn")) == .carrier(Self.usps, number: number))
        #expect(router.route(request("GET", "/go/TrackConfirmAction")) == .carrier(Self.usps, number: nil))
        #expect(router.route(request("POST", "/ems/track?mailNum=XX1", form: "mailNum=EE123456789CN")) == .carrier(Self.ems, number: number))
        #expect(router.route(request("POST", "/ems/track?mailNum=EE123456789CN", form: "other=1")) == .carrier(Self.ems, number: number))
        #expect(router.route(request("GET", "/ems/track?mailNum=EE123456789CN")) == .methodNotAllowed(Self.ems))
        #expect(router.route(request("GET", "/go/TrackConfirmAction/?tLabels=1")) == .unknownPath)
        #expect(router.route(request("GET", "*")) == .unknownPath)
    }

    @Test func plansPagesAndFaults() throws {
        let planner = ResponsePlanner(specialNumbers: [
            try #require(TrackingNumber(normalizing: "ALIAS")): SpecialNumberBehaviour(fault: nil, fileName: "alias.html"),
            try #require(TrackingNumber(normalizing: "TRUNC")): SpecialNumberBehaviour(fault: .truncated, fileName: nil),
            try #require(TrackingNumber(normalizing: "SLOW")): SpecialNumberBehaviour(fault: .timeout, fileName: nil),
        ])
        let number = try #require(TrackingNumber(normalizing: "EE123456789CN"))
        #expect(
            planner.plan(for: .carrier(Self.ems, number: number))
                == .respond(PlannedResponse(status: 200, contentType: "application/xml", body: .fixture(candidates: ["ems/EE123456789CN.xml", "ems/not-found.xml"])))
        )
        #expect(
            planner.plan(for: .carrier(Self.usps, number: nil))
                == .respond(PlannedResponse(status: 200, contentType: "text/html", body: .fixture(candidates: ["usps/not-found.html"])))
        )
        #expect(
            planner.plan(for: .carrier(Self.ems, number: TrackingNumber(normalizing: "alias")))
                == .respond(PlannedResponse(status: 200, contentType: "application/xml", body: .fixture(candidates: ["ems/alias.html"])))
        )
        #expect(
            planner.plan(for: .carrier(Self.usps, number: TrackingNumber(normalizing: "trunc")))
                == .truncate(PlannedResponse(status: 200, contentType: "text/html", body: .fixture(candidates: ["usps/TRUNC.html", "usps/not-found.html"])))
        )
        #expect(planner.plan(for: .carrier(Self.usps, number: TrackingNumber(normalizing: "slow"))) == .staySilent)
        guard case .respond(let notFound) = planner.plan(for: .unknownPath) else {
            Issue.record("an unknown path must be answered")
            return
        }
        #expect(notFound.status == 404)
    }

    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(of: Array("123456789".utf8)) == 0xcbf4_3926)
        #expect(CRC32.checksum(of: [UInt8]()) == 0)
    }

    @Test(arguments: [0, 1, 65_535, 65_536, 200_000])
    func gzipStoredEncodingRoundTrips(byteCount: Int) throws {
        let input = (0..<byteCount).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        #expect(try StoredGzipDecoder.decode(GzipStoredEncoder.encode(input)) == input)
    }

    @Test func junkIsDeterministicAndSeedDependent() {
        let first = JunkBytes.make(seed: 42, byteCount: 1_001)
        #expect(first.readableBytes == 1_001)
        #expect(first == JunkBytes.make(seed: 42, byteCount: 1_001))
        #expect(first != JunkBytes.make(seed: 43, byteCount: 1_001))
    }
}
