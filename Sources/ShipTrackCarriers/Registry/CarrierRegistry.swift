public import Foundation
public import ShipTrackModel
public import ShipTrackNumbers

/// The carriers and tracking sources this process knows: the built-in definitions, optionally replaced or extended
/// from folders.
public struct CarrierRegistry: Sendable {
    /// Carrier definitions by identifier.
    public let carriers: [CarrierID: CarrierDefinition]
    /// Where each carrier definition came from (`usps.json (built-in)` or a path).
    public let carrierOrigins: [CarrierID: String]
    /// Compiled sources by identifier.
    public let sources: [SourceID: SourceEngine]
    /// Identifies tracking numbers against every carrier's `numbers` rules.
    public let identifier: TrackingNumberIdentifier

    /// The environment variables naming folders of definitions, used when `--carriers` / `--sources` are not given.
    public static let directoryEnvironmentVariable = "SHIPTRACK_CARRIERS"
    public static let sourcesEnvironmentVariable = "SHIPTRACK_SOURCES"

    /// The definitions compiled into the binary (from `Carriers/*.json` and `TrackingSources/*.json`), so it runs with
    /// no files beside it.
    public static func builtIn() throws(CarrierDefinitionError) -> CarrierRegistry {
        try load(carriersFrom: nil, sourcesFrom: nil)
    }

    /// Built-in definitions, with every `*.json` file of the folders replacing the built-in of the same `id` or adding
    /// one.
    public static func load(carriersFrom carrierFolder: URL?, sourcesFrom sourceFolder: URL?) throws(CarrierDefinitionError)
        -> CarrierRegistry
    {
        var carriers: [CarrierID: (CarrierDefinition, String)] = [:]
        for file in embeddedCarrierFiles {
            let carrier = try compileCarrier(Data(file.contents.utf8), origin: "\(file.name) (built-in)")
            carriers[carrier.id] = (carrier, "\(file.name) (built-in)")
        }
        var sources: [SourceID: SourceEngine] = [:]
        for file in embeddedSourceFiles {
            let engine = try compileSource(Data(file.contents.utf8), origin: "\(file.name) (built-in)")
            sources[engine.id] = engine
        }
        if let carrierFolder {
            for (carrier, origin) in try loadCarriers(carrierFolder) { carriers[carrier.id] = (carrier, origin) }
        }
        if let sourceFolder {
            for engine in try loadSources(sourceFolder) { sources[engine.id] = engine }
        }
        return try CarrierRegistry(carriers: carriers, sources: sources)
    }

    /// Only the carrier definitions in `directory` (what `shiptrack carriers --check DIR` validates).
    public static func loadCarriers(_ directory: URL) throws(CarrierDefinitionError) -> [(CarrierDefinition, String)] {
        try jsonFiles(in: directory).map { file throws(CarrierDefinitionError) in
            let carrier = try compileCarrier(try contents(of: file), origin: file.path)
            try checkName(carrier.id.rawValue, file: file)
            return (carrier, file.path)
        }
    }

    /// Only the source definitions in `directory`.
    public static func loadSources(_ directory: URL) throws(CarrierDefinitionError) -> [SourceEngine] {
        try jsonFiles(in: directory).map { file throws(CarrierDefinitionError) in
            let engine = try compileSource(try contents(of: file), origin: file.path)
            try checkName(engine.id.rawValue, file: file)
            return engine
        }
    }

    /// Decodes and checks one carrier file's contents.
    public static func compileCarrier(_ data: Data, origin: String) throws(CarrierDefinitionError) -> CarrierDefinition {
        if let version = schemaVersion(of: data), version == 1 {
            throw CarrierDefinitionError(
                file: origin, key: "schema_version",
                message: "version 1 carrier files held the page recipe, which now belongs to a source: move request, page and statuses into a file in TrackingSources/ (see TrackingSources/README.md) and write schema_version 2 here")
        }
        let definition: CarrierDefinition
        do { definition = try JSONDecoder().decode(CarrierDefinition.self, from: data) } catch let error as DecodingError {
            throw CarrierDefinitionError(decoding: error, file: origin)
        } catch {
            throw CarrierDefinitionError(file: origin, key: "", message: "\(error)")
        }
        guard definition.schemaVersion == 2 else {
            throw CarrierDefinitionError(file: origin, key: "schema_version", message: "version \(definition.schemaVersion) is not supported (this build reads 2)")
        }
        guard !definition.id.rawValue.isEmpty,
            definition.id.rawValue.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { throw CarrierDefinitionError(file: origin, key: "id", message: "use letters, digits, - and _ only") }
        do { try definition.numbers.validate(file: origin) } catch {
            throw CarrierDefinitionError(file: origin, key: error.keyPath, message: error.message)
        }
        if let page = definition.trackingPage, !(page.hasPrefix("https://") || page.hasPrefix("http://")) || !page.contains("{number}") {
            throw CarrierDefinitionError(file: origin, key: "tracking_page", message: "must be an http(s) URL with {number}")
        }
        return definition
    }

