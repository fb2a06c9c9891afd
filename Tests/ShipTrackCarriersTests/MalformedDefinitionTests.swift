import Foundation
import ShipTrackCarriers
import ShipTrackTestSupport
import Testing

/// A broken definition is an error at load that names the file and the key.
@Suite("Malformed definitions")
struct MalformedDefinitionTests {
    /// A source definition as a mutable JSON object, to break one key at a time.
    private func sourceJSON(_ id: String = "usps-page") throws -> [String: Any] {
        let data = try Data(contentsOf: RepositoryPaths.path("TrackingSources/\(id).json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func compileError(_ object: [String: Any]) throws -> CarrierDefinitionError {
        let data = try JSONSerialization.data(withJSONObject: object)
        return try #require(throws: CarrierDefinitionError.self) {
            try CarrierRegistry.compileSource(data, origin: "broken.json")
        }
    }

    private func editingAnswer(_ id: String = "usps-page", _ edit: (inout [String: Any]) -> Void) throws -> [String: Any] {
        var object = try sourceJSON(id)
        var answer = try #require(object["answer"] as? [String: Any])
        edit(&answer)
        object["answer"] = answer
        return object
    }

    @Test("A bad XPath names answer.event_rows")
    func badXPath() throws {
        let error = try compileError(try editingAnswer { $0["event_rows"] = "//div[" })
        #expect(error.file == "broken.json")
        #expect(error.key == "answer.event_rows")
    }

    @Test("An XPath that compiles but calls an unknown function fails at load, not on every answer")
    func unknownXPathFunction() throws {
        let error = try compileError(try editingAnswer { answer in
            var fields = answer["fields"] as? [String: Any] ?? [:]
            fields["time"] = ["normalise-space(.//p)"]
            answer["fields"] = fields
        })
        #expect(error.key == "answer.fields.time[0]")
        #expect(error.message.contains("unknown function") || error.message.contains("Unregistered function"))
    }

    @Test("A bad regular expression names its rule")
    func badRegex() throws {
        var object = try sourceJSON()
        object["statuses"] = ["unrecognised": "in_transit", "rules": [["regex": "(unclosed", "status": "delivered"]]]
        let error = try compileError(object)
        #expect(error.key == "statuses.rules[0].regex")
    }

    @Test("An unknown status name names the rule's key")
    func unknownStatus() throws {
        var object = try sourceJSON()
        object["statuses"] = ["unrecognised": "in_transit", "rules": [["contains": ["x"], "status": "delivred"]]]
        let error = try compileError(object)
        #expect(error.key == "statuses.rules[0].status")
    }

    @Test("A missing key is named")
    func missingKey() throws {
        var object = try sourceJSON()
        object.removeValue(forKey: "track")
        let error = try compileError(object)
        #expect(error.key == "track")
        #expect(error.message == "missing")
    }

    @Test("A bad date format names its index")
    func badDateFormat() throws {
        let error = try compileError(try editingAnswer { answer in
            var time = answer["time"] as? [String: Any] ?? [:]
            time["formats"] = ["MMMM d, yyyy", "qqq"]
            answer["time"] = time
        })
        #expect(error.key == "answer.time.formats[1]")
    }

    @Test("An unknown time zone names its state")
    func unknownZone() throws {
        let error = try compileError(try editingAnswer { answer in
            var time = answer["time"] as? [String: Any] ?? [:]
            time["zone_by_state"] = ["CA": "America/Atlantis"]
            answer["time"] = time
        })
        #expect(error.key == "answer.time.zone_by_state.CA")
    }

    @Test("An unknown placeholder in a request names it")
    func unknownPlaceholder() throws {
        var object = try sourceJSON()
        object["track"] = ["method": "GET", "path": "/track?n={numbr}"]
        let error = try compileError(object)
        #expect(error.key == "track.path")
        #expect(error.message.contains("{numbr}"))
    }

    @Test("A batch body without a batch answer (items) is refused")
    func batchNeedsItems() throws {
        var object = try sourceJSON("usps-api")
        var answer = try #require(object["answer"] as? [String: Any])
        answer.removeValue(forKey: "items")
        object["answer"] = answer
        let error = try compileError(object)
        #expect(error.key == "answer.items")
    }

    @Test("An outcome that does not exist names its rule")
    func unknownOutcome() throws {
        var object = try sourceJSON("usps-api")
        object["responses"] = [["http_status": [401], "outcome": "unauthorised"]]
        let error = try compileError(object)
        #expect(error.key == "responses[0].outcome")
    }

    @Test("A future schema version is refused")
    func schemaVersion() throws {
        var object = try sourceJSON()
        object["schema_version"] = 99
        let error = try compileError(object)
        #expect(error.key == "schema_version")
    }

    @Test("A carrier file of the old format says where its page recipe went")
    func oldCarrierFormat() throws {
        let old = #"{"schema_version": 1, "id": "usps", "name": "USPS", "request": {}, "page": {}, "statuses": {}}"#
        let error = try #require(throws: CarrierDefinitionError.self) {
            try CarrierRegistry.compileCarrier(Data(old.utf8), origin: "usps.json")
        }
        #expect(error.key == "schema_version")
        #expect(error.message.contains("TrackingSources"))
    }

    @Test("A carrier naming a source that does not exist, or does not serve it, is refused at load")
    func carrierSourceMustExist() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("carriers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var usps = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: RepositoryPaths.carriers.appendingPathComponent("usps.json")))
                as? [String: Any])
        usps["sources"] = ["usps-api", "dhl-api"]
        try JSONSerialization.data(withJSONObject: usps).write(to: folder.appendingPathComponent("usps.json"))
        let error = try #require(throws: CarrierDefinitionError.self) {
            try CarrierRegistry.load(carriersFrom: folder, sourcesFrom: nil)
        }
        #expect(error.key == "sources[1]")
        usps["sources"] = ["chinapost-page"]
        try JSONSerialization.data(withJSONObject: usps).write(to: folder.appendingPathComponent("usps.json"))
        let serves = try #require(throws: CarrierDefinitionError.self) {
            try CarrierRegistry.load(carriersFrom: folder, sourcesFrom: nil)
        }
        #expect(serves.message.contains("does not serve usps"))
    }

    @Test("Not JSON at all says so")
    func notJSON() throws {
        let error = try #require(throws: CarrierDefinitionError.self) {
            try CarrierRegistry.compileSource(Data("carrier: usps".utf8), origin: "yaml.json")
        }
        #expect(error.description.hasPrefix("yaml.json"))
        #expect(error.message.contains("not valid JSON"))
    }
}
