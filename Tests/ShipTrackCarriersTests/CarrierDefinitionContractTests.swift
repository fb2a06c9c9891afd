import Foundation
import ShipTrackCarriers
import ShipTrackModel
import ShipTrackNumbers
import ShipTrackTestSupport
import Testing

/// Contract checks over every file in `Carriers/`: it decodes and compiles, it is the copy embedded in the binary,
/// and its own test numbers behave.
@Suite("Carrier definitions")
struct CarrierDefinitionContractTests {
    @Test("Each definition file decodes and compiles", arguments: RepositoryPaths.carrierFiles())
    func compiles(file: URL) throws {
        let engine = try CarrierRegistry.compile(Data(contentsOf: file), source: file.lastPathComponent)
        #expect(engine.id.rawValue == file.deletingPathExtension().lastPathComponent, "id matches the file name")
    }

    @Test("The embedded definitions are the files in Carriers/ (run `make embed` if not)")
    func embeddedCopyIsCurrent() throws {
        let builtIn = try CarrierRegistry.builtIn()
        let files = try CarrierRegistry.loadDirectory(RepositoryPaths.carriers)
        #expect(Set(builtIn.engines.keys) == Set(files.map(\.id)))
        let generated = try String(
            contentsOf: RepositoryPaths.root.appendingPathComponent(
                "Sources/ShipTrackCarriers/Generated/EmbeddedCarriers.swift"), encoding: .utf8)
        for file in RepositoryPaths.carrierFiles() {
            let contents = try String(contentsOf: file, encoding: .utf8)
            let indented = contents.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "        " : "        " + $0 }.joined(separator: "\n")
            #expect(generated.contains(indented.trimmingCharacters(in: .whitespacesAndNewlines)), "\(file.lastPathComponent) is stale in the binary")
        }
    }

    @Test("Every valid test number is claimed by exactly one carrier; every invalid one by none")
    func testNumbers() throws {
        let registry = try CarrierRegistry.builtIn()
        for engine in registry.engines.values {
            for number in engine.definition.numbers.testNumbers.valid {
                let identification = registry.identifier.identify(number)
                let carriers = Set(identification.matches.map(\.carrier))
                #expect(carriers == [engine.id], "\(engine.id) valid \(number) is claimed by \(carriers)")
            }
            for number in engine.definition.numbers.testNumbers.invalid {
                let identification = registry.identifier.identify(number)
                #expect(
                    !identification.matches.contains { $0.carrier == engine.id },
                    "\(engine.id) invalid \(number) is accepted")
            }
        }
        #expect(registry.identifier.testNumberProblems().isEmpty)
    }
}
