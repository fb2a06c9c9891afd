import Foundation
import ShipTrackTestSupport
import Testing

@testable import CarrierSimulator

/// Bot protection on the page routes: Akamai's deny page, JavaScript challenge and redirects on USPS, China Post's
/// CAPTCHA, by option for every request or by special number beside normal pages.
@Suite(.timeLimit(.minutes(1)))
struct PageBlockingTests {
    static let number = CarrierSimulator.sampleTrackingNumbers(carrier: "usps", count: 1, seed: 70)[0]
    static let ePacket = CarrierSimulator.sampleTrackingNumbers(carrier: "epacket", count: 1, seed: 70)[0]

    static func pages(_ blocking: CarrierSimulator.PageBlocking) async throws -> (usps: RawHTTPResponse, chinaPost: RawHTTPResponse, statistics: CarrierSimulator.Statistics) {
        let fixtures = try APITest.fixtures()
        return try await withSimulator(fixtures, options: APITest.options(pageBlocking: blocking)) { simulator, port in
            (
                try await APITest.send(port: port, APITest.request("GET", "\(APITest.uspsPagePath)?tLabels=\(Self.number)")),
                try await APITest.send(port: port, APITest.request("GET", "\(APITest.chinaPostPagePath)?mailNo=\(Self.ePacket)")),
                simulator.statistics
            )
        }
    }

    @Test func accessDeniedIsA403FromAkamaiWithAnEncodedReference() async throws {
        let (usps, chinaPost, statistics) = try await Self.pages(.init(usps: .accessDenied))
        #expect(usps.statusCode == 403)
        #expect(usps.header("Server") == "AkamaiGHost")
        #expect(usps.text.contains("<TITLE>Access Denied</TITLE>"))
        #expect(usps.text.contains("Reference&#32;&#35;18&#46;"))
        #expect(!usps.text.contains("Reference #"), "the reference is entity-encoded")
        #expect(usps.text.contains("errors&#46;edgesuite&#46;net"))
        #expect(chinaPost.statusCode == 200)
        #expect(chinaPost.body == CarrierSimulator.generatedPage(carrier: "epacket", number: Self.ePacket, simulatedDate: APITest.day)?.bytes)
        #expect(statistics.pagesBlocked == 1)
    }

    @Test func theChallengeIsA200WithAkamaisMarkers() async throws {
        let (usps, _, _) = try await Self.pages(.init(usps: .javascriptChallenge))
        #expect(usps.statusCode == 200)
        #expect(usps.text.contains("id=\"sec-if-cpt-container\""))
        #expect(usps.text.contains("id=\"sec-cpt-if\""))
        #expect(usps.text.contains("Powered and protected by Akamai"))
        #expect(usps.header("Set-Cookie")?.hasPrefix("sec_cpt=") == true)
        #expect(!usps.text.contains("tb-step"))
    }

    @Test func redirectsGoToTheUSPSHomeOnAnotherHostOrToTheRoot() async throws {
        let (home, _, _) = try await Self.pages(.init(usps: .redirectToUSPSHome))
        let (root, _, _) = try await Self.pages(.init(usps: .redirectToRoot))
        #expect(home.statusCode == 302)
        #expect(home.header("Location") == "https://www.usps.com/")
        #expect(root.statusCode == 302)
        #expect(root.header("Location") == "/")
    }

    @Test func chinaPostAsksForItsSliderCaptcha() async throws {
        let (usps, chinaPost, _) = try await Self.pages(.init(chinaPost: .captcha))
        #expect(chinaPost.statusCode == 200)
        #expect(chinaPost.text.contains("slideVerifyCheck"))
        #expect(chinaPost.text.contains("请完成安全验证"))
        #expect(!chinaPost.text.contains("showTable"))
        #expect(usps.body == CarrierSimulator.generatedPage(carrier: "usps", number: Self.number, simulatedDate: APITest.day)?.bytes)
    }

    @Test func specialNumbersBlockSomeNumbersWhileOthersAreServed() async throws {
        let directory = RepositoryPaths.fixtures
        let (responses, statistics) = try await withSimulator(directory: directory, options: APITest.options(generated: false)) { simulator, port in
            let targets = [
                "\(APITest.uspsPagePath)?tLabels=9400100000000000009122", "\(APITest.uspsPagePath)?tLabels=9400100000000000009139",
                "\(APITest.uspsPagePath)?tLabels=9400100000000000009146", "\(APITest.uspsPagePath)?tLabels=9400100000000000009153",
                "\(APITest.chinaPostPagePath)?mailNo=EE999009166CN", "\(APITest.uspsPagePath)?tLabels=9400100000000000000051",
            ]
            var responses: [RawHTTPResponse] = []
            for target in targets {
                responses.append(try await APITest.send(port: port, APITest.request("GET", target)))
            }
            return (responses, simulator.statistics)
        }
        #expect(responses.map(\.statusCode) == [403, 200, 302, 302, 200, 200])
        #expect(responses[1].text.contains("sec-if-cpt-container"))
        #expect(responses[2].header("Location") == "https://www.usps.com/")
        #expect(responses[3].header("Location") == "/")
        #expect(responses[4].text.contains("slideVerifyCheck"))
        #expect(responses[5].body == Array(try Data(contentsOf: directory.appendingPathComponent("usps/9400100000000000000051.html"))))
        #expect(statistics.pagesBlocked == 5)
    }

    @Test func theRoutingFileChecksBlockingEntries() throws {
        #expect(throws: CarrierSimulatorError.self) {
            try SimulatorConfiguration.decode(Data(TestRoutingFile.special("N1", #"{"fault": "akamai_redirect", "location": "ftp://x"}"#).utf8), file: "t")
        }
        #expect(throws: CarrierSimulatorError.self) {
            try SimulatorConfiguration.decode(Data(TestRoutingFile.special("N1", #"{"fault": "akamai_denied", "location": "/"}"#).utf8), file: "t")
        }
        let configuration = try SimulatorConfiguration.decode(
            Data(TestRoutingFile.special("N1", #"{"fault": "akamai_redirect"}"#).utf8), file: "t"
        )
        #expect(configuration.specialNumbers[TrackingNumber(normalizing: "N1")!]?.fault == .pageBlock(.akamai(.redirectToUSPSHome)))
    }
}
