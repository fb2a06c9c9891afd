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
    ///
    /// A number no carrier format matches is then read against the standard formats (a valid S10 number is
    /// recognised with its issuing post), and failing that, checked for letters typed for digits. Both run only
    /// for such numbers, so a batch of good numbers pays nothing for them.
    public func identify(_ raw: String) -> Identification {
        let normalized = TrackingNumber.normalize(raw)
        // Arrays stay empty (and unallocated) for the common unknown number; one match allocates one array.
        var matches: [NumberMatch] = []
        var nearMisses: [NumberMismatch] = []
        var standard: StandardReading?
        var correction: TypingHint?
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
                                rule: failure.rule, message: failure.message, hints: failure.hints))
                    }
                }
            }
            if matches.isEmpty, nearMisses.isEmpty {
                standard = Self.standardReading(normalized, range: range)
                if standard == nil { correction = lookalikeCorrection(raw: raw, normalized: normalized) }
            }
        }
        return Identification(
            input: raw, normalized: normalized, matches: matches, nearMisses: nearMisses, standard: standard,
            correction: correction)
    }

    /// What the first standard format whose shape the number has says about it.
    private static func standardReading(_ number: String, range: NSRange) -> StandardReading? {
        for format in StandardFormat.allCases {
            guard let matcher = format.matcher else { continue }
            switch matcher.evaluate(number, range: range) {
            case .noMatch:
                continue
            case .claimed:
                return StandardReading(format: format, country: matcher.country(of: number, range: range) ?? "", failures: [])
            case .failed(let failures):
                return StandardReading(
                    format: format, country: matcher.country(of: number, range: range) ?? "", failures: failures)
            }
        }
        return nil
    }

    /// At most this many O, I and L letters are tried as digits (2^8 candidates); a longer run of letters is a word,
    /// not a mistyped number.
    private static let lookalikeLimit = 8

    /// The smallest set of letters O (as 0) and I or L (as 1) whose replacement makes the number valid for some
    /// carrier or standard format, as a hint; nil when none does.
    private func lookalikeCorrection(raw: String, normalized: String) -> TypingHint? {
        let scalars = Array(normalized.unicodeScalars)
        let positions = scalars.indices.filter { ["O", "I", "L"].contains(scalars[$0]) }
        guard !positions.isEmpty, positions.count <= Self.lookalikeLimit else { return nil }
        // Subsets by size, smallest first: the fewest letters that explain the number.
        let subsets = (1..<(1 << positions.count)).sorted { ($0.nonzeroBitCount, $0) < ($1.nonzeroBitCount, $1) }
        for subset in subsets {
            var candidate = scalars
            let chosen = positions.indices.filter { subset & (1 << $0) != 0 }.map { positions[$0] }
            for position in chosen { candidate[position] = scalars[position] == "O" ? "0" : "1" }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: candidate)
            let text = String(view)
            guard isValid(text) else { continue }
            let typed = TrackingNumber.typedCharacters(raw)
            let letters = chosen.map { position in
                TypingHint.LookalikeLetter(
                    letter: String(typed.count == scalars.count ? typed[position] : scalars[position]),
                    position: position + 1, digit: scalars[position] == "O" ? 0 : 1)
            }
            return .lookalikeLetters(letters, number: normalized, corrected: text)
        }
        return nil
    }

    /// Whether a carrier format claims `number`, or it is a valid standard number.
    private func isValid(_ number: String) -> Bool {
        let range = NSRange(location: 0, length: number.utf16.count)
        for entry in entries {
            if case .claimed = entry.matcher.evaluate(number, range: range, hints: false) { return true }
        }
        for format in StandardFormat.allCases {
            if case .claimed = format.matcher?.evaluate(number, range: range, hints: false) { return true }
        }
        return false
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
