/// A coding key for any name, used to list the keys an object actually has.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// Problems for the keys of the current object that `known` does not list.
    ///
    /// `Decodable` ignores unknown keys, so a typo such as `contry_must_be_iso3166` would silently turn a rule
    /// off. Reporting them keeps a carrier file honest.
    func unknownKeyProblems(known: [String]) throws -> [RuleProblem] {
        let container = try container(keyedBy: AnyCodingKey.self)
        let expected = "unknown key (expected one of: \(known.joined(separator: ", ")))"
        return container.allKeys.map(\.stringValue).filter { !known.contains($0) }.sorted().map {
            RuleProblem(code: .unknownKey, keyPath: $0, message: expected)
        }
    }
}
