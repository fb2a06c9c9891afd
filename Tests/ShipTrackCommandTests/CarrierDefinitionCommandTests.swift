import CarrierSimulator
import Foundation
import Logging
import Testing

/// `shiptrack carriers`, `identify`, `parse-page` and `--carriers` overrides, run as the real binary.
@Suite("carrier definitions on the command line")
struct CarrierDefinitionCommandTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shiptrack-carriers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The USPS page's reading rules (XPath, status wordings): a source definition.
    private func uspsPageDefinition() throws -> String {
        try String(contentsOf: CommandRunner.repositoryRoot.appendingPathComponent("TrackingSources/usps-page.json"), encoding: .utf8)
    }

    @Test("The built-in carriers are listed from any working directory")
    func listsBuiltIns() throws {
        let outcome = try CommandRunner.run(["carriers"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("usps  USPS"))
        #expect(outcome.stdout.contains("epacket  ePacket (China Post)"))
        #expect(outcome.stdout.contains("ems  EMS (China Post)"))
    }

    @Test("--check accepts the repository's Carriers folder")
    func checksRepositoryFolder() throws {
        let outcome = try CommandRunner.run(["carriers", "--check", CommandRunner.repositoryRoot.appendingPathComponent("Carriers").path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("3 definition(s) OK"))
    }

    @Test("sources --check-definitions names the file and key of a broken definition")
    func checkReportsBrokenFile() throws {
        let folder = try temporaryFolder()
        let broken = try uspsPageDefinition().replacingOccurrences(
            of: "\"event_rows\": \"//div[", with: "\"event_rows\": \"//div[[")
        try broken.write(to: folder.appendingPathComponent("usps-page.json"), atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["sources", "--check-definitions", folder.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("usps-page.json: answer.event_rows"), "\(outcome.stderr)")
    }

    @Test("A follow-on leg's destination in lower case is refused at load (it would never match)")
    func lowerCaseDestination() throws {
        let folder = try temporaryFolder()
        let epacket = try String(contentsOf: CommandRunner.repositoryRoot.appendingPathComponent("Carriers/epacket.json"), encoding: .utf8)
        try epacket.replacingOccurrences(of: "\"US\",", with: "\"us\",")
            .write(to: folder.appendingPathComponent("epacket.json"), atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["carriers", "--check", folder.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("epacket.json: follow_on_legs.destinations: \"us\""), "\(outcome.stderr)")
    }

    @Test("A source definition in $SHIPTRACK_SOURCES replaces the built-in one without a rebuild")
    func overrideChangesBehaviour() async throws {
        let folder = try temporaryFolder()
        // The store decides "Notice Left" means available for pickup.
        let edited = try uspsPageDefinition().replacingOccurrences(
            of: "\"status\": \"attempt_fail\",\n        \"reason\": \"notice_left\",",
            with: "\"status\": \"available_for_pickup\",")
        #expect(edited != (try uspsPageDefinition()), "the rule to edit is where the test expects it")
        try edited.write(to: folder.appendingPathComponent("usps-page.json"), atomically: true, encoding: .utf8)
        let page = CommandRunner.repositoryRoot.appendingPathComponent("Fixtures/usps/9400100000000000000068.html").path
        let builtIn = try CommandRunner.run(["parse-page", "--carrier", "usps", page])
        #expect(builtIn.stdout.contains("\"status\" : \"attempt_fail\""))
        let overridden = try CommandRunner.run(["parse-page", "--carrier", "usps", page], environment: ["SHIPTRACK_SOURCES": folder.path])
        #expect(overridden.status == 0)
        #expect(overridden.stdout.contains("\"status\" : \"available_for_pickup\""))
    }

    @Test("identify says carrier, service and validity, in text and JSON")
    func identify() throws {
        let outcome = try CommandRunner.run(["identify", "lx 1000-1111 1 cn", "EA100011111CN", "9400100000000000000051"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("LX100011111CN  epacket  ePacket  valid"))
        #expect(outcome.stdout.contains("EA100011111CN  ems  EMS  valid"))
        let bad = try CommandRunner.run(["identify", "--json", "LX100011112CN", "LX100011111XX"])
        #expect(bad.status == 2)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(bad.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 2)
        let verdict = try #require(entries.first?["verdict"] as? [String: Any])
        #expect(verdict["kind"] as? String == "invalid")
        #expect((verdict["reason"] as? String)?.contains("check digit") == true)
        #expect(bad.stderr.contains("LX100011111XX"))
    }

    @Test("An unknown carrier name is invalid input")
    func unknownCarrier() throws {
        let outcome = try CommandRunner.run(["lookup", "--carrier", "dhl", "--base-url", "http://127.0.0.1:9", "9400100000000000000051"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("no carrier named \"dhl\""))
    }
}
