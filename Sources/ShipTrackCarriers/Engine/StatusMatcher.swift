import Foundation
import ShipTrackModel
import Synchronization

/// The compiled status table of one carrier: carrier wording in, normalized status and reason out.
///
/// Rules are tried in order and the first match wins, so specific wording ("Delivery attempted") must come
/// before general wording ("Delivered"). Carriers repeat the same few hundred phrases across millions of
/// events, so results are memoised per description.
final class StatusMatcher: Sendable {
    struct Match: Sendable, Hashable {
        var status: TrackingStatus
        var reason: StatusReason?
        var recognised: Bool
    }

    private enum Test: @unchecked Sendable {
        // NSRegularExpression is immutable after creation and documented as safe to share between threads.
        case contains([String])
        case equals([String])
        case regex(NSRegularExpression)
        case code([String])
    }

    private struct Rule: Sendable {
        let test: Test
        let match: Match
    }

    private let rules: [Rule]
    private let unrecognised: TrackingStatus
    private let memo = Mutex<[String: Match]>([:])
    private static let memoLimit = 50_000

    init(table: StatusTable, file: String) throws(CarrierDefinitionError) {
        var rules: [Rule] = []
        for (index, rule) in table.rules.enumerated() {
            let key = "statuses.rules[\(index)]"
            let given = [rule.contains != nil, rule.equals != nil, rule.regex != nil, rule.code != nil].filter { $0 }
            guard given.count == 1 else {
                throw CarrierDefinitionError(
                    file: file, key: key, message: "needs exactly one of contains, equals, regex, code")
            }
            let test: Test
            if let words = rule.contains {
                test = .contains(words.map { $0.lowercased() })
            } else if let words = rule.equals {
                test = .equals(words.map { $0.lowercased() })
            } else if let codes = rule.code {
                test = .code(codes.map { $0.lowercased() })
            } else {
                let pattern = rule.regex ?? ""
                do {
                    test = .regex(try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]))
                } catch {
                    throw CarrierDefinitionError(
                        file: file, key: key + ".regex", message: "not a valid regular expression: \(pattern)")
                }
            }
            if case .contains(let words) = test, words.contains(where: \.isEmpty) {
                throw CarrierDefinitionError(file: file, key: key + ".contains", message: "an empty word matches everything")
            }
            rules.append(Rule(test: test, match: Match(status: rule.status, reason: rule.reason, recognised: true)))
        }
        self.rules = rules
        self.unrecognised = table.unrecognised
    }

    /// The status for an event's description and code.
    func match(description: String, code: String?) -> Match {
        let key = code.map { "\($0)\u{1F}\(description)" } ?? description
        if let known = memo.withLock({ $0[key] }) { return known }
        let found = evaluate(description: description.lowercased(), code: code?.lowercased())
        memo.withLock { memo in
            if memo.count >= StatusMatcher.memoLimit { memo.removeAll(keepingCapacity: true) }
            memo[key] = found
        }
        return found
    }

    private func evaluate(description: String, code: String?) -> Match {
        for rule in rules {
            let hit: Bool
            switch rule.test {
            case .contains(let words): hit = words.contains { description.contains($0) }
            case .equals(let words): hit = words.contains(description)
            case .code(let codes): hit = code.map { codes.contains($0) } ?? false
            case .regex(let expression):
                hit = expression.firstMatch(
                    in: description, range: NSRange(description.startIndex..., in: description)) != nil
            }
            if hit { return rule.match }
        }
        return Match(status: unrecognised, reason: nil, recognised: false)
    }
}
