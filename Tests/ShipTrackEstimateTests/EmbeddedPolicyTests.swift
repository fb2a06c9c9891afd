import Foundation
import ShipTrackEstimate
import Testing

/// The copies embedded in the binary must equal `Policy/`; a stale copy fails here (regenerate with `make embed`).
struct EmbeddedPolicyTests {
    @Test(arguments: ["policy.json", "countries.json"])
    func embeddedCopyEqualsFile(name: String) throws {
        let file = try String(contentsOf: Support.policyFolder.appendingPathComponent(name), encoding: .utf8)
        let embedded = name == "policy.json" ? StorePolicy.builtInJSON : CountryTable.builtInJSON
        // embed-data.sh stores the text without its final newline (a multi-line literal drops it).
        #expect(
            embedded + "\n" == file, "Sources/ShipTrackEstimate/Generated/EmbeddedPolicy.swift is stale: run make embed"
        )
    }

    @Test func builtInFilesLoad() throws {
        _ = try StorePolicy(json: Data(StorePolicy.builtInJSON.utf8))
        _ = try CountryTable(json: Data(CountryTable.builtInJSON.utf8))
    }
}
