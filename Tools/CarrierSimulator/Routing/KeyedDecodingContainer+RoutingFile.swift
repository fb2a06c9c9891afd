extension KeyedDecodingContainer where Key == RoutingFileKey {
    /// Throws for the first key (in alphabetical order, so the report is stable) that is not in `known`.
    func rejectUnknownKeys(_ known: Set<String>) throws {
        let unknown = self.allKeys.map(\.stringValue).filter { !known.contains($0) }.sorted()
        if let first = unknown.first {
            let expected = known.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            throw self.problem(at: first, "unknown key; expected one of \(expected)")
        }
    }

    /// A required string that `check` accepts; `check` returns what is wrong, or `nil`.
    func decodeString(_ key: String, check: (String) -> String? = { _ in nil }) throws -> String {
        let value = try self.decode(String.self, forKey: RoutingFileKey(key))
        if let problem = check(value) {
            throw self.problem(at: key, problem)
        }
        return value
    }

    /// An optional string that `check` accepts when present.
    func decodeStringIfPresent(_ key: String, check: (String) -> String? = { _ in nil }) throws -> String? {
        guard self.contains(RoutingFileKey(key)) else { return nil }
        return try self.decodeString(key, check: check)
    }

    /// A required integer within `range`.
    func decodeInteger(_ key: String, in range: ClosedRange<Int>) throws -> Int {
        let value = try self.decode(Int.self, forKey: RoutingFileKey(key))
        guard range.contains(value) else {
            throw self.problem(at: key, "\(value) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// An optional integer within `range` when present.
    func decodeIntegerIfPresent(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard self.contains(RoutingFileKey(key)) else { return nil }
        return try self.decodeInteger(key, in: range)
    }

    /// An error that points at `key` inside this container.
    func problem(at key: String, _ message: String) -> DecodingError {
        DecodingError.dataCorruptedError(forKey: RoutingFileKey(key), in: self, debugDescription: message)
    }
}