    /// Decodes and compiles one source file's contents.
    public static func compileSource(_ data: Data, origin: String) throws(CarrierDefinitionError) -> SourceEngine {
        let definition: SourceDefinition
        do { definition = try JSONDecoder().decode(SourceDefinition.self, from: data) } catch let error as DecodingError {
            throw CarrierDefinitionError(decoding: error, file: origin)
        } catch {
            throw CarrierDefinitionError(file: origin, key: "", message: "\(error)")
        }
        return try SourceEngine(definition: definition, origin: origin)
    }

    private static func schemaVersion(of data: Data) -> Int? {
        struct Version: Decodable {
            var schemaVersion: Int?
            enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version" }
        }
        return (try? JSONDecoder().decode(Version.self, from: data))?.schemaVersion
    }

    private static func jsonFiles(in directory: URL) throws(CarrierDefinitionError) -> [URL] {
        do {
            return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw CarrierDefinitionError(file: directory.path, key: "", message: "cannot read the folder: \(error.localizedDescription)")
        }
    }

    private static func contents(of file: URL) throws(CarrierDefinitionError) -> Data {
        do { return try Data(contentsOf: file) } catch {
            throw CarrierDefinitionError(file: file.path, key: "", message: "cannot read: \(error.localizedDescription)")
        }
    }

    private static func checkName(_ id: String, file: URL) throws(CarrierDefinitionError) {
        let expected = file.deletingPathExtension().lastPathComponent
        guard id == expected.lowercased() else {
            throw CarrierDefinitionError(file: file.path, key: "id", message: "\(id) does not match the file name (\(expected).json)")
        }
    }

    init(carriers: [CarrierID: (CarrierDefinition, String)], sources: [SourceID: SourceEngine]) throws(CarrierDefinitionError) {
        for (carrier, origin) in carriers.values {
            for leg in carrier.followOnLegs ?? [] {
                guard carriers[leg.carrier] != nil else {
                    throw CarrierDefinitionError(file: origin, key: "follow_on_legs", message: "no carrier named \(leg.carrier)")
                }
                // Destinations are compared with the order's upper-case ISO code: "us" would never match.
                for code in leg.destinations where code.count != 2 || code != code.uppercased() || !code.allSatisfy(\.isLetter) {
                    throw CarrierDefinitionError(
                        file: origin, key: "follow_on_legs.destinations",
                        message: "\"\(code)\" is not an ISO 3166-1 alpha-2 code in capitals (such as US)")
                }
            }
            for (index, source) in carrier.sources.enumerated() {
                guard let engine = sources[source] else {
                    throw CarrierDefinitionError(
                        file: origin, key: "sources[\(index)]",
                        message: "no source named \(source) (known: \(sources.keys.sorted().map(\.rawValue).joined(separator: ", ")))")
                }
                guard engine.definition.serves[carrier.id] != nil else {
                    throw CarrierDefinitionError(file: origin, key: "sources[\(index)]", message: "\(source) does not serve \(carrier.id)")
                }
            }
        }
        for engine in sources.values {
            for carrier in engine.definition.serves.keys where carriers[carrier] == nil {
                throw CarrierDefinitionError(file: engine.origin, key: "serves.\(carrier)", message: "no carrier named \(carrier)")
            }
        }
        self.carriers = carriers.mapValues(\.0)
        self.carrierOrigins = carriers.mapValues(\.1)
        self.sources = sources
        identifier = TrackingNumberIdentifier(
            rules: carriers.values.map(\.0).sorted { $0.id < $1.id }.map { (carrier: $0.id, rules: $0.numbers) })
    }

    /// Carrier identifiers, sorted.
    public var carrierIDs: [CarrierID] { carriers.keys.sorted() }

    /// Source identifiers, sorted.
    public var sourceIDs: [SourceID] { sources.keys.sorted() }

    /// The sources serving `carrier`, in the carrier definition's order of preference.
    public func defaultSources(for carrier: CarrierID) -> [SourceID] { carriers[carrier]?.sources ?? [] }
}

extension CarrierDefinitionError {
    /// Turns a decoding failure into "file: key.path: what is wrong".
    init(decoding error: DecodingError, file: String) {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
                .joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
                .replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            self.init(file: file, key: parent.isEmpty ? key.stringValue : "\(parent).\(key.stringValue)", message: "missing")
        case .typeMismatch(let type, let context):
            self.init(file: file, key: path(context.codingPath), message: "expected \(type)")
        case .valueNotFound(let type, let context):
            self.init(file: file, key: path(context.codingPath), message: "expected \(type), found null")
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            self.init(
                file: file, key: path(context.codingPath),
                message: context.codingPath.isEmpty ? "not valid JSON\(underlying.map { ": \($0)" } ?? "")" : context.debugDescription)
        @unknown default:
            self.init(file: file, key: "", message: "\(error)")
        }
    }
}
