import Foundation

/// The routing file `Fixtures/simulator.json`, read and checked: which carriers the simulator plays and which
/// numbers misbehave.
///
/// ```json
/// {
///   "carriers": [
///     { "id": "usps", "path": "/go/TrackConfirmAction", "number_parameter": "tLabels", "method": "GET",
///       "content_type": "text/html; charset=utf-8", "directory": "usps", "extension": "html",
///       "unknown_number_file": "not-found.html" }
///   ],
///   "special_numbers": {
///     "9400100000000000000500": { "fault": "status", "status": 500 }
///   }
/// }
/// ```
///
/// Unknown keys are errors, so a misspelt key cannot silently switch a fault off. Every object may carry a
/// free-text `"note"`.
struct SimulatorConfiguration: Sendable, Hashable {
    /// The routing file's name inside the fixtures folder.
    static let fileName = "simulator.json"

    var carriers: [CarrierRoute]
    var specialNumbers: [TrackingNumber: SpecialNumberBehaviour]

    /// Reads `simulator.json` from `directory`.
    static func load(fromFixturesDirectory directory: URL) throws -> SimulatorConfiguration {
        let file = directory.appendingPathComponent(Self.fileName)
        let contents: Data
        do {
            contents = try Data(contentsOf: file)
        } catch {
            throw CarrierSimulatorError.routingFileUnreadable(file: file.path, detail: "\(error.localizedDescription)")
        }
        return try Self.decode(contents, file: file.path)
    }

    /// Decodes routing-file text; `file` names it in errors.
    static func decode(_ contents: Data, file: String) throws -> SimulatorConfiguration {
        do {
            return try JSONDecoder().decode(SimulatorConfiguration.self, from: contents)
        } catch let error as DecodingError {
            throw CarrierSimulatorError.invalidRoutingFile(file: file, key: error.routingFileKey, detail: error.routingFileDetail)
        }
    }
}

extension SimulatorConfiguration: Decodable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RoutingFileKey.self)
        try container.rejectUnknownKeys(["carriers", "special_numbers", "note"])

        self.carriers = try container.decode([CarrierRoute].self, forKey: "carriers")
        guard !self.carriers.isEmpty else {
            throw container.problem(at: "carriers", "must list at least one carrier")
        }
        try Self.checkUnique(self.carriers, in: container, \.id, key: "id")
        try Self.checkUnique(self.carriers, in: container, \.path, key: "path")

        self.specialNumbers = [:]
        guard container.contains("special_numbers") else { return }
        let specials = try container.nestedContainer(keyedBy: RoutingFileKey.self, forKey: "special_numbers")
        for key in specials.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            guard let number = TrackingNumber(normalizing: key.stringValue) else {
                throw specials.problem(at: key.stringValue, "not a tracking number: use 1 to 40 letters or digits")
            }
            guard self.specialNumbers[number] == nil else {
                throw specials.problem(at: key.stringValue, "listed twice (numbers are compared upper-cased)")
            }
            self.specialNumbers[number] = try specials.decode(SpecialNumberBehaviour.self, forKey: key)
        }
    }

    /// Throws at the second carrier whose `property` repeats an earlier one's.
    private static func checkUnique(
        _ carriers: [CarrierRoute],
        in container: KeyedDecodingContainer<RoutingFileKey>,
        _ property: KeyPath<CarrierRoute, String>,
        key: String
    ) throws {
        var seen: Set<String> = []
        for (index, carrier) in carriers.enumerated() where !seen.insert(carrier[keyPath: property]).inserted {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: container.codingPath + [RoutingFileKey("carriers"), RoutingFileKey(intValue: index), RoutingFileKey(key)],
                    debugDescription: "\"\(carrier[keyPath: property])\" is used by an earlier carrier"
                )
            )
        }
    }
}
