import CarrierSimulator
import Foundation
import Testing

/// Loading `simulator.json`: errors name the file and the key.
@Suite
struct RoutingFileTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var routingFile: String
        var key: String?
        var testDescription: String { self.key ?? "(whole file)" }
    }

    static let malformed: [Case] = [
        Case(routingFile: TestRoutingFile.carriers(TestRoutingFile.uspsEntry(replacing: "path")), key: "carriers[0].path"),
        Case(
            routingFile: TestRoutingFile.carriers(TestRoutingFile.uspsEntry(extra: ", \"content-type\": \"text/html\"")),
            key: "carriers[0].content-type"
        ),
        Case(
            routingFile: TestRoutingFile.carriers(TestRoutingFile.uspsEntry(replacing: "method", with: "\"PUT\"")),
            key: "carriers[0].method"
        ),
        Case(
            routingFile: TestRoutingFile.carriers(TestRoutingFile.uspsEntry(replacing: "directory", with: "\"../etc\"")),
            key: "carriers[0].directory"
        ),
        Case(
            routingFile: TestRoutingFile.carriers(TestRoutingFile.uspsEntry(replacing: "path", with: "\"go/track\"")),
            key: "carriers[0].path"
        ),
        Case(
            routingFile: TestRoutingFile.carriers(TestRoutingFile.uspsEntry(replacing: "extension", with: "\".html\"")),
            key: "carriers[0].extension"
        ),
        Case(
            routingFile: TestRoutingFile.carriers(TestRoutingFile.uspsEntry(replacing: "unknown_number_file", with: "42")),
            key: "carriers[0].unknown_number_file"
        ),
        Case(
            routingFile: TestRoutingFile.carriers(
                TestRoutingFile.uspsEntry(),
                TestRoutingFile.uspsEntry(replacing: "id", with: "\"usps2\"")
            ),
            key: "carriers[1].path"
        ),
        Case(routingFile: TestRoutingFile.carriers(), key: "carriers"),
        Case(routingFile: "{ \"carriers\": {} }", key: "carriers"),
        Case(routingFile: "{ }", key: "carriers"),
        Case(routingFile: "{ \"carriers\": [], \"extra\": 1 }", key: "extra"),
        Case(routingFile: TestRoutingFile.special("X1", "{ \"fault\": \"explode\" }"), key: "special_numbers.X1.fault"),
        Case(routingFile: TestRoutingFile.special("X1", "{ \"fault\": \"status\" }"), key: "special_numbers.X1.status"),
        Case(
            routingFile: TestRoutingFile.special("X1", "{ \"fault\": \"status\", \"status\": \"500\" }"),
            key: "special_numbers.X1.status"
        ),
        Case(
            routingFile: TestRoutingFile.special("X1", "{ \"fault\": \"status\", \"status\": 700 }"),
            key: "special_numbers.X1.status"
        ),
        Case(
            routingFile: TestRoutingFile.special("X1", "{ \"fault\": \"timeout\", \"bytes\": 5 }"),
            key: "special_numbers.X1.bytes"
        ),
        Case(routingFile: TestRoutingFile.special("X1", "{ \"fault\": \"oversized\" }"), key: "special_numbers.X1.bytes"),
        Case(
            routingFile: TestRoutingFile.special("X1", "{ \"fault\": \"gzip\", \"file\": \"../../etc/passwd\" }"),
            key: "special_numbers.X1.file"
        ),
        Case(routingFile: TestRoutingFile.special("X1", "{ \"note\": \"nothing to do\" }"), key: "special_numbers.X1.fault"),
        Case(routingFile: TestRoutingFile.special("../X1", "{ \"fault\": \"empty\" }"), key: "special_numbers.../X1"),
        Case(routingFile: TestRoutingFile.special("123", "{ \"fault\": \"explode\" }"), key: "special_numbers.123.fault"),
        Case(routingFile: "{ \"carriers\": [ ", key: nil),
    ]

    @Test(arguments: malformed)
    func aMalformedRoutingFileIsRejectedNamingTheKey(_ malformed: Case) throws {
        let fixtures = try TemporaryFixtures(routingFile: malformed.routingFile)
        let error = try #require(throws: CarrierSimulatorError.self) {
            try CarrierSimulator(fixtures: fixtures.directory, logger: .quiet)
        }
        #expect(error.kind == .invalidRoutingFile)
        #expect(error.key == malformed.key)
        #expect(error.file?.hasSuffix("/simulator.json") == true)
        #expect(error.description.contains("simulator.json"))
        if let key = malformed.key {
            #expect(error.description.contains(key))
        }
    }

    @Test func specialNumbersDifferingOnlyInCaseAreRejected() throws {
        let routingFile = """
            { "carriers": [ \(TestRoutingFile.uspsEntry()) ],
              "special_numbers": { "ab1": { "fault": "empty" }, "AB1": { "fault": "reset" } } }
            """
        let fixtures = try TemporaryFixtures(routingFile: routingFile)
        let error = try #require(throws: CarrierSimulatorError.self) {
            try CarrierSimulator(fixtures: fixtures.directory, logger: .quiet)
        }
        #expect(error.key == "special_numbers.ab1")
    }

    @Test func aMissingRoutingFileIsReported() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("carrier-sim-no-such-folder")
        let error = try #require(throws: CarrierSimulatorError.self) {
            try CarrierSimulator(fixtures: missing, logger: .quiet)
        }
        #expect(error.kind == .routingFileUnreadable)
        #expect(error.file == missing.appendingPathComponent("simulator.json").path)
    }
}
