import Foundation
public import ShipTrackModel

/// Identifies tracking numbers against every carrier's `numbers` rules.
///
/// Built once from the loaded carrier files (patterns were compiled when the files were decoded) and shared:
/// it is immutable and `Sendable`, so a batch may call ``identify(_:)`` from many tasks at once.
public struct TrackingNumberIdentifier: Sendable {
    private struct Entry: Sendable {
        let carrier: CarrierID
        let service: String
        let formatIndex: Int
        let matcher: FormatMatcher
    }

    /// Every usable format of every carrier, flattened so the hot loop is one array walk.
    private let entries: [Entry]
    private let rules: [(carrier: CarrierID, rules: NumberRules)]

    /// Creates an identifier over carriers' rules, which should have passed ``NumberRules/validate(file:)``.
    ///
    /// A format that failed validation can never match: it is skipped rather than stopping the batch. Carriers
    /// are consulted in the order given, which is the order of ``Identification/matches``.
    public init(rules: [(carrier: CarrierID, rules: NumberRules)]) {
        self.rules = rules
        entries = rules.flatMap { carrier, rules in
            rules.formats.enumerated().compactMap { index, format in
                format.matcher.map {
                    Entry(carrier: carrier, service: format.service, formatIndex: index, matcher: $0)
                }
            }
        }
    }

    /// The carriers this identifier knows, in the order given.
    public var carriers: [CarrierID] { rules.map(\.carrier) }

    /// Normalizes `raw` and runs it against every format.
    public func identify(_ raw: String) -> Identification {
        let normalized = TrackingNumber.normalize(raw)
        // Arrays stay empty (and unallocated) for the common unknown number; one match allocates one array.
        var matches: [NumberMatch] = []
        var nearMisses: [NumberMismatch] = []
        if !normalized.isEmpty {
            let range = NSRange(location: 0, length: normalized.utf16.count)
            for entry in entries {
                switch entry.matcher.evaluate(normalized, range: range) {
                case .noMatch:
                    continue
                case .claimed:
                    matches.append(
                        NumberMatch(carrier: entry.carrier, service: entry.service, formatIndex: entry.formatIndex))
                case .failed(let failures):
                    for failure in failures {
                        nearMisses.append(
                            NumberMismatch(
                                carrier: entry.carrier, service: entry.service, formatIndex: entry.formatIndex,
                                rule: failure.rule, message: failure.message))
                    }
                }
            }
        }
        return Identification(input: raw, normalized: normalized, matches: matches, nearMisses: nearMisses)
    }

    /// Checks every carrier's test numbers against all carriers together, returning one line per problem.
    ///
    /// ``NumberRules/validate(file:)`` checks a file on its own; this catches overlaps between files: each valid
    /// test number must be identified as its own carrier by exactly one format, and each invalid one claimed by
    /// no carrier at all. An empty result means the set of carriers is consistent.
    public func testNumberProblems() -> [String] {
        var problems: [String] = []
        for (carrier, rules) in rules {
            for number in rules.testNumbers.valid {
                let identification = identify(number)
                let claimants = identification.matches.map { "\($0.carrier) \($0.service)" }
                if identification.matches.count != 1 || identification.matches.first?.carrier != carrier {
                    let found = claimants.isEmpty ? "no format" : claimants.joined(separator: ", ")
                    problems.append("\(carrier): valid test number \"\(number)\" is claimed by \(found)")
                }
            }
            for number in rules.testNumbers.invalid {
                let claimants = identify(number).matches.map { "\($0.carrier) \($0.service)" }
                if !claimants.isEmpty {
                    problems.append(
                        "\(carrier): invalid test number \"\(number)\" is claimed by "
                            + claimants.joined(separator: ", "))
                }
            }
        }
        return problems
    }
}
