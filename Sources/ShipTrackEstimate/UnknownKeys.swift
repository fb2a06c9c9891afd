/// A coding key for any name, to list the keys an object actually has.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

extension Decoder {
    /// Fails on any key of the current object that `Keys` does not name, except comments (keys starting with `_`).
    ///
    /// `JSONDecoder` ignores unknown keys; for a hand-edited policy that would turn a typo into a silent default.
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_: Keys.Type) throws {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        let known = Set(Keys.allCases.map(\.stringValue))
        for key in container.allKeys where !key.stringValue.hasPrefix("_") && !known.contains(key.stringValue) {
            let names = Keys.allCases.map(\.stringValue).joined(separator: ", ")
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: codingPath + [key],
                    debugDescription: "unknown key (expected one of: \(names); comments go in keys starting with _)"
                ))
        }
    }
}
