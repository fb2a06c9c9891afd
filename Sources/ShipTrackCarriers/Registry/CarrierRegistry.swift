public import Foundation
public import ShipTrackModel
public import ShipTrackNumbers

/// The carriers this process knows: the built-in definitions, optionally replaced or extended from a folder.
public struct CarrierRegistry: Sendable {
    /// Compiled carriers by identifier.
    public let engines: [CarrierID: CarrierEngine]
    /// Identifies tracking numbers against every carrier's `numbers` rules.
    public let identifier: TrackingNumberIdentifier

    /// The environment variable naming a folder of definitions, used when `--carriers` is not given.
    public static let directoryEnvironmentVariable = "SHIPTRACK_CARRIERS"

    /// The definitions compiled into the binary (from `Carriers/*.json`), so it runs with no files beside it.
    public static func builtIn() throws(CarrierDefinitionError) -> CarrierRegistry {
        try CarrierRegistry(engines: builtInEngines())
    }

    /// Built-in definitions, with every `*.json` file of `directory` replacing the built-in of the same `id` or
    /// adding a carrier.
    public static func load(overridesFrom directory: URL?) throws(CarrierDefinitionError) -> CarrierRegistry {
        var engines = try builtInEngines()
        if let directory {
            for engine in try loadDirectory(directory) { engines[engine.id] = engine }
        }
        return try CarrierRegistry(engines: engines)
    }

    /// Only the definitions in `directory` (what `shiptrack carriers --check DIR` validates).
    public static func loadDirectory(_ directory: URL) throws(CarrierDefinitionError) -> [CarrierEngine] {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw CarrierDefinitionError(file: directory.path, key: "", message: "cannot read the folder: \(error.localizedDescription)")
        }
        var engines: [CarrierEngine] = []
        var seen: [CarrierID: String] = [:]
        for file in files {
            let data: Data
            do { data = try Data(contentsOf: file) } catch {
                throw CarrierDefinitionError(file: file.path, key: "", message: "cannot read: \(error.localizedDescription)")
            }
            let engine = try compile(data, source: file.path)
            let expected = file.deletingPathExtension().lastPathComponent
            guard engine.id.rawValue == expected.lowercased() else {
                throw CarrierDefinitionError(
                    file: file.path, key: "id", message: "\(engine.id) does not match the file name (\(expected).json)")
            }
            if let other = seen[engine.id] {
                throw CarrierDefinitionError(file: file.path, key: "id", message: "\(engine.id) is also defined in \(other)")
            }
            seen[engine.id] = file.path
            engines.append(engine)
        }
        return engines
    }

    /// Decodes and compiles one definition file's contents.
    public static func compile(_ data: Data, source: String) throws(CarrierDefinitionError) -> CarrierEngine {
        let definition: CarrierDefinition
        do {
            definition = try JSONDecoder().decode(CarrierDefinition.self, from: data)
        } catch let error as DecodingError {
            throw CarrierDefinitionError(decoding: error, file: source)
        } catch {
            throw CarrierDefinitionError(file: source, key: "", message: "\(error)")
        }
        return try CarrierEngine(definition: definition, source: source)
    }

    private static func builtInEngines() throws(CarrierDefinitionError) -> [CarrierID: CarrierEngine] {
        var engines: [CarrierID: CarrierEngine] = [:]
        for file in embeddedCarrierFiles {
            let engine = try compile(Data(file.contents.utf8), source: "\(file.name) (built-in)")
            engines[engine.id] = engine
        }
        return engines
    }

    init(engines: [CarrierID: CarrierEngine]) throws(CarrierDefinitionError) {
        for engine in engines.values {
            for leg in engine.definition.followOnLegs ?? [] where engines[leg.carrier] == nil {
                throw CarrierDefinitionError(
                    file: engine.source, key: "follow_on_legs", message: "no carrier named \(leg.carrier)")
            }
        }
        self.engines = engines
        identifier = TrackingNumberIdentifier(
            rules: engines.values.sorted { $0.id < $1.id }.map { (carrier: $0.id, rules: $0.definition.numbers) })
    }

    /// Carrier identifiers, sorted.
    public var carrierIDs: [CarrierID] { engines.keys.sorted() }
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
