import Foundation
import ShipTrackCarriers
import ShipTrackModel
import ShipTrackNumbers
import ShipTrackTestSupport
import Testing

/// Contract checks over every file in `Carriers/` and `TrackingSources/`: it decodes and compiles, it is the copy
/// embedded in the binary, and the carriers' own test numbers behave.
@Suite("Carrier and source definitions")
struct CarrierDefinitionContractTests {
    @Test("Each carrier file decodes and checks", arguments: RepositoryPaths.carrierFiles())
    func carrierCompiles(file: URL) throws {
        let carrier = try CarrierRegistry.compileCarrier(Data(contentsOf: file), origin: file.lastPathComponent)
        #expect(carrier.id.rawValue == file.deletingPathExtension().lastPathComponent, "id matches the file name")
        #expect(!carrier.sources.isEmpty)
    }

    @Test("Each source file decodes and compiles", arguments: RepositoryPaths.sourceFiles())
    func sourceCompiles(file: URL) throws {
        let engine = try CarrierRegistry.compileSource(Data(contentsOf: file), origin: file.lastPathComponent)
        #expect(engine.id.rawValue == file.deletingPathExtension().lastPathComponent, "id matches the file name")
    }

    @Test("The embedded definitions are the files (run `make embed` if not)", arguments: [
        ("Carriers", "EmbeddedCarriers.swift"), ("TrackingSources", "EmbeddedSources.swift"),
    ])
    func embeddedCopyIsCurrent(folder: String, generatedFile: String) throws {
        let generated = try String(
            contentsOf: RepositoryPaths.path("Sources/ShipTrackCarriers/Generated/\(generatedFile)"), encoding: .utf8)
        let files = try FileManager.default.contentsOfDirectory(at: RepositoryPaths.path(folder), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
        #expect(!files.isEmpty)
        for file in files {
            let contents = try String(contentsOf: file, encoding: .utf8)
            let indented = contents.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "        " : "        " + $0 }.joined(separator: "\n")
            #expect(generated.contains(indented.trimmingCharacters(in: .whitespacesAndNewlines)), "\(file.lastPathComponent) is stale in the binary")
        }
        let builtIn = try CarrierRegistry.builtIn()
        #expect(Set(builtIn.carrierIDs.map(\.rawValue)) == Set(RepositoryPaths.carrierFiles().map { $0.deletingPathExtension().lastPathComponent }))
        #expect(Set(builtIn.sourceIDs.map(\.rawValue)) == Set(RepositoryPaths.sourceFiles().map { $0.deletingPathExtension().lastPathComponent }))
    }

    @Test("Every valid test number is claimed by exactly one carrier; every invalid one by none")
    func testNumbers() throws {
        let registry = try CarrierRegistry.builtIn()
        for carrier in registry.carriers.values {
            for number in carrier.numbers.testNumbers.valid {
                let identification = registry.identifier.identify(number)
                let carriers = Set(identification.matches.map(\.carrier))
                #expect(carriers == [carrier.id], "\(carrier.id) valid \(number) is claimed by \(carriers)")
            }
            for number in carrier.numbers.testNumbers.invalid {
                let identification = registry.identifier.identify(number)
                #expect(
                    !identification.matches.contains { $0.carrier == carrier.id },
                    "\(carrier.id) invalid \(number) is accepted")
            }
        }
        #expect(registry.identifier.testNumberProblems().isEmpty)
    }

    @Test("Every carrier has a source that needs no credentials last, so a store without any still gets an answer")
    func lastResortNeedsNoCredentials() throws {
        let registry = try CarrierRegistry.builtIn()
        for carrier in registry.carriers.values {
            let last = try #require(carrier.sources.last.flatMap { registry.sources[$0] })
            #expect(last.requiredSecrets.isEmpty, "\(carrier.id): \(last.id) needs \(last.requiredSecrets)")
        }
    }

    @Test("The USPS API maps every event code the research found, and 01 by its words")
    func uspsCodes() throws {
        let engine = try #require(try CarrierRegistry.builtIn().sources["usps-api"])
        let codes = Set(engine.definition.statuses.rules.flatMap { $0.code ?? [] })
        #expect(codes.count > 150)
        for code in ["02", "03", "07", "10", "GX", "MA", "OF", "T1", "A1", "16", "21", "29", "31"] {
            #expect(codes.contains(code), "\(code) is not mapped")
        }
        #expect(!codes.contains("01"), "01 is decided by its words (\"Delivered, To Original Sender\" is a return)")
    }
}
