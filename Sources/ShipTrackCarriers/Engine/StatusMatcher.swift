import Foundation
import ShipTrackModel
import Synchronization

/// The compiled status table of one source: event code and words in, normalized status, reason and English meaning
/// out.
///
/// The event code is tried first (exact codes, then code families such as 17TRACK's `Delivered_…` for a sub-status
/// never seen before), then the words, each group in the definition's order; the first match wins, so specific
/// wording ("Delivery attempted") comes before general wording ("Delivered"). Sources repeat the same few hundred
/// phrases across millions of events, so results are memoised per code and description.
final class StatusMatcher: Sendable {
    struct Match: Sendable, Hashable {
        var status: TrackingStatus
        var reason: StatusReason?
        var english: String?
        var recognised: Bool
        /// The words say the parcel is abroad (see ``StatusRule/abroad``).
        var abroad = false
    }

    private enum Test: @unchecked Sendable {
        // NSRegularExpression is immutable after creation and documented as safe to share between threads.
        case code(Set<String>)
        case codePrefix([String])
        case contains([String])
        case equals(Set<String>)
        case regex(NSRegularExpression)
    }

    private struct Rule: Sendable {
        let test: Test
        let match: Match
    }

    private let codeRules: [Rule]
    private let wordRules: [Rule]
    private let unrecognised: TrackingStatus
    private let memo = Mutex<[MemoKey: Match]>([:])
    private static let memoLimit = 50_000

    private struct MemoKey: Hashable {
        let code: String?
        let description: String
    }

    init(table: StatusTable, file: String) throws(CarrierDefinitionError) {
        var codeRules: [Rule] = []
        var wordRules: [Rule] = []
        for (index, rule) in table.rules.enumerated() {
            let key = "statuses.rules[\(index)]"
            let given = [rule.code != nil, rule.codePrefix != nil, rule.contains != nil, rule.equals != nil, rule.regex != nil]
                .filter { $0 }
            guard given.count == 1 else {
                throw CarrierDefinitionError(
                    file: file, key: key, message: "needs exactly one of code, code_prefix, contains, equals, regex")
            }
            let test: Test
            if let codes = rule.code {
                test = .code(Set(codes.map { $0.lowercased() }))
            } else if let prefixes = rule.codePrefix {
                test = .codePrefix(prefixes.map { $0.lowercased() })
            } else if let words = rule.contains {
                test = .contains(words.map { $0.lowercased() })
            } else if let words = rule.equals {
                test = .equals(Set(words.map { $0.lowercased() }))
            } else {
                let pattern = rule.regex ?? ""
                do {
                    test = .regex(try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]))
                } catch {
                    throw CarrierDefinitionError(
                        file: file, key: key + ".regex", message: "not a valid regular expression: \(pattern)")
                }
            }
            switch test {
            case .contains(let words) where words.contains(where: \.isEmpty),
                .codePrefix(let words) where words.contains(where: \.isEmpty):
                throw CarrierDefinitionError(file: file, key: key, message: "an empty word matches everything")
            default: break
            }
            // A code family is a fallback for codes never seen: its status is right, but the code is still news.
            let isFamily: Bool = if case .codePrefix = test { true } else { false }
            let compiled = Rule(
                test: test,
                match: Match(
                    status: rule.status, reason: rule.reason, english: rule.english, recognised: !isFamily,
                    abroad: rule.abroad ?? false))
            switch test {
            case .code, .codePrefix: codeRules.append(compiled)
            default: wordRules.append(compiled)
            }
        }
        // Exact codes before families, whatever order the file lists them in.
        self.codeRules = codeRules.filter { if case .code = $0.test { true } else { false } }
            + codeRules.filter { if case .codePrefix = $0.test { true } else { false } }
        self.wordRules = wordRules
        self.unrecognised = table.unrecognised
    }

    /// The status for an event's code (when the source gives one) and description.
    func match(description: String, code: String?) -> Match {
        let key = MemoKey(code: code, description: description)
        if let known = memo.withLock({ $0[key] }) { return known }
        let found = evaluate(description: description.lowercased(), code: code?.lowercased())
        memo.withLock { memo in
            if memo.count >= StatusMatcher.memoLimit { memo.removeAll(keepingCapacity: true) }
            memo[key] = found
        }
        return found
    }

    private func evaluate(description: String, code: String?) -> Match {
        var family: Match?
        if let code, !code.isEmpty {
            for rule in codeRules {
                switch rule.test {
                case .code(let codes) where codes.contains(code): return rule.match
                case .codePrefix(let prefixes) where prefixes.contains(where: { code.hasPrefix($0) }):
                    // A new code of a known family: its family says the status (17TRACK's main status), and it is
                    // flagged so the table can learn it.
                    family = family ?? rule.match
                default: continue
                }
            }
        }
        if let family { return family }
        for rule in wordRules {
            let hit: Bool
            switch rule.test {
            case .contains(let words): hit = words.contains { description.contains($0) }
            case .equals(let words): hit = words.contains(description)
            case .regex(let expression):
                hit = expression.firstMatch(
                    in: description, range: NSRange(description.startIndex..., in: description)) != nil
            case .code, .codePrefix: hit = false
            }
            if hit { return rule.match }
        }
        return Match(status: unrecognised, reason: nil, english: nil, recognised: false)
    }
}
