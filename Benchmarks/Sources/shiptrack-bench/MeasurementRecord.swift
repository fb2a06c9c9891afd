import Foundation

/// One measurement as one line of text: a kind, then `key=value` fields (no spaces in values), such as
/// `parse carrier=usps impl=swift pages=4000 bytes=160000000 seconds=1.02`.
///
/// Every measuring step, in Swift, in C or in the script, prints this shape, so `report` reads them all alike and
/// the results file stays readable by eye.
struct MeasurementRecord: Sendable, Hashable {
    var kind: String
    var fields: [String: String]

    init(kind: String, fields: [String: String]) {
        self.kind = kind
        self.fields = fields
    }

    /// Parses a line; `nil` for a blank line, a comment or a line without a kind.
    init?(line: Substring) {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first, !first.hasPrefix("#"), !first.contains("=") else { return nil }
        kind = String(first)
        var fields: [String: String] = [:]
        for word in words.dropFirst() {
            guard let equals = word.firstIndex(of: "=") else { continue }
            fields[String(word[..<equals])] = String(word[word.index(after: equals)...])
        }
        self.fields = fields
    }

    /// The line, fields in key order so that equal records print equally.
    var line: String {
        ([kind] + fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
    }

    /// A field as a number, if present and numeric.
    func number(_ key: String) -> Double? { fields[key].flatMap(Double.init) }

    /// Whether every `key=value` of `selector` is among the fields.
    func matches(_ selector: [String: String]) -> Bool {
        selector.allSatisfy { fields[$0.key] == $0.value }
    }
}

extension MeasurementRecord {
    /// Formats a figure for a record: plain decimal, enough digits for a median of a few runs.
    static func value(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(format: "%.6f", number)
    }
}
