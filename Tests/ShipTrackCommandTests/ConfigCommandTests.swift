import Foundation
import Testing

/// `shiptrack config check`: the file and everything it names, checked as a run would, nothing fetched.
@Suite("shiptrack config check")
struct ConfigCommandTests {
    static func write(_ json: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shiptrack-config-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        return url.path
    }

    @Test("A good file is OK, with each carrier's order of sources")
    func good() throws {
        let path = try Self.write(#"{"sources": {"preferences": {"epacket": ["chinapost-page", "17track"]}}}"#)
        let outcome = try CommandRunner.run(["config", "check", "--config", path], environment: ["TRACK17_API_KEY": "k"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("\(path): OK"))
        #expect(outcome.stdout.contains("epacket: asks chinapost-page then 17track"))
    }

    @Test("A mistake is one line naming the file, the key and the problem, exit 2", arguments: [
        (#"{"orders": {"columns": {"destinaton": "Country"}}}"#, "orders.columns"),
        (#"{"sources": {"preferences": {"usps": ["dhl-api"]}}}"#, "dhl-api"),
        (#"{"policy": "/nonexistent/policy.json"}"#, "policy"),
        (#"{"reports": {"templates": "/nonexistent/messages.json"}}"#, "reports.templates"),
    ])
    func mistakes(json: String, words: String) throws {
        let path = try Self.write(json)
        let outcome = try CommandRunner.run(["config", "check", "--config", path])
        #expect(outcome.status == 2, "\(outcome.stdout)")
        #expect(outcome.stderr.contains(words), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }
}
