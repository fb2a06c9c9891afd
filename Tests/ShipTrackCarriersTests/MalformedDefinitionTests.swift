import Foundation
import ShipTrackCarriers
import ShipTrackTestSupport
import Testing

/// A broken definition is an error at load that names the file and the key.
@Suite("Malformed carrier definitions")
struct MalformedDefinitionTests {
    /// The USPS definition as a mutable JSON object, to break one key at a time.
    private func uspsJSON() throws -> [String: Any] {
        let data = try Data(contentsOf: RepositoryPaths.carriers.appendingPathComponent("usps.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func compileError(_ object: [String: Any]) throws -> CarrierDefinitionError {
        let data = try JSONSerialization.data(withJSONObject: object)
        return try #require(throws: CarrierDefinitionError.self) {
            try CarrierRegistry.compile(data, source: "broken.json")
        }
    }

    private func editingPage(_ edit: (inout [String: Any]) -> Void) throws -> [String: Any] {
        var object = try uspsJSON()
        var page = try #require(object["page"] as? [String: Any])
        edit(&page)
        object["page"] = page
        return object
    }

    @Test("A bad XPath names page.event_rows")
    func badXPath() throws {
        let error = try compileError(try editingPage { $0["event_rows"] = "//div[" })
        #expect(error.file == "broken.json")
        #expect(error.key == "page.event_rows")
    }

    @Test("An XPath that compiles but calls an unknown function fails at load, not on every page")
    func unknownXPathFunction() throws {
        let error = try compileError(try editingPage { page in
            var fields = page["fields"] as? [String: Any] ?? [:]
            fields["time"] = ["normalise-space(.//p)"]
            page["fields"] = fields
        })
        #expect(error.key == "page.fields.time[0]")
        #expect(error.message.contains("unknown function"))
    }

    @Test("A bad regular expression names its rule")
    func badRegex() throws {
        var object = try uspsJSON()
        object["statuses"] = ["unrecognised": "in_transit", "rules": [["regex": "(unclosed", "status": "delivered"]]]
        let error = try compileError(object)
        #expect(error.key == "statuses.rules[0].regex")
    }

    @Test("An unknown status name names the rule's key")
    func unknownStatus() throws {
        var object = try uspsJSON()
        object["statuses"] = ["unrecognised": "in_transit", "rules": [["contains": ["x"], "status": "delivred"]]]
        let error = try compileError(object)
        #expect(error.key == "statuses.rules[0].status")
    }

    @Test("A missing key is named")
    func missingKey() throws {
        var object = try uspsJSON()
        object.removeValue(forKey: "request")
        let error = try compileError(object)
        #expect(error.key == "request")
        #expect(error.message == "missing")
    }

    @Test("A bad date format names its index")
    func badDateFormat() throws {
        let error = try compileError(try editingPage { page in
            var time = page["time"] as? [String: Any] ?? [:]
            time["formats"] = ["MMMM d, yyyy", "qqq"]
            page["time"] = time
        })
        #expect(error.key == "page.time.formats[1]")
    }

    @Test("An unknown time zone names its state")
    func unknownZone() throws {
        let error = try compileError(try editingPage { page in
            var time = page["time"] as? [String: Any] ?? [:]
            time["zone_by_state"] = ["CA": "America/Atlantis"]
            page["time"] = time
        })
        #expect(error.key == "page.time.zone_by_state.CA")
    }

    @Test("A future schema version is refused")
    func schemaVersion() throws {
        var object = try uspsJSON()
        object["schema_version"] = 99
        let error = try compileError(object)
        #expect(error.key == "schema_version")
    }

    @Test("Not JSON at all says so")
    func notJSON() throws {
        let error = try #require(throws: CarrierDefinitionError.self) {
            try CarrierRegistry.compile(Data("carrier: usps".utf8), source: "yaml.json")
        }
        #expect(error.description.hasPrefix("yaml.json"))
        #expect(error.message.contains("not valid JSON"))
    }
}
